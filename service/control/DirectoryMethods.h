#pragma once

#include "shared/core/LogRecord.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace pw::service {

class Directory;
class DkimKeyStore;
class MethodTable;
struct ServiceConfig;

// What the directory methods need, borrowed from the Service that owns it all.
struct DirectoryContext
{
    Directory* directory;
    DkimKeyStore* dkim;
    const ServiceConfig* config;
    // Service::recordEvent: every change lands in the event log (never with a password).
    std::function<void(core::LogLevel, const QString& category, const QString& message,
                       const QJsonObject& fields)>
        recordEvent;
};

// domain.add/remove/list, mailbox.add/remove/list/passwd/quota/disable/enable,
// alias.add/remove/list, catchall.set/clear, postmaster.set, dkim.show/rotate/activate, records.
void registerDirectoryMethods(MethodTable& methods, DirectoryContext context);

} // namespace pw::service
