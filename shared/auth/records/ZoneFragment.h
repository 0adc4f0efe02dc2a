#pragma once

#include "shared/auth/records/GeneratedRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pw::auth {

// Generated records as text for people and other programs.
class ZoneFragment
{
public:
    // A BIND zone-file fragment (RFC 1035 5.1): one "; purpose" comment line, then the record
    // with an absolute owner name, its TTL and class IN; no $ORIGIN, so it can be pasted into
    // any zone or provider's import box.
    [[nodiscard]] static QString toBindZone(const QList<GeneratedRecord>& records);
    // One "name TYPE value" line per record (absolute name, without TTL and class), the form
    // DNS providers' web forms ask for, in record order.
    [[nodiscard]] static QStringList toList(const QList<GeneratedRecord>& records);
};

} // namespace pw::auth
