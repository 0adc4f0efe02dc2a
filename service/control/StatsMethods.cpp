#include "service/control/StatsMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/TrafficCounter.h"

#include <QJsonArray>

namespace pw::service {

namespace {

constexpr qint64 kHour = 3600;
constexpr int kHours = 24;

QJsonObject countsObject(const TrafficCounts& counts)
{
    return {{QStringLiteral("received"), counts.received},
            {QStringLiteral("sent"), counts.sent},
            {QStringLiteral("rejected"), counts.rejected}};
}

} // namespace

QJsonObject trafficStats(const TrafficCounter& counter, const QDateTime& now)
{
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const qint64 currentHour = nowSeconds - nowSeconds % kHour;
    const qint64 firstHour = currentHour - (kHours - 1) * kHour;
    const qint64 midnight = QDateTime(now.toLocalTime().date(), QTime(0, 0)).toSecsSinceEpoch();
    const TrafficPeriods periods = counter.since(std::min(firstHour, midnight));

    TrafficCounts today;
    QList<TrafficCounts> hours(kHours);
    for (auto it = periods.constBegin(); it != periods.constEnd(); ++it) {
        if (it.key() >= midnight)
            today += it.value();
        if (it.key() >= firstHour && it.key() < currentHour + kHour)
            hours[(it.key() - firstHour) / kHour] += it.value();
    }
    QJsonArray hourList;
    for (int i = 0; i < kHours; ++i) {
        QJsonObject hour = countsObject(hours.at(i));
        hour.insert(QStringLiteral("start"),
                    QDateTime::fromSecsSinceEpoch(firstHour + i * kHour, Qt::UTC).toString(Qt::ISODate));
        hourList.append(hour);
    }
    return {{QStringLiteral("today"), countsObject(today)},
            {QStringLiteral("hours"), hourList},
            // There is no outbound queue yet; the app shows the queue only when it is available.
            {QStringLiteral("queue"),
             QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("available"), false}}}};
}

void registerStatsMethods(MethodTable& methods, const TrafficCounter& counter)
{
    methods.add(QStringLiteral("stats"), [&counter](const QJsonObject&, const Responder& respond) {
        respond.result(trafficStats(counter, QDateTime::currentDateTimeUtc()));
    });
}

} // namespace pw::service
