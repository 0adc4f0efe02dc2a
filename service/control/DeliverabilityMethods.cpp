#include "service/control/DeliverabilityMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/MailStack.h"
#include "service/core/ServiceConfig.h"
#include "service/smtp/DeliverabilityTest.h"
#include "service/store/Directory.h"
#include "shared/mail/MailAddress.h"

#include <QCoreApplication>

namespace pw::service {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("pw::service::DeliverabilityMethods", text);
}

} // namespace

void registerDeliverabilityMethods(MethodTable& methods, MailStack& mail, const ServiceConfig& config)
{
    methods.add(QStringLiteral("deliverability.test"), [&mail, &config](const QJsonObject& params,
                                                                        const Responder& respond) {
        const QString text = params.value(QStringLiteral("from")).toString().trimmed();
        const auto from = mail::MailAddress::parse(text.toUtf8());
        if (text.isEmpty() || !from) {
            respond.error(control::ErrorCode::InvalidParams,
                          translate("\"from\" must be an address, like user@example.org"));
            return;
        }
        const SmtpContext& context = mail.smtpContext();
        if (!context.directory || !context.resolver || !context.dkimVerifier || !context.dmarc) {
            respond.error(control::ErrorCode::Unavailable, translate("the mail service is not running"));
            return;
        }
        const RecipientRoute route = context.directory->route(from->canonical());
        if (route.outcome != RecipientRoute::Outcome::Local) {
            respond.error(control::ErrorCode::NotFound,
                          translate("%1 is not an address of this server").arg(text));
            return;
        }
        auto* test = new DeliverabilityTest(context, config.publicAddresses, *from, &mail);
        test->run([respond](const QJsonObject& answer) { respond.result(answer); });
    });
}

} // namespace pw::service
