#include "ui/wizard/EnsureMailDomain.h"

#include "shared/control/ControlClient.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pw::ui {

void ensureMailDomain(control::ControlClient& client, const QString& domain, QObject* context,
                      std::function<void(const QString& error)> done)
{
    if (domain.trimmed().isEmpty()) {
        done(QCoreApplication::translate("pw::ui::EnsureMailDomain",
                                         "No mail domain has been chosen yet: go back to the domain step."));
        return;
    }
    client.call(QStringLiteral("domain.add"), QJsonObject{{QStringLiteral("domain"), domain.trimmed()}},
                context, [done](const control::Reply& reply) {
                    if (reply.ok || reply.error.code == control::ErrorCode::AlreadyExists)
                        done(QString());
                    else
                        done(reply.error.message);
                });
}

} // namespace pw::ui
