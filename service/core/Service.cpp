#include "service/core/Service.h"

#include "service/control/ConfigMethods.h"
#include "service/control/ControlServer.h"
#include "service/control/DeliverabilityMethods.h"
#include "service/control/DirectoryMethods.h"
#include "service/control/LogMethods.h"
#include "service/control/StatsMethods.h"
#include "service/control/StatusMethods.h"
#include "service/control/TlsMethods.h"
#include "service/core/ConfigSchema.h"
#include "service/core/InstanceLock.h"
#include "service/core/LogHub.h"
#include "service/core/MailStack.h"
#include "service/core/TrafficCounter.h"
#include "service/store/Database.h"
#include "service/store/Directory.h"
#include "service/store/DkimKeyStore.h"
#include "shared/auth/dkim/DkimSigner.h"
#include "shared/core/Paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace pw::service {

Service::Service(ServiceOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(std::make_unique<LogHub>(5000))
{
    m_log->setEchoToStderr(m_options.echoLogToStderr);
}

Service::~Service()
{
    stop();
}

bool Service::prepareDataDir(QStringList* errors)
{
    const QString& dir = m_options.dataDir;
    if (!QDir().mkpath(dir)) {
        errors->append(tr("cannot create the data directory %1").arg(dir));
        return false;
    }
    // Mail, keys and the control socket live here: nobody else may even list it.
    if (!QFile::setPermissions(dir,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        errors->append(tr("cannot set mode 0700 on the data directory %1").arg(dir));
        return false;
    }
    return true;
}

bool Service::loadConfig(QStringList* errors)
{
    QString path = m_options.configFile;
    if (path.isEmpty()) {
        path = core::configPath(m_options.dataDir);
        if (!QFileInfo::exists(path)) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(defaultConfigText().toUtf8()) < 0 ||
                !file.commit()) {
                errors->append(tr("cannot write the default configuration %1").arg(path));
                return false;
            }
        }
        m_options.configFile = path;
    }
    QStringList configErrors;
    m_config = ServiceConfig::load(path, &configErrors);
    for (const QString& error : configErrors)
        errors->append(tr("%1: %2").arg(path, error));
    return configErrors.isEmpty();
}

bool Service::start(QStringList* errors)
{
    if (!prepareDataDir(errors))
        return false;
    m_lock = std::make_unique<InstanceLock>(core::lockPath(m_options.dataDir));
    QString lockError;
    if (!m_lock->acquire(&lockError)) {
        errors->append(lockError);
        return false;
    }
    if (!loadConfig(errors))
        return false;

    m_log->setCapacity(m_config.logBufferSize);
    m_log->setMinimumLevel(m_config.logLevel);

    m_db = std::make_unique<Database>();
    if (const StoreResult opened = m_db->open(core::databasePath(m_options.dataDir)); !opened.ok()) {
        errors->append(opened.message);
        return false;
    }
    m_directory = std::make_unique<Directory>(*m_db);
    m_directory->setSubaddressSeparator(m_config.text("mail", "subaddress_separator"));
    m_directory->setGlobalPostmaster(m_config.text("mail", "postmaster"));
    m_dkimKeys = std::make_unique<DkimKeyStore>(*m_db, m_options.dataDir);
    m_traffic = std::make_unique<TrafficCounter>(*m_db, [this](const QString& message) {
        m_log->log(core::LogLevel::Error, QStringLiteral("store"),
                   tr("mail counts not saved: %1").arg(message));
    });
    connect(m_log.get(), &LogHub::recordLogged, m_traffic.get(), &TrafficCounter::count);

    m_mail = std::make_unique<MailStack>(
        m_config, m_options.dataDir, *m_directory,
        [keys = m_dkimKeys.get()](const QString& domain) {
            QList<std::shared_ptr<const auth::DkimSigner>> signers;
            for (const DkimSigningKey& key : keys->signingKeys(domain))
                signers.append(std::make_shared<const auth::DkimSigner>(key.domain, key.selector, key.key));
            return signers;
        },
        *m_log);
    if (!m_mail->start(errors))
        return false;

    m_control = std::make_unique<ControlServer>();
    registerMethods();
    connect(m_log.get(), &LogHub::recordAdded, m_control.get(), &ControlServer::broadcastLog);
    connect(m_control.get(), &ControlServer::peerRejected, this, [this](quint32 uid) {
        m_log->log(core::LogLevel::Warning, QStringLiteral("control"),
                   tr("refused a control connection from uid %1").arg(uid));
    });
    const QString socketPath = m_config.controlSocket.isEmpty() ? core::controlSocketPath(m_options.dataDir)
                                                                : m_config.controlSocket;
    QString listenError;
    if (!m_control->listen(socketPath, &listenError)) {
        errors->append(listenError);
        return false;
    }

    m_started = QDateTime::currentDateTimeUtc();
    m_running = true;
    recordEvent(core::LogLevel::Notice, QStringLiteral("service"),
                tr("postwardend %1 started").arg(QLatin1String(POSTWARDEN_VERSION)),
                {{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                 {QStringLiteral("data_dir"), m_options.dataDir},
                 {QStringLiteral("control"), socketPath}});
    return true;
}

void Service::stop()
{
    if (!m_running)
        return;
    m_running = false;
    recordEvent(core::LogLevel::Notice, QStringLiteral("service"), tr("postwardend stopping"));
    m_control->close();
    m_mail->stop();
    // After the mail stack: deliveries that finish while it stops are counted too.
    m_traffic->flush();
    m_db->close();
}

void Service::recordEvent(core::LogLevel level, const QString& category, const QString& message,
                          const QJsonObject& fields)
{
    core::LogRecord record{0, QDateTime::currentDateTimeUtc(), level, category, message, {}, fields};
    if (m_db) {
        if (const StoreResult stored = m_db->recordEvent(record); !stored.ok())
            m_log->log(core::LogLevel::Error, QStringLiteral("store"),
                       tr("event not saved: %1").arg(stored.message));
    }
    m_log->append(std::move(record));
}

void Service::registerMethods()
{
    MethodTable& methods = m_control->methods();
    StatusContext status{&m_options.dataDir, &m_options.configFile, &m_config,
                         &m_started,         m_control.get(),       m_log.get(),
                         m_db.get(),         m_mail.get(),          m_directory.get()};
    registerStatusMethods(methods, status, [this] {
        recordEvent(core::LogLevel::Notice, QStringLiteral("service"),
                    tr("shutdown requested over the control socket"));
        QMetaObject::invokeMethod(this, &Service::shutdownRequested, Qt::QueuedConnection);
    });
    registerLogMethods(methods, *m_log);
    registerDirectoryMethods(methods, {m_directory.get(), m_dkimKeys.get(), &m_config,
                                       [this](core::LogLevel level, const QString& category,
                                              const QString& message, const QJsonObject& fields) {
                                           recordEvent(level, category, message, fields);
                                       }});
    registerTlsMethods(methods, *m_mail, [this](const QString& message) {
        recordEvent(core::LogLevel::Notice, QStringLiteral("tls"), message);
    });
    registerStatsMethods(methods, *m_traffic);
    registerDeliverabilityMethods(methods, *m_mail, m_config);
    registerConfigMethods(methods, {&m_config, &m_options.configFile,
                                    [this](core::LogLevel level, const QString& category,
                                           const QString& message, const QJsonObject& fields) {
                                        recordEvent(level, category, message, fields);
                                    }});
}

} // namespace pw::service
