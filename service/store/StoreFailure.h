#pragma once

#include "service/store/StoreError.h"

#include <QCoreApplication>

class QSqlError;
class QSqlQuery;

namespace pw::service {

// StoreResults for the errors the store meets, with a full disk told apart from other I/O
// errors wherever it shows (ENOSPC/EDQUOT, SQLITE_FULL), because SMTP answers it differently.
class StoreFailure
{
    Q_DECLARE_TR_FUNCTIONS(pw::service::StoreFailure)

public:
    [[nodiscard]] static StoreResult sql(const QSqlError& error);
    [[nodiscard]] static StoreResult sql(const QSqlQuery& query);
    // `sentence` is a whole translated sentence with %1 for the path and %2 for the system's reason.
    [[nodiscard]] static StoreResult file(int error, const QString& sentence, const QString& path);
    [[nodiscard]] static StoreErrorCode codeForErrno(int error);
    [[nodiscard]] static QString errnoText(int error);
};

} // namespace pw::service
