#pragma once

#include <QDateTime>
#include <QString>
#include <functional>

namespace pw::service {

class ControlServer;
class Database;
class Directory;
class LogHub;
class MailStack;
class MethodTable;
struct ServiceConfig;

// What `status` reports, borrowed from the Service that owns it all.
struct StatusContext
{
    const QString* dataDir;
    const QString* configFile;
    const ServiceConfig* config;
    const QDateTime* started;
    const ControlServer* control;
    const LogHub* log;
    const Database* db;
    const MailStack* mail;
    const Directory* directory;
};

// status, shutdown.
void registerStatusMethods(MethodTable& methods, StatusContext context, std::function<void()> shutdown);

} // namespace pw::service
