#pragma once

#include "service/store/StoreError.h"

#include <QMap>
#include <QtGlobal>

namespace pw::service {

class Database;

struct TrafficCounts
{
    qint64 received = 0; // messages delivered to local mailboxes
    qint64 sent = 0;     // messages accepted from authenticated users
    qint64 rejected = 0; // refused messages and refused recipients

    [[nodiscard]] bool isEmpty() const { return received == 0 && sent == 0 && rejected == 0; }
    TrafficCounts& operator+=(const TrafficCounts& other)
    {
        received += other.received;
        sent += other.sent;
        rejected += other.rejected;
        return *this;
    }
};

// Period start (Unix seconds, UTC, a multiple of TrafficStore::kPeriodSeconds) → counts.
using TrafficPeriods = QMap<qint64, TrafficCounts>;

// The mail counts behind `stats`, one row per 15 minutes in the traffic table. Runs on the
// Database's connection and thread.
class TrafficStore
{
public:
    static constexpr qint64 kPeriodSeconds = 15 * 60;
    // Rows older than this go at the next add(); nothing reads more than two days back yet.
    static constexpr qint64 kKeepSeconds = 400LL * 24 * 3600;

    explicit TrafficStore(Database& db);

    [[nodiscard]] static qint64 periodStart(qint64 unixSeconds);

    // Adds `counts` to the rows, in one transaction.
    [[nodiscard]] StoreResult add(const TrafficPeriods& counts, qint64 nowSeconds);
    // The periods that start at or after `fromSeconds`: one range query over the primary key.
    [[nodiscard]] TrafficPeriods since(qint64 fromSeconds) const;

private:
    Database& m_db;
};

} // namespace pw::service
