#pragma once

#include "shared/control/LineFramer.h"
#include "shared/control/RpcError.h"
#include "shared/core/LogRecord.h"

#include <QJsonValue>
#include <QObject>
#include <QPointer>

class QLocalSocket;

namespace pw::service {

class MethodTable;

// One admin client on the control socket: frames lines, dispatches requests, and carries the
// notifications it subscribed to.
class ControlConnection : public QObject
{
    Q_OBJECT

public:
    ControlConnection(QLocalSocket* socket, const MethodTable& methods, quint32 peerUid,
                      QObject* parent = nullptr);

    void sendResult(const QJsonValue& id, const QJsonValue& result);
    void sendError(const QJsonValue& id, const control::RpcError& error);
    void sendNotification(const QString& method, const QJsonValue& params);
    // Hands everything still queued to the kernel without waiting for the event loop, so that the
    // last replies and log records of a service that is going away still reach the client.
    void flush();

    void setLogSubscription(bool enabled, core::LogLevel minimumLevel);
    [[nodiscard]] bool wantsLog(const core::LogRecord& record) const;
    [[nodiscard]] quint32 peerUid() const { return m_peerUid; }

signals:
    void closed();

private:
    void onReadyRead();
    void handleLine(const QByteArray& line);

    QLocalSocket* m_socket;
    const MethodTable& m_methods;
    control::LineFramer m_framer;
    quint32 m_peerUid;
    bool m_logSubscribed = false;
    core::LogLevel m_logLevel = core::LogLevel::Info;
};

// Answers one request exactly once; handlers may keep it and answer later.
class Responder
{
public:
    Responder(ControlConnection* connection, const QJsonValue& id, bool wantsReply);

    void result(const QJsonValue& value) const;
    void error(control::ErrorCode code, const QString& message, const QJsonObject& data = {}) const;
    [[nodiscard]] ControlConnection* connection() const { return m_connection; }

private:
    QPointer<ControlConnection> m_connection;
    QJsonValue m_id;
    bool m_wantsReply;
};

} // namespace pw::service
