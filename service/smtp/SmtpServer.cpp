#include "service/smtp/SmtpServer.h"

#include "service/core/LogHub.h"

#include <QJsonObject>

namespace pw::service {

// A QTcpServer that hands the raw descriptor over, so that the connection can wrap it in a
// QSslSocket (STARTTLS and implicit TLS) instead of the plain socket QTcpServer would make.
class SmtpServer::Listener : public QTcpServer
{
public:
    Listener(SmtpRole role, SmtpServer* server)
        : QTcpServer(server)
        , m_role(role)
        , m_server(server)
    {}

    [[nodiscard]] SmtpRole role() const { return m_role; }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->accept(m_role, descriptor); }

private:
    SmtpRole m_role;
    SmtpServer* m_server;
};

SmtpServer::SmtpServer(SmtpContext& context, TlsContext* tls, Limits limits, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_tls(tls)
    , m_limits(limits)
{}

SmtpServer::~SmtpServer()
{
    close();
}

bool SmtpServer::listen(SmtpRole role, const core::HostPort& address, QString* error)
{
    if (role != SmtpRole::Mx && !m_tls) {
        *error = tr("the %1 listener needs TLS, and no certificate is loaded").arg(smtpRoleName(role));
        return false;
    }
    auto* listener = new Listener(role, this);
    // A backlog deep enough for a burst of 50 parallel senders.
    listener->setListenBacklogSize(256);
    if (!listener->listen(address.address(), address.port)) {
        *error = tr("cannot listen for %1 on %2: %3")
                     .arg(smtpRoleName(role), address.toString(), listener->errorString());
        delete listener;
        return false;
    }
    m_listeners.append(listener);
    return true;
}

void SmtpServer::close()
{
    for (Listener* listener : std::as_const(m_listeners)) {
        listener->close();
        delete listener;
    }
    m_listeners.clear();
}

QJsonArray SmtpServer::listenerStatus() const
{
    QJsonArray list;
    for (const Listener* listener : m_listeners) {
        const core::HostPort address{listener->serverAddress().toString(), listener->serverPort()};
        list.append(QJsonObject{{QStringLiteral("role"), smtpRoleName(listener->role())},
                                {QStringLiteral("address"), address.toString()},
                                {QStringLiteral("state"), QStringLiteral("listening")}});
    }
    return list;
}

void SmtpServer::accept(SmtpRole role, qintptr descriptor)
{
    auto* connection = new SmtpConnection(descriptor, role, m_context, m_tls, m_limits.timeouts, this);
    if (!connection->isValid()) {
        delete connection;
        return;
    }
    const QString client = connection->clientAddress();
    QString refusal;
    if (m_total >= m_limits.maxConnections)
        refusal = tr("%1 Too many connections; try again later").arg(m_context.settings.hostname);
    else if (m_perAddress.value(client) >= m_limits.maxConnectionsPerAddress)
        refusal =
            tr("%1 Too many connections from %2; try again later").arg(m_context.settings.hostname, client);
    ++m_total;
    ++m_perAddress[client];
    connect(connection, &SmtpConnection::finished, this, [this, connection, client] {
        --m_total;
        if (--m_perAddress[client] <= 0)
            m_perAddress.remove(client);
        connection->deleteLater();
    });
    if (!refusal.isEmpty())
        m_context.log->log(core::LogLevel::Notice, QStringLiteral("smtp"), refusal,
                           {{QStringLiteral("client"), client}});
    connection->start(refusal);
}

} // namespace pw::service
