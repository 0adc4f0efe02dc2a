#pragma once

#include "service/core/ServiceConfig.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <memory>

namespace pw::service {

class ControlServer;
class Database;
class Directory;
class DkimKeyStore;
class MailStack;
class InstanceLock;
class LogHub;
class TrafficCounter;

struct ServiceOptions
{
    QString dataDir;
    QString configFile; // empty = DATA/postwarden.conf, written with defaults when missing
    bool echoLogToStderr = false;
};

// The composition root of postwardend: owns the lock, config, database, log and control socket,
// and brings them up and down in order. main() only parses arguments and runs the event loop.
class Service : public QObject
{
    Q_OBJECT

public:
    explicit Service(ServiceOptions options, QObject* parent = nullptr);
    ~Service() override;

    // Everything that can go wrong at start-up, every line of it, in `errors`.
    [[nodiscard]] bool start(QStringList* errors);
    void stop();

    [[nodiscard]] LogHub& log() { return *m_log; }
    [[nodiscard]] const ServiceConfig& config() const { return m_config; }
    // Valid once start() has opened the database.
    [[nodiscard]] Directory& directory() { return *m_directory; }
    [[nodiscard]] DkimKeyStore& dkimKeys() { return *m_dkimKeys; }
    [[nodiscard]] MailStack& mail() { return *m_mail; }

    // A log record that is also kept in the database's event log (admin changes, start, stop).
    void recordEvent(core::LogLevel level, const QString& category, const QString& message,
                     const QJsonObject& fields = {});

signals:
    void shutdownRequested();

private:
    [[nodiscard]] bool prepareDataDir(QStringList* errors);
    [[nodiscard]] bool loadConfig(QStringList* errors);
    void registerMethods();

    ServiceOptions m_options;
    ServiceConfig m_config;
    std::unique_ptr<InstanceLock> m_lock;
    std::unique_ptr<LogHub> m_log;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<DkimKeyStore> m_dkimKeys;
    std::unique_ptr<TrafficCounter> m_traffic;
    std::unique_ptr<MailStack> m_mail;
    std::unique_ptr<ControlServer> m_control;
    QDateTime m_started;
    bool m_running = false;
};

} // namespace pw::service
