#include "service/core/MailConnection.h"

#include "service/core/LogHub.h"
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

MailConnection::MailConnection(qintptr descriptor, Options options, TlsContext* tls, LogHub& log,
                               const SessionFactory& makeSession, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tls(tls)
    , m_log(log)
{
    m_socket = new QSslSocket(this);
    if (!m_socket->setSocketDescriptor(descriptor))
        return;
    m_valid = true;
    m_socket->setReadBufferSize(kReadBufferSize);
    // Sessions hand over whole responses; Nagle's algorithm would hold the last small segment
    // of a large answer (the tagged OK after 10,000 FETCH lines) until the client's delayed ACK,
    // about 40 ms later.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_clientKey = m_socket->peerAddress().toString();

    ConnectionPeer peer;
    peer.sessionId = m_sessionId = newSessionId();
    peer.address = m_socket->peerAddress();
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; SPF and the logs want a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = peer.address.toIPv4Address(&isV4);
    if (isV4)
        peer.address = QHostAddress(v4);
    peer.port = m_socket->peerPort();
    peer.tlsAvailable = m_tls != nullptr;
    m_session = makeSession(peer, this);

    connect(m_session, &ProtocolSession::output, this, &MailConnection::write);
    connect(m_session, &ProtocolSession::closeRequested, this, &MailConnection::closeNow);
    connect(m_session, &ProtocolSession::startTlsRequested, this, &MailConnection::beginTls);
    connect(m_session, &ProtocolSession::inputWanted, this, &MailConnection::readInput);
    connect(m_socket, &QSslSocket::readyRead, this, &MailConnection::readInput);
    connect(m_socket, &QSslSocket::encrypted, this, &MailConnection::encrypted);
    // Reading resumes once the client has taken its replies.
    connect(m_socket, &QSslSocket::bytesWritten, this, &MailConnection::outputDrained);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &MailConnection::outputDrained);
    connect(m_socket, &QSslSocket::disconnected, this, &MailConnection::finish);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            return;
        note(core::LogLevel::Debug, tr("connection error: %1").arg(m_socket->errorString()));
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    connect(m_socket, qOverload<const QList<QSslError>&>(&QSslSocket::sslErrors), this,
            [this](const QList<QSslError>& errors) {
                note(core::LogLevel::Info, tr("TLS handshake failed: %1").arg(errors.value(0).errorString()));
            });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MailConnection::timerFired);
}

MailConnection::~MailConnection() = default;

void MailConnection::note(core::LogLevel level, const QString& text)
{
    m_log.log(level, m_options.logCategory, text, {{QStringLiteral("session"), m_sessionId}});
}

void MailConnection::start(const QString& refusal)
{
    note(core::LogLevel::Debug, tr("connection from %1 on %2").arg(m_clientKey, m_options.listenerName));
    m_refusal = refusal;
    restartTimer();
    if (m_options.implicitTls) {
        beginTls();
        return;
    }
    if (!m_refusal.isEmpty()) {
        m_session->refuse(m_refusal);
        return;
    }
    m_session->start();
}

void MailConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

void MailConnection::timerFired()
{
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
    note(core::LogLevel::Info, tr("timeout, closing the connection from %1").arg(m_clientKey));
    if (m_socket->isEncrypted() || !m_options.implicitTls)
        m_session->timedOut();
    else
        closeNow();
}

void MailConnection::readInput()
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

qint64 MailConnection::pendingOutput() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void MailConnection::outputDrained()
{
    if (pendingOutput() < kMaxPendingOutput / 2 && m_socket->bytesAvailable() > 0)
        readInput();
}

void MailConnection::write(const QByteArray& bytes)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

void MailConnection::beginTls()
{
    if (!m_tls) {
        closeNow();
        return;
    }
    m_socket->setSslConfiguration(m_tls->serverConfiguration());
    m_socket->startServerEncryption();
}

void MailConnection::encrypted()
{
    const QSslCipher cipher = m_socket->sessionCipher();
    m_session->tlsEstablished(cipher.protocolString(), cipher.name());
    if (m_options.implicitTls) {
        if (!m_refusal.isEmpty())
            m_session->refuse(m_refusal);
        else
            m_session->start();
    }
    readInput();
}

void MailConnection::closeNow()
{
    if (m_closing)
        return;
    m_closing = true;
    // Lets queued replies (221, BYE) go out first, but not forever: a client that stops
    // reading must not keep the connection. The connection's own timer does it: a timer per
    // close would pile up thousands of pending timers in the event loop under load.
    m_timer.start(10000);
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finish();
}

int MailConnection::currentTimeout() const
{
    return m_session->inLongPhase() ? m_options.timeouts.longMs : m_options.timeouts.commandMs;
}

void MailConnection::restartTimer()
{
    if (m_closing)
        return;
    // Activity only moves the mark; the timer is re-armed when it fires early. Restarting a
    // QTimer on every read costs a search through the event loop's timer list, per read.
    m_idle.start();
    // Entering a phase with a shorter timeout: the armed timer would fire too late.
    if (!m_timer.isActive() || m_armedTimeout > currentTimeout()) {
        m_armedTimeout = currentTimeout();
        m_timer.start(m_armedTimeout);
    }
}

} // namespace pw::service
