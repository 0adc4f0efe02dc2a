#pragma once

#include "service/core/ProtocolSession.h"
#include "shared/core/LogRecord.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

class QSslSocket;

namespace pw::service {

class LogHub;
class TlsContext;

// One client connection of a mail protocol: the socket (plain, STARTTLS or implicit TLS), the
// timeouts, and the session it feeds. Reads only while the session wants input, with a bounded
// socket buffer, and stops reading while too many replies wait for a client that does not read.
class MailConnection : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        int commandMs = 300000;
        int longMs = 180000;
    };
    struct Options
    {
        QString logCategory;  // "smtp", "imap"
        QString listenerName; // for the log: "submission", "imaps", ...
        bool implicitTls = false;
        Timeouts timeouts;
    };
    using SessionFactory = std::function<ProtocolSession*(const ConnectionPeer& peer, QObject* parent)>;

    MailConnection(qintptr descriptor, Options options, TlsContext* tls, LogHub& log,
                   const SessionFactory& makeSession, QObject* parent = nullptr);
    ~MailConnection() override;

    // Starts the session, or, when `refusal` is set, has it say so and close.
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
    void finish();
    void timerFired();
    void restartTimer();
    [[nodiscard]] int currentTimeout() const;
    void note(core::LogLevel level, const QString& text);

    Options m_options;
    TlsContext* m_tls;
    LogHub& m_log;
    QSslSocket* m_socket = nullptr;
    ProtocolSession* m_session = nullptr;
    QString m_sessionId;
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
