#include "shared/diag/checks/MailProbe.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QTimer>

namespace pw::diag {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::diag", text);
}

constexpr qsizetype kMaxLine = 4096; // RFC 5321 4.5.3.1.5 allows 512; be generous, not unbounded

// One probe; a child of the caller's context, so that it dies with it.
class Probe : public QObject
{
    // Not Q_OBJECT (no signals), so tr() needs its context spelled out: the one lupdate uses.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::Probe)

public:
    Probe(const MailProbeOptions& options, QObject* context, std::function<void(const MailProbeResult&)> done)
        : QObject(context)
        , m_options(options)
        , m_done(std::move(done))
        , m_socket(new QSslSocket(this))
        , m_timer(new QTimer(this))
    {}

    void start();

private:
    enum class Stage
    {
        Connecting,
        Greeting,
        Ehlo,
        StartTls,
        Handshake
    };

    void onReadyRead();
    void onLine(const QString& line);
    void onReplyComplete(const QStringList& lines);
    void onEncrypted();
    void send(const QByteArray& line);
    void succeed();
    void fail(MailProbeResult::Outcome outcome, const QString& error);
    void finish();

    MailProbeOptions m_options;
    std::function<void(const MailProbeResult&)> m_done;
    QSslSocket* m_socket;
    QTimer* m_timer;
    MailProbeResult m_result;
    Stage m_stage = Stage::Connecting;
    QStringList m_reply; // lines of the reply being read
    bool m_finished = false;
};

void Probe::start()
{
    m_socket->setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(m_options.timeout).count();
        fail(MailProbeResult::Outcome::Timeout,
             m_result.connected ? tr("connected, but no answer within %1 seconds").arg(seconds)
                                : tr("no connection within %1 seconds").arg(seconds));
    });
    connect(m_socket, &QSslSocket::connected, this, [this] {
        m_result.connected = true;
        if (m_options.tls == MailProbeOptions::Tls::Implicit)
            return; // the handshake follows; the greeting comes after it
        if (m_options.greeting == MailProbeOptions::Greeting::None)
            succeed(); // connecting is all we were asked
        else
            m_stage = Stage::Greeting;
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] { onEncrypted(); });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        m_result.sslErrors = errors;
        m_socket->ignoreSslErrors(); // a probe reports the certificate, it does not trust it
    });
    connect(m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            fail(MailProbeResult::Outcome::Refused, tr("connection refused"));
            break;
        case QAbstractSocket::SocketTimeoutError:
            fail(MailProbeResult::Outcome::Timeout, m_socket->errorString());
            break;
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            fail(MailProbeResult::Outcome::TlsFailed,
                 tr("TLS handshake failed: %1").arg(m_socket->errorString()));
            break;
        case QAbstractSocket::RemoteHostClosedError:
            fail(m_result.connected ? MailProbeResult::Outcome::Protocol : MailProbeResult::Outcome::Failed,
                 tr("the server closed the connection"));
            break;
        default:
            fail(MailProbeResult::Outcome::Failed, m_socket->errorString());
            break;
        }
    });
    m_timer->start(m_options.timeout);
    if (m_options.tls == MailProbeOptions::Tls::Implicit) {
        m_stage = Stage::Handshake;
        m_socket->connectToHostEncrypted(m_options.host, m_options.port);
    } else {
        m_socket->connectToHost(m_options.host, m_options.port);
    }
}

void Probe::onReadyRead()
{
    while (!m_finished && m_socket->canReadLine()) {
        const QByteArray raw = m_socket->readLine(kMaxLine);
        if (!raw.endsWith('\n')) {
            fail(MailProbeResult::Outcome::Protocol,
                 tr("the server sent a line longer than %1 bytes").arg(kMaxLine));
            return;
        }
        onLine(QString::fromUtf8(raw).trimmed());
    }
    if (!m_finished && m_socket->bytesAvailable() > kMaxLine)
        fail(MailProbeResult::Outcome::Protocol,
             tr("the server sent a line longer than %1 bytes").arg(kMaxLine));
}

void Probe::onLine(const QString& line)
{
    m_result.transcript.append(QStringLiteral("S: ") + line);
    if (m_stage == Stage::Connecting || m_stage == Stage::Handshake) {
        fail(MailProbeResult::Outcome::Protocol,
             tr("the server spoke before it was expected to: %1").arg(line));
        return;
    }
    m_reply.append(line);
    if (m_options.greeting == MailProbeOptions::Greeting::Imap) {
        // Untagged lines ("* CAPABILITY …") precede the tagged completion of a command.
        if (m_stage == Stage::Greeting || !line.startsWith(QLatin1String("* ")))
            onReplyComplete(std::exchange(m_reply, {}));
        return;
    }
    // SMTP: "250-…" continues, "250 …" (or a bare code) ends the reply (RFC 5321 4.2.1).
    if (line.size() < 3 || (line.size() > 3 && line.at(3) == QLatin1Char('-')))
        return;
    onReplyComplete(std::exchange(m_reply, {}));
}

void Probe::onReplyComplete(const QStringList& lines)
{
    const QString first = lines.value(0);
    const bool imap = m_options.greeting == MailProbeOptions::Greeting::Imap;
    switch (m_stage) {
    case Stage::Greeting:
        m_result.banner = lines.join(QLatin1Char('\n'));
        if (imap ? !first.startsWith(QLatin1String("* OK")) : !first.startsWith(QLatin1String("220"))) {
            fail(MailProbeResult::Outcome::Protocol,
                 imap ? tr("expected an \"* OK\" greeting, got: %1").arg(first)
                      : tr("expected a 220 greeting, got: %1").arg(first));
            return;
        }
        if (m_options.tls != MailProbeOptions::Tls::StartTls) {
            succeed();
        } else if (imap) {
            m_stage = Stage::StartTls;
            send("a1 STARTTLS");
        } else {
            m_stage = Stage::Ehlo;
            send("EHLO " + m_options.ehloName.toUtf8());
        }
        return;
    case Stage::Ehlo: {
        if (!first.startsWith(QLatin1String("250"))) {
            fail(MailProbeResult::Outcome::Protocol, tr("EHLO was refused: %1").arg(first));
            return;
        }
        bool offered = false;
        for (const QString& line : lines)
            offered =
                offered || line.mid(4).trimmed().compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive) == 0;
        if (!offered) {
            fail(MailProbeResult::Outcome::TlsFailed, tr("the server does not offer STARTTLS"));
            return;
        }
        m_stage = Stage::StartTls;
        send("STARTTLS");
        return;
    }
    case Stage::StartTls:
        if (imap ? !first.startsWith(QLatin1String("a1 OK")) : !first.startsWith(QLatin1String("220"))) {
            fail(MailProbeResult::Outcome::TlsFailed, tr("STARTTLS was refused: %1").arg(first));
            return;
        }
        m_stage = Stage::Handshake;
        m_socket->startClientEncryption();
        return;
    case Stage::Connecting:
    case Stage::Handshake:
        return;
    }
}

void Probe::onEncrypted()
{
    m_result.encrypted = true;
    m_result.chain = m_socket->peerCertificateChain();
    m_result.tlsProtocol = QVariant::fromValue(m_socket->sessionProtocol()).toString();
    m_result.transcript.append(tr("TLS established"));
    if (m_options.tls == MailProbeOptions::Tls::Implicit &&
        m_options.greeting != MailProbeOptions::Greeting::None) {
        m_stage = Stage::Greeting;
        onReadyRead(); // the greeting may have arrived with the handshake's last record
        return;
    }
    succeed();
}

void Probe::send(const QByteArray& line)
{
    m_result.transcript.append(QStringLiteral("C: ") + QString::fromUtf8(line));
    m_socket->write(line + "\r\n");
}

void Probe::succeed()
{
    if (m_finished)
        return;
    m_result.outcome = MailProbeResult::Outcome::Open;
    if (m_options.greeting == MailProbeOptions::Greeting::Smtp)
        send("QUIT");
    else if (m_options.greeting == MailProbeOptions::Greeting::Imap)
        send("a2 LOGOUT");
    finish();
}

void Probe::fail(MailProbeResult::Outcome outcome, const QString& error)
{
    if (m_finished)
        return;
    m_result.outcome = outcome;
    m_result.error = error;
    if (m_result.chain.isEmpty())
        m_result.chain = m_socket->peerCertificateChain();
    finish();
}

void Probe::finish()
{
    m_finished = true;
    m_timer->stop();
    m_socket->disconnect(this);
    m_socket->flush(); // the QUIT leaves now, even if our context dies right after `done`
    // Let the QUIT leave, then go; a server that does not close gets a second at most.
    connect(m_socket, &QSslSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(1000, this, &QObject::deleteLater);
    m_socket->disconnectFromHost();
    // Last: `done` may destroy our context, and this object with it.
    const auto done = std::move(m_done);
    const MailProbeResult result = m_result;
    done(result);
}

} // namespace

QString mailProbeOutcomeName(MailProbeResult::Outcome outcome)
{
    switch (outcome) {
    case MailProbeResult::Outcome::Open:
        return tr("open");
    case MailProbeResult::Outcome::Refused:
        return tr("refused");
    case MailProbeResult::Outcome::Timeout:
        return tr("timeout");
    case MailProbeResult::Outcome::Failed:
        return tr("unreachable");
    case MailProbeResult::Outcome::Protocol:
        return tr("unexpected answer");
    case MailProbeResult::Outcome::TlsFailed:
        return tr("TLS failed");
    }
    return {};
}

void probeMailPort(const MailProbeOptions& options, QObject* context,
                   std::function<void(const MailProbeResult&)> done)
{
    auto* probe = new Probe(options, context, std::move(done));
    // Started from the event loop: `done` must never run before this function returns.
    QTimer::singleShot(0, probe, [probe] { probe->start(); });
}

} // namespace pw::diag
