#pragma once

#include "service/smtp/SmtpConnection.h"
#include "service/smtp/SmtpContext.h"
#include "shared/core/HostPort.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace pw::service {

class TlsContext;

// The listeners of the three SMTP roles and the connection limits over all of them.
class SmtpServer : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxConnections = 200;
        int maxConnectionsPerAddress = 20;
        SmtpTimeouts timeouts;
    };

    SmtpServer(SmtpContext& context, TlsContext* tls, Limits limits, QObject* parent = nullptr);
    ~SmtpServer() override;

    [[nodiscard]] bool listen(SmtpRole role, const core::HostPort& address, QString* error);
    void close();

    // role, address (with the real port when 0 was asked for), state: for `status`.
    [[nodiscard]] QJsonArray listenerStatus() const;
    [[nodiscard]] int connectionCount() const { return m_total; }

private:
    class Listener;
    void accept(SmtpRole role, qintptr descriptor);

    SmtpContext& m_context;
    TlsContext* m_tls;
    Limits m_limits;
    QList<Listener*> m_listeners;
    QHash<QString, int> m_perAddress;
    int m_total = 0;
};

} // namespace pw::service
