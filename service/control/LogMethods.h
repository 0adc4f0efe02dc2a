#pragma once

namespace pw::service {

class LogHub;
class MethodTable;

// logs.tail, logs.subscribe, logs.unsubscribe. Subscribers get `logs.record` notifications.
void registerLogMethods(MethodTable& methods, const LogHub& log);

} // namespace pw::service
