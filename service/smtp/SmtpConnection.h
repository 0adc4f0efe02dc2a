#pragma once

#include "service/smtp/SmtpContext.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace pw::service {

class SmtpSession;
class TlsContext;

struct SmtpTimeouts
{
    int commandMs = 300000;
    int dataMs = 180000;
};

// One SMTP connection: the socket (plain, STARTTLS or implicit TLS), the timeouts, and the
// session it feeds. Reads only while the session wants input, with a bounded socket buffer, so
// a client that floods us while we wait for the disk is held back by TCP, not by our memory.
class SmtpConnection : public QObject
{
    Q_OBJECT

public:
    SmtpConnection(qintptr descriptor, SmtpRole role, SmtpContext& context, TlsContext* tls,
                   SmtpTimeouts timeouts, QObject* parent = nullptr);
    ~SmtpConnection() override;

    // Starts the session, or, when `refusal` is set, sends it and closes.
    void start(const QString& refusal = {});
    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] QString clientAddress() const { return m_clientKey; }

signals:
    void finished();

private:
    void readInput();
    void write(const QByteArray& bytes);
    void outputDrained();
    [[nodiscard]] qint64 pendingOutput() const;
    void beginTls();
    void encrypted();
    void closeNow();
    void restartTimer();
    [[nodiscard]] int currentTimeout() const;

    SmtpContext& m_context;
    TlsContext* m_tls;
    SmtpTimeouts m_timeouts;
    SmtpRole m_role;
    QSslSocket* m_socket = nullptr;
    SmtpSession* m_session = nullptr;
    QTimer m_timer;
    QElapsedTimer m_idle; // since the client's last input
    int m_armedTimeout = 0;
    QString m_clientKey;
    bool m_valid = false;
    bool m_closing = false;
    bool m_finished = false;
    QString m_refusal;
};

} // namespace pw::service
