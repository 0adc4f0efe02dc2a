#include "ui/wizard/WizardSettingsWriter.h"

#include "app/ServiceManager.h"

#include <QJsonArray>

namespace pw::ui {

namespace {
// A service that needs longer than this to come back has a problem the owner must see.
constexpr int kRestartTimeoutMs = 60000;
} // namespace

WizardSettingsWriter::WizardSettingsWriter(app::ServiceManager& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kRestartTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, tr("The mail service did not start again within a minute. Look at the log in the "
                         "console, then try again."));
    });
}

void WizardSettingsWriter::write(const QJsonObject& values)
{
    if (m_busy)
        return;
    m_busy = true;
    m_changed.clear();
    emit progress(tr("Saving the settings…"));
    m_service.client().call(
        QStringLiteral("config.set"), QJsonObject{{QStringLiteral("values"), values}}, this,
        [this](const control::Reply& reply) {
            if (!reply.ok) {
                finish(false, tr("The mail service did not save the settings: %1").arg(reply.error.message));
                return;
            }
            const QJsonObject result = reply.result.toObject();
            for (const QJsonValue& key : result.value(QStringLiteral("changed")).toArray())
                m_changed.append(key.toString());
            if (result.value(QStringLiteral("restart_required")).toBool())
                restartService();
            else
                finish(true, QString());
        });
}

void WizardSettingsWriter::restartService()
{
    emit progress(tr("Restarting the mail service so that it uses the new settings…"));
    m_sawDown = false;
    m_stateConnection = connect(&m_service, &app::ServiceManager::stateChanged, this,
                                [this](app::ServiceManager::State state) {
                                    if (state != app::ServiceManager::State::Running)
                                        m_sawDown = true;
                                    else if (m_sawDown)
                                        finish(true, QString());
                                });
    m_failConnection =
        connect(&m_service, &app::ServiceManager::startFailed, this, [this](const QString& why) {
            finish(false, tr("The mail service did not start again: %1").arg(why));
        });
    m_timeout.start();
    m_service.restartService();
}

void WizardSettingsWriter::finish(bool ok, const QString& error)
{
    disconnect(m_stateConnection);
    disconnect(m_failConnection);
    m_timeout.stop();
    m_busy = false;
    emit finished(ok, error, m_changed);
}

} // namespace pw::ui
