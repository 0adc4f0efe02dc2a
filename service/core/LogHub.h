#pragma once

#include "shared/core/LogRecord.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <deque>

namespace pw::service {

// The service's structured log: a bounded ring buffer that logs.tail reads and that pushes every
// new record to subscribers. Thread-safe; `recordAdded` is always emitted on the hub's thread.
class LogHub : public QObject
{
    Q_OBJECT

public:
    explicit LogHub(qsizetype capacity, QObject* parent = nullptr);

    void setMinimumLevel(core::LogLevel level) { m_minimumLevel = level; }
    void setEchoToStderr(bool echo) { m_echo = echo; }
    void setCapacity(qsizetype capacity);

    void log(core::LogLevel level, const QString& category, const QString& message,
             const QJsonObject& fields = {}, const QString& session = {});
    void append(core::LogRecord record);

    // The newest `count` records at or above `minimumLevel`, oldest first.
    [[nodiscard]] QList<core::LogRecord> tail(qsizetype count, core::LogLevel minimumLevel) const;
    [[nodiscard]] quint64 lastSeq() const;
    [[nodiscard]] qsizetype size() const;

signals:
    void recordAdded(const pw::core::LogRecord& record);
    // Every record, whatever the configured level: what counters (the traffic statistics) need,
    // so that an admin who logs only notices still sees how much mail came in.
    void recordLogged(const pw::core::LogRecord& record);

private:
    mutable QMutex m_mutex;
    std::deque<core::LogRecord> m_records;
    qsizetype m_capacity;
    quint64 m_nextSeq = 1;
    core::LogLevel m_minimumLevel = core::LogLevel::Info;
    bool m_echo = false;
};

} // namespace pw::service
