#include "service/core/MailStack.h"

#include "service/core/LogHub.h"
#include "service/core/LoginVerifier.h"
#include "service/core/MailListeners.h"
#include "service/core/MemoryTrim.h"
#include "service/core/ServiceConfig.h"
#include "service/imap/ImapSession.h"
#include "service/smtp/AuthThrottle.h"
#include "service/smtp/SmtpSession.h"
#include "service/store/FolderStore.h"
#include "service/store/MessageStore.h"
#include "service/tls/TlsContext.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/auth/dmarc/DmarcEvaluator.h"
#include "shared/auth/dmarc/PublicSuffixList.h"
#include "shared/core/Paths.h"
#include "shared/dns/LdnsResolver.h"

#include <QDir>

namespace pw::service {

MailStack::MailStack(const ServiceConfig& config, const QString& dataDir, Directory& directory,
                     SignerSource dkimSigners, LogHub& log, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_dataDir(dataDir)
    , m_log(log)
{
    m_context.settings.hostname = config.hostname;
    m_context.settings.maxMessageSize = config.integer("mail", "max_message_size");
    m_context.settings.maxRecipients = int(config.integer("mail", "max_recipients"));
    m_context.settings.maxLineLength = int(config.integer("smtp", "max_line_length"));
    m_context.settings.maxErrors = int(config.integer("smtp", "max_errors"));
    m_context.settings.plaintextAuthOnLoopback = config.boolean("smtp", "plaintext_auth_on_loopback");
    m_context.directory = &directory;
    m_context.dkimSigners = std::move(dkimSigners);
    m_context.log = &log;
}

MailStack::~MailStack()
{
    stop();
}

bool MailStack::start(QStringList* errors)
{
    bool anyListener = false;
    for (const char* key : {"smtp", "submission", "submissions", "imap", "imaps"})
        anyListener = anyListener || m_config.listeners.value(QLatin1String(key)).has_value();
    // Generating a key costs a noticeable moment; a service without mail listeners skips it.
    if (anyListener) {
        const QString keysDir = m_dataDir + QStringLiteral("/keys");
        m_tls = std::make_unique<TlsContext>(m_config.tlsCert, m_config.tlsKey, keysDir, m_config.hostname);
        if (!m_tls->load(errors))
            return false;
        for (const QString& warning : m_tls->warnings())
            m_log.log(core::LogLevel::Warning, QStringLiteral("tls"), warning);
    }

    dns::ResolverOptions options;
    for (const core::HostPort& server : m_config.dnsServers)
        options.servers.append(server.toString());
    options.timeout = std::chrono::milliseconds(m_config.dnsQueryTimeoutMs);
    options.retries = m_config.dnsRetryLimit;
    m_resolver = std::make_unique<dns::LdnsResolver>(options);
    m_dkimVerifier = std::make_unique<auth::DkimVerifier>(*m_resolver);
    m_dmarc = std::make_unique<auth::DmarcEvaluator>(*m_resolver, auth::PublicSuffixList::system());
    m_throttle = std::make_unique<AuthThrottle>(AuthThrottle::Limits{
        int(m_config.integer("smtp", "auth_failures_per_ip")),
        int(m_config.integer("smtp", "auth_failures_per_account")), m_config.integer("smtp", "auth_window"),
        m_config.integer("smtp", "auth_lockout")});

    m_store = std::make_unique<MessageStore>(m_dataDir, core::databasePath(m_dataDir));
    if (const StoreResult opened = m_store->open(); !opened.ok()) {
        errors->append(opened.message);
        return false;
    }
    connect(m_store.get(), &MessageStore::quotaCrossed, this,
            [this](qint64, const QString& address, int percent) {
                m_log.log(core::LogLevel::Warning, QStringLiteral("store"),
                          tr("mailbox %1 is %2 % full").arg(address).arg(percent),
                          {{QStringLiteral("mailbox"), address}, {QStringLiteral("percent"), percent}});
            });

    // Deliveries leave their buffers freed in the writer thread's heap; at most once a second
    // they go back to the system instead of staying in RSS.
    connect(m_store.get(), &MessageStore::folderChanged, this, [] { requestMemoryTrim(); });

    m_context.resolver = m_resolver.get();
    m_context.dkimVerifier = m_dkimVerifier.get();
    m_context.dmarc = m_dmarc.get();
    m_context.throttle = m_throttle.get();
    m_login = std::make_unique<LoginVerifier>(*m_context.directory, *m_throttle, m_log);
    m_context.login = m_login.get();
    m_context.store = m_store.get();

    m_folders = std::make_unique<FolderStore>(*m_store);
    m_imapContext.settings.hostname = m_config.hostname;
    m_imapContext.settings.maxMessageSize = m_config.integer("mail", "max_message_size");
    m_imapContext.settings.maxLineLength = int(m_config.integer("imap", "max_line_length"));
    m_imapContext.settings.plaintextAuthOnLoopback = m_config.boolean("imap", "plaintext_auth_on_loopback");
    m_imapContext.directory = m_context.directory;
    m_imapContext.store = m_store.get();
    m_imapContext.folders = m_folders.get();
    m_imapContext.login = m_login.get();
    m_imapContext.log = &m_log;
    const bool smtpOk = startSmtp(errors);
    return startImap(errors) && smtpOk;
}

bool MailStack::startImap(QStringList* errors)
{
    MailListeners::Limits limits;
    limits.maxConnections = int(m_config.integer("imap", "max_connections"));
    limits.maxConnectionsPerAddress = int(m_config.integer("imap", "max_connections_per_ip"));
    limits.timeouts.commandMs = int(m_config.integer("imap", "command_timeout") * 1000);
    limits.timeouts.longMs = int(m_config.integer("imap", "idle_timeout") * 1000);
    m_imap = std::make_unique<MailListeners>(QStringLiteral("imap"), limits, m_tls.get(), m_log);
    bool ok = true;
    for (const bool implicitTls : {false, true}) {
        const QString name = implicitTls ? QStringLiteral("imaps") : QStringLiteral("imap");
        const auto address = m_config.listeners.value(name);
        if (!address)
            continue;
        MailListeners::Role listener;
        listener.name = name;
        listener.implicitTls = implicitTls;
        listener.needsTls = implicitTls;
        listener.makeSession = [this, implicitTls](const ConnectionPeer& connectionPeer, QObject* parent) {
            ImapPeer peer;
            static_cast<ConnectionPeer&>(peer) = connectionPeer;
            peer.implicitTls = implicitTls;
            return new ImapSession(m_imapContext, peer, parent);
        };
        QString error;
        if (!m_imap->listen(listener, *address, &error)) {
            errors->append(error);
            ok = false;
        }
    }
    return ok;
}

bool MailStack::startSmtp(QStringList* errors)
{
    MailListeners::Limits limits;
    limits.maxConnections = int(m_config.integer("smtp", "max_connections"));
    limits.maxConnectionsPerAddress = int(m_config.integer("smtp", "max_connections_per_ip"));
    limits.timeouts.commandMs = int(m_config.integer("smtp", "command_timeout") * 1000);
    limits.timeouts.longMs = int(m_config.integer("smtp", "data_timeout") * 1000);
    m_smtp = std::make_unique<MailListeners>(QStringLiteral("smtp"), limits, m_tls.get(), m_log);
    bool ok = true;
    for (const SmtpRole role : {SmtpRole::Mx, SmtpRole::Submission, SmtpRole::Submissions}) {
        const QString name = smtpRoleName(role);
        const auto address = m_config.listeners.value(role == SmtpRole::Mx ? QStringLiteral("smtp") : name);
        if (!address)
            continue;
        MailListeners::Role listener;
        listener.name = name;
        listener.implicitTls = role == SmtpRole::Submissions;
        listener.needsTls = role != SmtpRole::Mx;
        listener.makeSession = [this, role](const ConnectionPeer& connectionPeer, QObject* parent) {
            SmtpPeer peer;
            static_cast<ConnectionPeer&>(peer) = connectionPeer;
            peer.role = role;
            return new SmtpSession(m_context, peer, parent);
        };
        QString error;
        if (!m_smtp->listen(listener, *address, &error)) {
            errors->append(error);
            ok = false;
        }
    }
    return ok;
}

void MailStack::stop()
{
    if (m_smtp) {
        m_smtp->close();
        m_smtp.reset();
    }
    if (m_imap) {
        m_imap->close();
        m_imap.reset();
    }
    m_folders.reset();
    if (m_store) {
        m_store->close();
        m_store.reset();
    }
}

QJsonArray MailStack::listenerStatus() const
{
    QJsonArray list = m_smtp ? m_smtp->listenerStatus() : QJsonArray();
    if (m_imap)
        for (const QJsonValue& listener : m_imap->listenerStatus())
            list.append(listener);
    return list;
}

int MailStack::smtpConnections() const
{
    return m_smtp ? m_smtp->connectionCount() : 0;
}

bool MailStack::reloadTls(QStringList* errors)
{
    if (!m_tls) {
        errors->append(tr("no mail listener is configured, so no certificate is in use"));
        return false;
    }
    return m_tls->reload(errors);
}

QJsonObject MailStack::tlsDescription() const
{
    return m_tls ? m_tls->describe() : QJsonObject();
}

} // namespace pw::service
