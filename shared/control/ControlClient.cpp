#include "shared/control/ControlClient.h"

#include "shared/control/JsonRpc.h"
#include "shared/core/LogCategories.h"

#include <QJsonObject>

namespace pw::control {

namespace {
constexpr qsizetype kMaxLineSize = 64 * 1024 * 1024;
constexpr int kFirstReconnectDelayMs = 200;
constexpr int kMaxReconnectDelayMs = 5000;
} // namespace

ControlClient::ControlClient(QObject* parent)
    : QObject(parent)
    , m_socket(new QLocalSocket(this))
    , m_framer(kMaxLineSize)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ControlClient::connectToService);
    m_timeoutTimer.setInterval(250);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ControlClient::expireCalls);

    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_reconnectDelayMs = 0;
        m_wasConnected = true;
        m_lastError.clear();
        qCDebug(lcControl) << "connected to" << m_socketPath;
        emit connected();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlClient::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlClient::onDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, &ControlClient::onError);
}

ControlClient::~ControlClient()
{
    m_autoReconnect = false;
    m_socket->disconnect(this);
}

void ControlClient::connectToService()
{
    if (m_socket->state() != QLocalSocket::UnconnectedState)
        return;
    // A line cut short by the last connection's end must not prefix the next one's first line.
    m_framer = LineFramer(kMaxLineSize);
    m_socket->connectToServer(m_socketPath, QIODevice::ReadWrite);
}

void ControlClient::disconnectFromService()
{
    m_autoReconnect = false;
    m_reconnectTimer.stop();
    m_socket->abort();
    failAll(RpcError{ErrorCode::Unavailable, tr("disconnected from the service"), {}});
}

bool ControlClient::isConnected() const
{
    return m_socket->state() == QLocalSocket::ConnectedState;
}

void ControlClient::call(const QString& method, const QJsonValue& params, QObject* context, Callback callback,
                         int timeoutMs)
{
    if (!isConnected()) {
        const RpcError error{ErrorCode::Unavailable,
                             m_lastError.isEmpty() ? tr("not connected to the service") : m_lastError,
                             {}};
        // Deliver asynchronously so callers see one behaviour whether or not the socket is up.
        QTimer::singleShot(0, context ? context : this, [callback, error] {
            callback(Reply{false, {}, error});
        });
        return;
    }
    const qint64 id = m_nextId++;
    Pending pending{QPointer<QObject>(context), std::move(callback), {}, timeoutMs};
    pending.started.start();
    m_pending.insert(id, std::move(pending));
    if (!m_timeoutTimer.isActive())
        m_timeoutTimer.start();
    // `{}` converts to a null QJsonValue; JSON-RPC wants an object (or no params at all).
    const QJsonValue sent = params.isObject() || params.isArray() ? params : QJsonValue(QJsonObject());
    m_socket->write(encodeRequest(id, method, sent));
}

void ControlClient::onReadyRead()
{
    QList<QByteArray> lines;
    if (m_framer.feed(m_socket->readAll(), lines) == LineFramer::Status::Overflow) {
        m_lastError = tr("the service sent a message larger than %1 bytes").arg(kMaxLineSize);
        m_socket->abort();
        return;
    }
    for (const QByteArray& line : lines)
        handleLine(line);
}

void ControlClient::handleLine(const QByteArray& line)
{
    const auto parsed = parseMessage(line);
    if (const auto* failure = std::get_if<ParseFailure>(&parsed)) {
        qCWarning(lcControl) << "ignoring malformed message from the service:" << failure->error.message;
        return;
    }
    const Message& message = std::get<Message>(parsed);
    switch (message.kind) {
    case Message::Kind::Notification:
        emit notificationReceived(message.method, message.params);
        break;
    case Message::Kind::Result:
        finish(message.id.toInteger(), Reply{true, message.result, {}});
        break;
    case Message::Kind::Error:
        finish(message.id.toInteger(), Reply{false, {}, message.error});
        break;
    case Message::Kind::Request:
        // The service never calls the client; answer so that a confused peer is not left waiting.
        m_socket->write(encodeError(
            message.id, RpcError{ErrorCode::MethodNotFound, tr("the client has no methods"), {}}));
        break;
    }
}

void ControlClient::finish(qint64 id, const Reply& reply)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);
    if (pending.context)
        pending.callback(reply);
}

void ControlClient::failAll(const RpcError& error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& call : pending) {
        if (call.context)
            call.callback(Reply{false, {}, error});
    }
}

void ControlClient::expireCalls()
{
    QList<qint64> expired;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->started.hasExpired(it->timeoutMs))
            expired.append(it.key());
    }
    for (qint64 id : expired)
        finish(id,
               Reply{false, {}, RpcError{ErrorCode::Timeout, tr("the service did not answer in time"), {}}});
    if (m_pending.isEmpty())
        m_timeoutTimer.stop();
}

void ControlClient::onDisconnected()
{
    failAll(RpcError{ErrorCode::Unavailable, tr("the connection to the service was lost"), {}});
    if (m_wasConnected) {
        m_wasConnected = false;
        emit disconnected();
    }
    scheduleReconnect();
}

void ControlClient::onError(QLocalSocket::LocalSocketError error)
{
    if (error == QLocalSocket::PeerClosedError)
        return; // onDisconnected handles it
    m_lastError = error == QLocalSocket::ServerNotFoundError
                      ? tr("no service is listening on %1").arg(m_socketPath)
                  : error == QLocalSocket::SocketAccessError ? tr("permission denied on %1").arg(m_socketPath)
                                                             : m_socket->errorString();
    // Errors while connecting are reported before the socket has settled into UnconnectedState.
    if (!m_wasConnected) {
        emit connectionFailed(m_lastError);
        scheduleReconnect();
    }
}

void ControlClient::scheduleReconnect()
{
    if (!m_autoReconnect || m_reconnectTimer.isActive())
        return;
    m_reconnectDelayMs = m_reconnectDelayMs == 0 ? kFirstReconnectDelayMs
                                                 : std::min(m_reconnectDelayMs * 2, kMaxReconnectDelayMs);
    m_reconnectTimer.start(m_reconnectDelayMs);
}

} // namespace pw::control
