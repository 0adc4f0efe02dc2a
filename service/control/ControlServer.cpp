#include "service/control/ControlServer.h"

#include "service/control/ControlConnection.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::service {

namespace {

// SO_PEERCRED: the kernel's word on who is at the other end, unforgeable by the client.
bool peerUid(qintptr descriptor, quint32* uid)
{
    struct ucred credentials = {};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0)
        return false;
    *uid = credentials.uid;
    return true;
}

} // namespace

ControlServer::ControlServer(QObject* parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
}

ControlServer::~ControlServer()
{
    close();
}

bool ControlServer::listen(const QString& path, QString* error)
{
    // A socket file left by a killed instance would make listen() fail; the instance lock has
    // already proven that no live service owns it.
    QLocalServer::removeServer(path);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        if (error)
            *error = tr("cannot listen on %1: %2").arg(path, m_server->errorString());
        return false;
    }
    if (::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) != 0) {
        if (error)
            *error = tr("cannot restrict %1 to mode 0600").arg(path);
        m_server->close();
        return false;
    }
    m_path = path;
    return true;
}

void ControlServer::close()
{
    for (ControlConnection* connection : std::exchange(m_connections, {})) {
        // Writes are queued until the event loop runs again, which it will not after shutdown.
        connection->flush();
        delete connection;
    }
    if (m_server->isListening())
        m_server->close();
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        quint32 uid = 0;
        if (!peerUid(socket->socketDescriptor(), &uid) || (uid != ::geteuid() && uid != 0)) {
            emit peerRejected(uid);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* connection = new ControlConnection(socket, m_methods, uid, this);
        m_connections.append(connection);
        connect(connection, &ControlConnection::closed, this, [this, connection] {
            m_connections.removeOne(connection);
            connection->deleteLater();
        });
    }
}

void ControlServer::broadcastLog(const core::LogRecord& record)
{
    const QJsonObject params = record.toJson();
    for (ControlConnection* connection : std::as_const(m_connections)) {
        if (connection->wantsLog(record))
            connection->sendNotification(QStringLiteral("logs.record"), params);
    }
}

} // namespace pw::service
