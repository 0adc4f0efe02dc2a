#pragma once

#include "service/core/MailConnection.h"
#include "shared/core/HostPort.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>

namespace pw::service {

class LogHub;
class TlsContext;

// The listeners of one protocol (SMTP's mx/submission/submissions, IMAP's imap/imaps) and the
// connection limits over all of them: in total and per client address.
class MailListeners : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int maxConnections = 200;
        int maxConnectionsPerAddress = 20;
        MailConnection::Timeouts timeouts;
    };
    struct Role
    {
        QString name; // for `status` and the log
        bool implicitTls = false;
        bool needsTls = false; // refuse to listen without a certificate
        MailConnection::SessionFactory makeSession;
    };

    MailListeners(QString logCategory, Limits limits, TlsContext* tls, LogHub& log,
                  QObject* parent = nullptr);
    ~MailListeners() override;

    [[nodiscard]] bool listen(const Role& role, const core::HostPort& address, QString* error);
    void close();

    // role, address (with the real port when 0 was asked for), state: for `status`.
    [[nodiscard]] QJsonArray listenerStatus() const;
    [[nodiscard]] int connectionCount() const { return m_total; }

private:
    class Listener;
    void accept(const Role& role, qintptr descriptor);

    QString m_logCategory;
    Limits m_limits;
    TlsContext* m_tls;
    LogHub& m_log;
    QList<Listener*> m_listeners;
    QHash<QString, int> m_perAddress;
    int m_total = 0;
};

} // namespace pw::service
