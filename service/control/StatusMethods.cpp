#include "service/control/StatusMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/ControlServer.h"
#include "service/control/MethodTable.h"
#include "service/core/LogHub.h"
#include "service/core/MailStack.h"
#include "service/core/ServiceConfig.h"
#include "service/store/Database.h"
#include "service/store/Directory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pw::service {

void registerStatusMethods(MethodTable& methods, StatusContext c, std::function<void()> shutdown)
{
    methods.add(QStringLiteral("status"), [c](const QJsonObject&, const Responder& respond) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonArray listeners{QJsonObject{{QStringLiteral("role"), QStringLiteral("control")},
                                         {QStringLiteral("address"), c.control->path()},
                                         {QStringLiteral("state"), QStringLiteral("listening")}}};
        for (const QJsonValue& listener : c.mail->listenerStatus())
            listeners.append(listener);
        respond.result(QJsonObject{
            {QStringLiteral("version"), QStringLiteral(POSTWARDEN_VERSION)},
            {QStringLiteral("pid"), QCoreApplication::applicationPid()},
            {QStringLiteral("started"), c.started->toString(Qt::ISODate)},
            {QStringLiteral("uptime_seconds"), c.started->secsTo(now)},
            {QStringLiteral("data_dir"), *c.dataDir},
            {QStringLiteral("config_file"), *c.configFile},
            {QStringLiteral("hostname"), c.config->hostname},
            {QStringLiteral("schema_version"), c.db->schemaVersion()},
            {QStringLiteral("listeners"), listeners},
            {QStringLiteral("counts"),
             QJsonObject{{QStringLiteral("control_clients"), c.control->connectionCount()},
                         {QStringLiteral("smtp_connections"), c.mail->smtpConnections()},
                         {QStringLiteral("log_records"), c.log->size()},
                         {QStringLiteral("events"), c.db->eventCount()},
                         {QStringLiteral("domains"), c.directory->domainCount()},
                         {QStringLiteral("mailboxes"), c.directory->mailboxCount()},
                         {QStringLiteral("aliases"), c.directory->aliasCount()}}},
        });
    });

    methods.add(QStringLiteral("shutdown"), [shutdown](const QJsonObject&, const Responder& respond) {
        respond.result(QJsonObject{{QStringLiteral("stopping"), true}});
        shutdown();
    });
}

} // namespace pw::service
