#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>

class QSslSocket;
class QTimer;

namespace pw::diag {

// How a probe talks to the port: which greeting it waits for and whether it goes encrypted.
struct MailProbeOptions
{
    enum class Greeting
    {
        None, // connecting is all
        Smtp, // a 220 reply, possibly multi-line (RFC 5321 4.2)
        Imap  // "* OK" (RFC 9051 7.1.1)
    };
    enum class Tls
    {
        None,
        Implicit, // TLS from the first byte (465, 993; RFC 8314 3)
        StartTls  // SMTP: EHLO + STARTTLS (RFC 3207); IMAP: STARTTLS (RFC 9051 6.2.1)
    };

    QString host;
    quint16 port = 0;
    Greeting greeting = Greeting::Smtp;
    Tls tls = Tls::None;
    std::chrono::milliseconds timeout{5000};
    QString ehloName = QStringLiteral("postwarden.invalid");
};

struct MailProbeResult
{
    enum class Outcome
    {
        Open,      // connected, greeted, and encrypted when asked
        Refused,   // connection refused: nothing listens, or a firewall rejects
        Timeout,   // no connection, or no answer, within the timeout
        Failed,    // unreachable network, unknown host, another socket error
        Protocol,  // connected, but the greeting or a reply was not what the protocol wants
        TlsFailed, // the TLS handshake failed
    };

    Outcome outcome = Outcome::Failed;
    bool connected = false;       // the TCP connection was established
    QString banner;               // the greeting as received, lines joined by "\n"
    QString error;                // what went wrong, for Refused/Timeout/Failed/Protocol/TlsFailed
    QStringList transcript;       // "S: …" and "C: …" lines
    bool encrypted = false;       // the TLS handshake completed
    QList<QSslCertificate> chain; // the peer's chain, leaf first
    QList<QSslError> sslErrors;   // what verification found (ignored for the probe)
    QString tlsProtocol;          // e.g. "TLSv1.3"
};

[[nodiscard]] QString mailProbeOutcomeName(MailProbeResult::Outcome outcome);

// One connection to a mail port: connect, read the greeting, optionally STARTTLS or implicit
// TLS, then QUIT/LOGOUT. Verification errors are recorded, not fatal: a self-signed certificate
// still lets us read the banner and report the certificate. Calls `done` once on `context`'s
// thread, never after `context` is destroyed.
void probeMailPort(const MailProbeOptions& options, QObject* context,
                   std::function<void(const MailProbeResult&)> done);

} // namespace pw::diag
