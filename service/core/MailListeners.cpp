#include "service/core/MailListeners.h"

#include "service/core/LogHub.h"

#include <QJsonObject>
#include <QTcpServer>

namespace pw::service {

// A QTcpServer that hands the raw descriptor over, so that the connection can wrap it in a
// QSslSocket (STARTTLS and implicit TLS) instead of the plain socket QTcpServer would make.
class MailListeners::Listener : public QTcpServer
{
public:
    Listener(Role role, MailListeners* owner)
        : QTcpServer(owner)
        , m_role(std::move(role))
        , m_owner(owner)
    {}

    [[nodiscard]] const Role& role() const { return m_role; }

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->accept(m_role, descriptor); }

private:
    Role m_role;
    MailListeners* m_owner;
};

MailListeners::MailListeners(QString logCategory, Limits limits, TlsContext* tls, LogHub& log,
                             QObject* parent)
    : QObject(parent)
    , m_logCategory(std::move(logCategory))
    , m_limits(limits)
    , m_tls(tls)
    , m_log(log)
{}

MailListeners::~MailListeners()
{
    close();
}

bool MailListeners::listen(const Role& role, const core::HostPort& address, QString* error)
{
    if (role.needsTls && !m_tls) {
        *error = tr("the %1 listener needs TLS, and no certificate is loaded").arg(role.name);
        return false;
    }
    auto* listener = new Listener(role, this);
    // A backlog deep enough for a burst of 50 parallel clients.
    listener->setListenBacklogSize(256);
    if (!listener->listen(address.address(), address.port)) {
        *error =
            tr("cannot listen for %1 on %2: %3").arg(role.name, address.toString(), listener->errorString());
        delete listener;
        return false;
    }
    m_listeners.append(listener);
    return true;
}

void MailListeners::close()
{
    for (Listener* listener : std::as_const(m_listeners)) {
        listener->close();
        delete listener;
    }
    m_listeners.clear();
}

QJsonArray MailListeners::listenerStatus() const
{
    QJsonArray list;
    for (const Listener* listener : m_listeners) {
        const core::HostPort address{listener->serverAddress().toString(), listener->serverPort()};
        list.append(QJsonObject{{QStringLiteral("role"), listener->role().name},
                                {QStringLiteral("address"), address.toString()},
                                {QStringLiteral("state"), QStringLiteral("listening")}});
    }
    return list;
}

void MailListeners::accept(const Role& role, qintptr descriptor)
{
    const MailConnection::Options options{m_logCategory, role.name, role.implicitTls, m_limits.timeouts};
    auto* connection = new MailConnection(descriptor, options, m_tls, m_log, role.makeSession, this);
    if (!connection->isValid()) {
        delete connection;
        return;
    }
    const QString client = connection->clientAddress();
    QString refusal;
    if (m_total >= m_limits.maxConnections)
        refusal = tr("Too many connections; try again later");
    else if (m_perAddress.value(client) >= m_limits.maxConnectionsPerAddress)
        refusal = tr("Too many connections from %1; try again later").arg(client);
    ++m_total;
    ++m_perAddress[client];
    connect(connection, &MailConnection::finished, this, [this, connection, client] {
        --m_total;
        if (--m_perAddress[client] <= 0)
            m_perAddress.remove(client);
        connection->deleteLater();
    });
    if (!refusal.isEmpty())
        m_log.log(core::LogLevel::Notice, m_logCategory, refusal, {{QStringLiteral("client"), client}});
    connection->start(refusal);
}

} // namespace pw::service
