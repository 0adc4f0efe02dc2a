#include "ui/wizard/FirstStart.h"

#include "app/ServiceManager.h"
#include "ui/MainWindow.h"
#include "ui/wizard/SetupWizard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <memory>

namespace pw::ui {

namespace {

void openWhenNoDomain(app::ServiceManager& service, MainWindow& window)
{
    const QPointer<MainWindow> guard(&window);
    service.client().call(
        QStringLiteral("domain.list"), QJsonObject{}, &window, [guard](const control::Reply& reply) {
            const QJsonArray domains = reply.result.toObject().value(QStringLiteral("domains")).toArray();
            if (guard && reply.ok && domains.isEmpty())
                guard->openSetupWizard();
        });
}

} // namespace

void offerWizardOnFirstStart(app::ServiceManager& service, MainWindow& window)
{
    if (SetupWizard::wasCompleted())
        return;
    if (service.state() == app::ServiceManager::State::Running) {
        openWhenNoDomain(service, window);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(&service, &app::ServiceManager::stateChanged, &window,
                                   [&service, &window, connection](app::ServiceManager::State state) {
                                       if (state != app::ServiceManager::State::Running)
                                           return;
                                       QObject::disconnect(*connection);
                                       openWhenNoDomain(service, window);
                                   });
}

} // namespace pw::ui
