#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Saves settings of the service the way the owner's "Next" means it: `config.set`, then, when
// the service says the change only takes effect after a restart, a restart through the
// ServiceManager and a wait until the service runs again. One write at a time.
class WizardSettingsWriter : public QObject
{
    Q_OBJECT

public:
    explicit WizardSettingsWriter(app::ServiceManager& service, QObject* parent = nullptr);

    // `values` maps "section.key" to the new value, as config.set takes it.
    void write(const QJsonObject& values);
    [[nodiscard]] bool isBusy() const { return m_busy; }

signals:
    // What is happening now, in plain words (for a label beside a busy indicator).
    void progress(const QString& text);
    // `changed` lists the settings whose value changed ("service.hostname", ...).
    void finished(bool ok, const QString& error, const QStringList& changed);

private:
    void restartService();
    void finish(bool ok, const QString& error);

    app::ServiceManager& m_service;
    QTimer m_timeout;
    QMetaObject::Connection m_stateConnection;
    QMetaObject::Connection m_failConnection;
    QStringList m_changed;
    bool m_busy = false;
    bool m_sawDown = false;
};

} // namespace pw::ui
