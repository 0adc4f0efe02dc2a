#pragma once

#include "shared/core/LogRecord.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace pw::service {

class MethodTable;
struct ServiceConfig;

// What the config methods need, borrowed from the Service that owns it all.
struct ConfigContext
{
    // The running configuration. config.set changes what is safe to change while running
    // (the public addresses; the host name for `records` and `status`), nothing else.
    ServiceConfig* config;
    const QString* configFile;
    std::function<void(core::LogLevel, const QString& category, const QString& message,
                       const QJsonObject& fields)>
        recordEvent;
};

// config.show, config.set. Registered once the configuration is loaded: the values it was
// started with are what restart_required compares the file against.
void registerConfigMethods(MethodTable& methods, ConfigContext context);

} // namespace pw::service
