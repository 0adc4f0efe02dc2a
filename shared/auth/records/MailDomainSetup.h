#pragma once

#include "shared/crypto/KeyPair.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace pw::auth {

// The public half of one DKIM key, as its record publishes it.
struct DkimKeyInfo
{
    QString selector;
    crypto::KeyType type = crypto::KeyType::Rsa;
    // RSA: the SubjectPublicKeyInfo DER (RFC 6376 3.6.1 p=); Ed25519: the bare 32-byte key
    // (RFC 8463 4.2).
    QByteArray publicKey;

    // nullopt and *error set when the key is null or its public half cannot be exported.
    [[nodiscard]] static std::optional<DkimKeyInfo>
    fromKeyPair(const QString& selector, const crypto::KeyPair& key, QString* error = nullptr);
};

// RFC 7489 7 ("Policy Enforcement Considerations") advises starting with p=none and tightening
// once the reports show that all legitimate mail passes.
enum class DmarcStage
{
    None,
    Quarantine,
    Reject,
};

// RFC 8461 5
enum class MtaStsMode
{
    Testing,
    Enforce,
};

// What the wizard knows about a mail domain served by this server.
struct MailDomainSetup
{
    QString domain;                // "example.com" (Unicode or ASCII)
    QString mailHost;              // the server's host name, the MX target: "mail.example.com"
    QList<QHostAddress> addresses; // the server's public addresses
    QList<DkimKeyInfo> dkimKeys;
    DmarcStage dmarcStage = DmarcStage::None;
    QString dmarcReportAddress; // receives aggregate reports; empty: no rua
    QString tlsReportAddress;   // TLS-RPT; empty: dmarcReportAddress
    QByteArray certificateDer;  // the mail host's certificate, for TLSA; empty: no TLSA
    QString mtaStsId;           // empty: no MTA-STS
    MtaStsMode mtaStsMode = MtaStsMode::Testing;
    quint32 mtaStsMaxAgeSeconds = 604800; // one week (RFC 8461 3.2 suggests weeks)
    quint32 ttl = 3600;
};

} // namespace pw::auth
