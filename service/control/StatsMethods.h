#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace pw::service {

class MethodTable;
class TrafficCounter;

// The answer to `stats` at `now` (local midnight is taken from the system's time zone):
// {today: {received, sent, rejected}, hours: [24 × {start, received, sent, rejected}], queue}.
[[nodiscard]] QJsonObject trafficStats(const TrafficCounter& counter, const QDateTime& now);

// stats.
void registerStatsMethods(MethodTable& methods, const TrafficCounter& counter);

} // namespace pw::service
