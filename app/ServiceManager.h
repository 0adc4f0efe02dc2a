#pragma once

#include "shared/control/ControlClient.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class QProcess;

namespace pw::app {

// Finds the service for a data directory, starts it when it is not running, keeps a connection
// to it, and notices when it dies. The app's widgets only ever see this and the client.
class ServiceManager : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Connecting,
        Starting,
        Running,
        Stopped
    };
    Q_ENUM(State)

    ServiceManager(const QString& dataDir, const QString& socketPath, QObject* parent = nullptr);

    [[nodiscard]] control::ControlClient& client() { return m_client; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] QJsonObject lastStatus() const { return m_lastStatus; }
    // The postwardend that startService() runs: the one set here, else the one beside the app,
    // else the one on PATH.
    [[nodiscard]] QString serviceProgram() const;
    void setServiceProgram(const QString& program) { m_serviceProgram = program; }

    // Connects; with `startIfMissing` a service that is not running is started.
    void attach(bool startIfMissing);
    void startService();
    void stopService();
    void restartService();

signals:
    void stateChanged(pw::app::ServiceManager::State state);
    void statusUpdated(const QJsonObject& status);
    void startFailed(const QString& reason);

private:
    void setState(State state);
    void pollStatus();

    control::ControlClient m_client;
    QTimer m_pollTimer;
    QString m_dataDir;
    QString m_serviceProgram;
    QJsonObject m_lastStatus;
    State m_state = State::Stopped;
    bool m_startIfMissing = false;
    bool m_restartPending = false;
    QProcess* m_starter = nullptr;
};

} // namespace pw::app
