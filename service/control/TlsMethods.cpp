#include "service/control/TlsMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/MailStack.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pw::service {

void registerTlsMethods(MethodTable& methods, MailStack& mail,
                        std::function<void(const QString& message)> recordEvent)
{
    methods.add(QStringLiteral("tls.show"), [&mail](const QJsonObject&, const Responder& respond) {
        respond.result(mail.tlsDescription());
    });
    methods.add(
        QStringLiteral("tls.reload"), [&mail, recordEvent](const QJsonObject&, const Responder& respond) {
            QStringList errors;
            if (!mail.reloadTls(&errors)) {
                respond.error(control::ErrorCode::Failed, errors.join(QStringLiteral("; ")));
                return;
            }
            const QJsonObject description = mail.tlsDescription();
            recordEvent(QCoreApplication::translate("pw::service::TlsMethods", "TLS certificate reloaded: %1")
                            .arg(description.value(QStringLiteral("subject")).toString()));
            respond.result(description);
        });
}

} // namespace pw::service
