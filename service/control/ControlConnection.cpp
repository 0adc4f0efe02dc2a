#include "service/control/ControlConnection.h"

#include "service/control/MethodTable.h"
#include "shared/control/JsonRpc.h"
#include "shared/core/LogCategories.h"

#include <QJsonObject>
#include <QLocalSocket>

namespace pw::service {

namespace {
// Requests are small; a client that streams more than this without a newline is broken or hostile.
constexpr qsizetype kMaxRequestSize = 1024 * 1024;
} // namespace

ControlConnection::ControlConnection(QLocalSocket* socket, const MethodTable& methods, quint32 peerUid,
                                     QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_methods(methods)
    , m_framer(kMaxRequestSize)
    , m_peerUid(peerUid)
{
    m_socket->setParent(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlConnection::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &ControlConnection::closed);
}

void ControlConnection::onReadyRead()
{
    QList<QByteArray> lines;
    if (m_framer.feed(m_socket->readAll(), lines) == control::LineFramer::Status::Overflow) {
        sendError(QJsonValue::Null, control::RpcError{control::ErrorCode::InvalidRequest,
                                                      tr("request larger than %1 bytes").arg(kMaxRequestSize),
                                                      {}});
        m_socket->disconnectFromServer();
        return;
    }
    for (const QByteArray& line : lines) {
        if (!line.trimmed().isEmpty())
            handleLine(line);
    }
}

void ControlConnection::handleLine(const QByteArray& line)
{
    const auto parsed = control::parseMessage(line);
    if (const auto* failure = std::get_if<control::ParseFailure>(&parsed)) {
        sendError(failure->id, failure->error);
        return;
    }
    const control::Message& message = std::get<control::Message>(parsed);
    const bool wantsReply = message.kind == control::Message::Kind::Request;
    if (message.kind != control::Message::Kind::Request &&
        message.kind != control::Message::Kind::Notification) {
        return; // responses from a client are meaningless here; JSON-RPC says not to answer them
    }
    const Responder responder(this, message.id, wantsReply);
    if (!message.params.isObject()) {
        responder.error(control::ErrorCode::InvalidParams, tr("params must be an object with named members"));
        return;
    }
    const MethodTable::Handler* handler = m_methods.find(message.method);
    if (!handler) {
        responder.error(control::ErrorCode::MethodNotFound, tr("unknown method \"%1\"").arg(message.method));
        return;
    }
    (*handler)(message.params.toObject(), responder);
}

void ControlConnection::sendResult(const QJsonValue& id, const QJsonValue& result)
{
    m_socket->write(control::encodeResult(id, result));
}

void ControlConnection::sendError(const QJsonValue& id, const control::RpcError& error)
{
    m_socket->write(control::encodeError(id, error));
}

void ControlConnection::sendNotification(const QString& method, const QJsonValue& params)
{
    m_socket->write(control::encodeNotification(method, params));
}

void ControlConnection::flush()
{
    m_socket->flush();
}

void ControlConnection::setLogSubscription(bool enabled, core::LogLevel minimumLevel)
{
    m_logSubscribed = enabled;
    m_logLevel = minimumLevel;
}

bool ControlConnection::wantsLog(const core::LogRecord& record) const
{
    return m_logSubscribed && record.level >= m_logLevel;
}

Responder::Responder(ControlConnection* connection, const QJsonValue& id, bool wantsReply)
    : m_connection(connection)
    , m_id(id)
    , m_wantsReply(wantsReply)
{}

void Responder::result(const QJsonValue& value) const
{
    if (m_connection && m_wantsReply)
        m_connection->sendResult(m_id, value);
}

void Responder::error(control::ErrorCode code, const QString& message, const QJsonObject& data) const
{
    if (m_connection && m_wantsReply)
        m_connection->sendError(m_id, control::RpcError{code, message, data});
}

} // namespace pw::service
