#include "service/store/StoreFailure.h"

#include <QSqlError>
#include <QSqlQuery>
#include <cerrno>
#include <cstring>

namespace pw::service {

StoreResult StoreFailure::sql(const QSqlError& error)
{
    // SQLITE_FULL (13): the database or its journal could not grow.
    if (error.nativeErrorCode() == QLatin1String("13"))
        return StoreResult::failure(
            StoreErrorCode::DiskFull,
            tr("The disk is full: the message database cannot grow (%1).").arg(error.text()));
    return StoreResult::failure(StoreErrorCode::Io, tr("Message database error: %1").arg(error.text()));
}

StoreResult StoreFailure::sql(const QSqlQuery& query)
{
    return sql(query.lastError());
}

StoreResult StoreFailure::file(int error, const QString& sentence, const QString& path)
{
    const QString message = sentence.arg(path, errnoText(error));
    if (codeForErrno(error) == StoreErrorCode::DiskFull)
        return StoreResult::failure(StoreErrorCode::DiskFull, tr("The disk is full: %1").arg(message));
    return StoreResult::failure(StoreErrorCode::Io, message);
}

StoreErrorCode StoreFailure::codeForErrno(int error)
{
    return error == ENOSPC || error == EDQUOT ? StoreErrorCode::DiskFull : StoreErrorCode::Io;
}

QString StoreFailure::errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace pw::service
