#include "service/store/TrafficStore.h"

#include "service/store/Database.h"
#include "shared/core/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pw::service {

TrafficStore::TrafficStore(Database& db)
    : m_db(db)
{}

qint64 TrafficStore::periodStart(qint64 unixSeconds)
{
    // Floor, also for the (theoretical) times before 1970.
    const qint64 remainder = unixSeconds % kPeriodSeconds;
    return unixSeconds - (remainder < 0 ? remainder + kPeriodSeconds : remainder);
}

StoreResult TrafficStore::add(const TrafficPeriods& counts, qint64 nowSeconds)
{
    QSqlDatabase& db = m_db.connection();
    if (!db.transaction())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    auto fail = [&db](const QSqlQuery& query) {
        const QString message = query.lastError().text();
        db.rollback();
        return StoreResult::failure(StoreErrorCode::Io, message);
    };
    QSqlQuery upsert(db);
    upsert.prepare(
        QStringLiteral("INSERT INTO traffic (start, received, sent, rejected) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (start) DO UPDATE SET received = received + excluded.received, "
                       "sent = sent + excluded.sent, rejected = rejected + excluded.rejected"));
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
        upsert.addBindValue(it.key());
        upsert.addBindValue(it->received);
        upsert.addBindValue(it->sent);
        upsert.addBindValue(it->rejected);
        if (!upsert.exec())
            return fail(upsert);
    }
    QSqlQuery prune(db);
    prune.prepare(QStringLiteral("DELETE FROM traffic WHERE start < ?"));
    prune.addBindValue(nowSeconds - kKeepSeconds);
    if (!prune.exec())
        return fail(prune);
    if (!db.commit())
        return StoreResult::failure(StoreErrorCode::Io, db.lastError().text());
    return StoreResult::success();
}

TrafficPeriods TrafficStore::since(qint64 fromSeconds) const
{
    TrafficPeriods periods;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT start, received, sent, rejected FROM traffic WHERE start >= ? "
                                 "ORDER BY start"));
    query.addBindValue(fromSeconds);
    if (!query.exec()) {
        qCWarning(lcStore) << "traffic counts not read:" << query.lastError().text();
        return periods;
    }
    while (query.next())
        periods.insert(query.value(0).toLongLong(), {query.value(1).toLongLong(), query.value(2).toLongLong(),
                                                     query.value(3).toLongLong()});
    return periods;
}

} // namespace pw::service
