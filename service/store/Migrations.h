#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pw::service {

// Migration N brings the schema from version N-1 to N. Append only: a released migration never
// changes, because databases in the field have already run it.
struct Migration
{
    int version;
    QStringList statements;
};

[[nodiscard]] const QList<Migration>& migrations();

} // namespace pw::service
