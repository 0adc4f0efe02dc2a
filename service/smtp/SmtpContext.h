#pragma once

#include "service/core/ProtocolSession.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <functional>
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
class Directory;
class LogHub;
class LoginVerifier;
class MessageStore;

// What a listener is for (DESIGN: Data flow).
enum class SmtpRole
{
    Mx,          // inbound mail from the world: no AUTH, no relay
    Submission,  // 587: STARTTLS, then AUTH, then mail from the user's own addresses
    Submissions, // 465: the same over implicit TLS
};

[[nodiscard]] QString smtpRoleName(SmtpRole role);

struct SmtpSettings
{
    QString hostname;
    qint64 maxMessageSize = 26214400;
    int maxRecipients = 1000;
    int maxLineLength = 4096;
    int maxErrors = 20;
    bool plaintextAuthOnLoopback = false;
};

// Everything a session uses of the service. Owned by the service; outlives every session.
struct SmtpContext
{
    SmtpSettings settings;
    Directory* directory = nullptr;
    MessageStore* store = nullptr;
    // The signers of a domain's current keys (RSA and Ed25519), from the DKIM key store.
    std::function<QList<std::shared_ptr<const auth::DkimSigner>>(const QString& domain)> dkimSigners;
    dns::Resolver* resolver = nullptr;
    auth::DkimVerifier* dkimVerifier = nullptr;
    auth::DmarcEvaluator* dmarc = nullptr;
    AuthThrottle* throttle = nullptr;
    LoginVerifier* login = nullptr;
    LogHub* log = nullptr;
};

// The connection a session runs on, as the session needs to know it.
struct SmtpPeer : ConnectionPeer
{
    SmtpRole role = SmtpRole::Mx;
};

} // namespace pw::service
