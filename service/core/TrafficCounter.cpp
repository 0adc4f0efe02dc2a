#include "service/core/TrafficCounter.h"

#include <QDateTime>
#include <QJsonArray>

namespace pw::service {

namespace {

// Long enough that a stream of deliveries costs one synced write now and then, short enough
// that little is lost when the service is killed.
constexpr int kFlushDelayMs = 10 * 1000;

} // namespace

TrafficCounter::TrafficCounter(Database& db, ErrorSink onError, QObject* parent)
    : QObject(parent)
    , m_store(db)
    , m_onError(std::move(onError))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrafficCounter::flush);
}

TrafficCounter::~TrafficCounter() = default;

TrafficCounts TrafficCounter::classify(const core::LogRecord& record)
{
    TrafficCounts counts;
    if (record.category != QLatin1String("smtp"))
        return counts;
    const QString result = record.fields.value(QStringLiteral("result")).toString();
    if (result == QLatin1String("accepted")) {
        // "file" is the store's receipt: the message went to local mailboxes.
        if (record.fields.contains(QStringLiteral("file")))
            counts.received = 1;
        const QString role = record.fields.value(QStringLiteral("role")).toString();
        if (role == QLatin1String("submission") || role == QLatin1String("submissions") ||
            record.fields.contains(QStringLiteral("user")))
            counts.sent = 1;
    } else if (result == QLatin1String("rejected")) {
        counts.rejected = 1;
    }
    // Refused recipients come with every kind of transaction end (abandoned, aborted, ...).
    counts.rejected += record.fields.value(QStringLiteral("rejected")).toArray().size();
    return counts;
}

void TrafficCounter::count(const core::LogRecord& record)
{
    const TrafficCounts counts = classify(record);
    if (counts.isEmpty())
        return;
    const QDateTime time = record.time.isValid() ? record.time : QDateTime::currentDateTimeUtc();
    m_pending[TrafficStore::periodStart(time.toSecsSinceEpoch())] += counts;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TrafficCounter::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const StoreResult stored = m_store.add(m_pending, QDateTime::currentSecsSinceEpoch());
    if (!stored.ok()) {
        if (m_onError)
            m_onError(stored.message);
        m_flushTimer.start();
        return;
    }
    m_pending.clear();
}

TrafficPeriods TrafficCounter::since(qint64 fromSeconds) const
{
    TrafficPeriods periods = m_store.since(fromSeconds);
    for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
        if (it.key() >= fromSeconds)
            periods[it.key()] += it.value();
    }
    return periods;
}

} // namespace pw::service
