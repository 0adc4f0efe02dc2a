#pragma once

#include "service/imap/ImapContext.h"
#include "service/smtp/SmtpContext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <memory>

namespace pw::dns {
class Resolver;
}
namespace pw::auth {
class DkimSigner;
class DkimVerifier;
class DmarcEvaluator;
} // namespace pw::auth

namespace pw::service {

class AuthThrottle;
class FolderStore;
class Directory;
class LogHub;
class LoginVerifier;
class MessageStore;
class MailListeners;
class TlsContext;
struct ServiceConfig;

// The mail-handling half of the service: TLS, the resolver and the authentication checks
// over it, the message store, and the SMTP listeners, brought up and down in that order.
// The Service owns it next to the control socket and the directory.
class MailStack : public QObject
{
    Q_OBJECT

public:
    using SignerSource = std::function<QList<std::shared_ptr<const auth::DkimSigner>>(const QString& domain)>;
    MailStack(const ServiceConfig& config, const QString& dataDir, Directory& directory,
              SignerSource dkimSigners, LogHub& log, QObject* parent = nullptr);
    ~MailStack() override;

    [[nodiscard]] bool start(QStringList* errors);
    // Stops accepting, lets deliveries in flight reach the disk, closes the store.
    void stop();

    [[nodiscard]] QJsonArray listenerStatus() const;
    [[nodiscard]] int smtpConnections() const;
    [[nodiscard]] bool reloadTls(QStringList* errors);
    [[nodiscard]] QJsonObject tlsDescription() const;
    [[nodiscard]] MessageStore& store() { return *m_store; }
    // What the SMTP sessions use (resolver, DKIM signers and verifier, DMARC, directory), for
    // checks that run a message the way a session would.
    [[nodiscard]] const SmtpContext& smtpContext() const { return m_context; }

private:
    [[nodiscard]] bool startSmtp(QStringList* errors);
    [[nodiscard]] bool startImap(QStringList* errors);

    const ServiceConfig& m_config;
    QString m_dataDir;
    LogHub& m_log;
    SmtpContext m_context;
    std::unique_ptr<TlsContext> m_tls;
    std::unique_ptr<dns::Resolver> m_resolver;
    std::unique_ptr<auth::DkimVerifier> m_dkimVerifier;
    std::unique_ptr<auth::DmarcEvaluator> m_dmarc;
    std::unique_ptr<AuthThrottle> m_throttle;
    std::unique_ptr<LoginVerifier> m_login;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<MailListeners> m_smtp;
    std::unique_ptr<FolderStore> m_folders;
    ImapContext m_imapContext;
    std::unique_ptr<MailListeners> m_imap;
};

} // namespace pw::service
