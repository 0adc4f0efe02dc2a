#pragma once

#include "service/store/TrafficStore.h"
#include "shared/core/LogRecord.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace pw::service {

class Database;

// Counts mail for `stats` from the records the SMTP sessions already write to the LogHub: one
// per transaction, with its result, role and refused recipients. Counts gather in memory and go
// to the database every few seconds and at stop, so a busy server does not pay a synced write
// per message; `since` adds what has not been written yet.
class TrafficCounter : public QObject
{
    Q_OBJECT

public:
    using ErrorSink = std::function<void(const QString& message)>;
    TrafficCounter(Database& db, ErrorSink onError, QObject* parent = nullptr);
    ~TrafficCounter() override;

    // What one log record counts for: nothing for anything but an SMTP transaction.
    [[nodiscard]] static TrafficCounts classify(const core::LogRecord& record);

    void count(const core::LogRecord& record);
    // Writes what is pending; kept for the next try when the database refuses.
    void flush();
    [[nodiscard]] TrafficPeriods since(qint64 fromSeconds) const;

private:
    TrafficStore m_store;
    ErrorSink m_onError;
    TrafficPeriods m_pending;
    QTimer m_flushTimer;
};

} // namespace pw::service
