#include "service/smtp/SmtpConnection.h"

#include "service/core/LogHub.h"
#include "service/smtp/SmtpSession.h"
#include "service/tls/TlsContext.h"

#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslSocket>

namespace pw::service {

namespace {

// Enough to find one session among millions in the logs, short enough to read aloud.
QString newSessionId()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    QString id;
    quint64 bits = QRandomGenerator::global()->generate64();
    for (int i = 0; i < 10; ++i) {
        id.append(QLatin1Char(alphabet[bits % 34]));
        bits /= 34;
    }
    return id;
}

// Kernel buffers hold the rest; see the class comment.
constexpr qint64 kReadBufferSize = 256 * 1024;
// Replies waiting for a client that does not read: past this, we stop reading its commands
// (a pipelining client that never reads must not make us buffer replies without bound).
constexpr qint64 kMaxPendingOutput = 256 * 1024;

} // namespace

SmtpConnection::SmtpConnection(qintptr descriptor, SmtpRole role, SmtpContext& context, TlsContext* tls,
                               SmtpTimeouts timeouts, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_tls(tls)
    , m_timeouts(timeouts)
    , m_role(role)
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(descriptor))
        return;
    m_valid = true;
    m_socket->setReadBufferSize(kReadBufferSize);
    m_clientKey = m_socket->peerAddress().toString();

    SmtpPeer peer;
    peer.sessionId = newSessionId();
    peer.role = role;
    peer.address = m_socket->peerAddress();
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; SPF and the logs want a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = peer.address.toIPv4Address(&isV4);
    if (isV4)
        peer.address = QHostAddress(v4);
    peer.port = m_socket->peerPort();
    peer.tlsAvailable = m_tls != nullptr;
    m_session = new SmtpSession(context, peer, this);

    connect(m_session, &SmtpSession::output, this, &SmtpConnection::write);
    connect(m_session, &SmtpSession::closeRequested, this, &SmtpConnection::closeNow);
    connect(m_session, &SmtpSession::startTlsRequested, this, &SmtpConnection::beginTls);
    connect(m_session, &SmtpSession::inputWanted, this, &SmtpConnection::readInput);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpConnection::readInput);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpConnection::encrypted);
    // Reading resumes once the client has taken its replies.
    connect(m_socket, &QSslSocket::bytesWritten, this, &SmtpConnection::outputDrained);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &SmtpConnection::outputDrained);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (!m_finished) {
            m_finished = true;
            emit finished();
        }
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;
        m_context.log->log(core::LogLevel::Debug, QStringLiteral("smtp"),
                           tr("connection error: %1").arg(m_socket->errorString()),
                           {{QStringLiteral("session"), m_session->peer().sessionId}});
        if (m_socket->state() != QAbstractSocket::ConnectedState && !m_finished) {
            m_finished = true;
            emit finished();
        }
    });
    connect(m_socket, qOverload<const QList<QSslError>&>(&QSslSocket::sslErrors), this,
            [this](const QList<QSslError>& errors) {
                m_context.log->log(core::LogLevel::Info, QStringLiteral("smtp"),
                                   tr("TLS handshake failed: %1").arg(errors.value(0).errorString()),
                                   {{QStringLiteral("session"), m_session->peer().sessionId}});
            });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_closing) {
            m_socket->abort(); // the client did not take its last replies in time
            return;
        }
        if (!m_session->wantsInput()) {
            restartTimer(); // we are the slow one (disk, DNS), not the client
            return;
        }
        const qint64 left = currentTimeout() - m_idle.elapsed();
        if (left > 0) {
            m_armedTimeout = currentTimeout();
            m_timer.start(int(left));
            return;
        }
        m_context.log->log(core::LogLevel::Info, QStringLiteral("smtp"),
                           tr("timeout, closing the connection from %1").arg(m_clientKey),
                           {{QStringLiteral("session"), m_session->peer().sessionId}});
        if (m_socket->isEncrypted() || m_role != SmtpRole::Submissions)
            m_session->timedOut();
        else
            closeNow();
    });
}

SmtpConnection::~SmtpConnection() = default;

void SmtpConnection::start(const QString& refusal)
{
    m_context.log->log(core::LogLevel::Debug, QStringLiteral("smtp"),
                       tr("connection from %1 on %2").arg(m_clientKey, smtpRoleName(m_role)),
                       {{QStringLiteral("session"), m_session->peer().sessionId}});
    m_refusal = refusal;
    restartTimer();
    if (m_role == SmtpRole::Submissions) {
        beginTls();
        return;
    }
    if (!m_refusal.isEmpty()) {
        m_session->refuse(SmtpReply{421, "4.7.0", {m_refusal}});
        return;
    }
    m_session->start();
}

void SmtpConnection::readInput()
{
    restartTimer();
    // Input waits in the socket (and the kernel) while the session is busy.
    while (m_session->wantsInput() && m_socket->bytesAvailable() > 0 && pendingOutput() < kMaxPendingOutput) {
        const QByteArray bytes = m_socket->read(64 * 1024);
        if (bytes.isEmpty())
            break;
        m_session->receive(bytes);
    }
}

qint64 SmtpConnection::pendingOutput() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void SmtpConnection::outputDrained()
{
    if (pendingOutput() < kMaxPendingOutput / 2 && m_socket->bytesAvailable() > 0)
        readInput();
}

void SmtpConnection::write(const QByteArray& bytes)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

void SmtpConnection::beginTls()
{
    if (!m_tls) {
        closeNow();
        return;
    }
    m_socket->setSslConfiguration(m_tls->serverConfiguration());
    m_socket->startServerEncryption();
}

void SmtpConnection::encrypted()
{
    const QSslCipher cipher = m_socket->sessionCipher();
    m_session->tlsEstablished(cipher.protocolString(), cipher.name());
    if (m_role == SmtpRole::Submissions) {
        if (!m_refusal.isEmpty())
            m_session->refuse(SmtpReply{421, "4.7.0", {m_refusal}});
        else
            m_session->start();
    }
    readInput();
}

void SmtpConnection::closeNow()
{
    if (m_closing)
        return;
    m_closing = true;
    // Lets queued replies (221, 421) go out first, but not forever: a client that stops
    // reading must not keep the connection. The connection's own timer does it: a timer per
    // close would pile up thousands of pending timers in the event loop under load.
    m_timer.start(10000);
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState && !m_finished) {
        m_finished = true;
        emit finished();
    }
}

int SmtpConnection::currentTimeout() const
{
    return m_session->inDataPhase() ? m_timeouts.dataMs : m_timeouts.commandMs;
}

void SmtpConnection::restartTimer()
{
    if (m_closing)
        return;
    // Activity only moves the mark; the timer is re-armed when it fires early. Restarting a
    // QTimer on every read costs a search through the event loop's timer list, per read.
    m_idle.start();
    // Entering DATA can shorten the timeout; then the armed timer would fire too late.
    if (!m_timer.isActive() || m_armedTimeout > currentTimeout()) {
        m_armedTimeout = currentTimeout();
        m_timer.start(m_armedTimeout);
    }
}

} // namespace pw::service
