#include "app/ServiceManager.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace pw::app {

namespace {
constexpr int kStatusPollMs = 2000;
}

ServiceManager::ServiceManager(const QString& dataDir, const QString& socketPath, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    m_client.setSocketPath(socketPath);
    m_pollTimer.setInterval(kStatusPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ServiceManager::pollStatus);

    connect(&m_client, &control::ControlClient::connected, this, [this] {
        setState(State::Running);
        pollStatus();
        m_pollTimer.start();
    });
    connect(&m_client, &control::ControlClient::disconnected, this, [this] {
        m_pollTimer.stop();
        setState(State::Stopped);
        if (std::exchange(m_restartPending, false))
            startService();
    });
    connect(&m_client, &control::ControlClient::connectionFailed, this, [this] {
        if (m_state != State::Connecting)
            return;
        if (std::exchange(m_startIfMissing, false))
            startService();
        else
            setState(State::Stopped);
    });
}

QString ServiceManager::serviceProgram() const
{
    if (!m_serviceProgram.isEmpty())
        return m_serviceProgram;
    // Next to the app first (a build tree or an installed prefix), then PATH.
    const QString besideUs = QCoreApplication::applicationDirPath() + QStringLiteral("/postwardend");
    if (QFileInfo(besideUs).isExecutable())
        return besideUs;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("postwardend"));
    return onPath.isEmpty() ? QStringLiteral("postwardend") : onPath;
}

void ServiceManager::attach(bool startIfMissing)
{
    m_startIfMissing = startIfMissing;
    m_client.setAutoReconnect(true);
    setState(State::Connecting);
    m_client.connectToService();
}

void ServiceManager::startService()
{
    if (m_starter)
        return;
    setState(State::Starting);
    // postwardend forks and returns once the service answers, or prints why it cannot start.
    m_starter = new QProcess(this);
    m_starter->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_starter, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus exitStatus) {
        const QString output = QString::fromUtf8(m_starter->readAll()).trimmed();
        m_starter->deleteLater();
        m_starter = nullptr;
        if (exitStatus != QProcess::NormalExit || exitCode != 0) {
            setState(State::Stopped);
            emit startFailed(output.isEmpty() ? tr("the service exited with code %1").arg(exitCode) : output);
            return;
        }
        m_client.setAutoReconnect(true);
        m_client.connectToService();
    });
    connect(m_starter, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_starter)
            return;
        const QString reason = tr("cannot run %1: %2").arg(m_starter->program(), m_starter->errorString());
        m_starter->deleteLater();
        m_starter = nullptr;
        setState(State::Stopped);
        emit startFailed(reason);
    });
    m_starter->start(serviceProgram(), {QStringLiteral("--data-dir"), m_dataDir});
}

void ServiceManager::stopService()
{
    m_client.call(QStringLiteral("shutdown"), {}, this, [](const control::Reply&) {});
}

void ServiceManager::restartService()
{
    if (m_state == State::Running) {
        m_restartPending = true;
        stopService();
    } else {
        startService();
    }
}

void ServiceManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ServiceManager::pollStatus()
{
    m_client.call(QStringLiteral("status"), {}, this, [this](const control::Reply& reply) {
        if (!reply.ok)
            return;
        m_lastStatus = reply.result.toObject();
        emit statusUpdated(m_lastStatus);
    });
}

} // namespace pw::app
