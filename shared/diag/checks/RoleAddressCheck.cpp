#include "shared/diag/checks/RoleAddressCheck.h"

#include <QTcpSocket>
#include <QTimer>
#include <array>
#include <utility>

namespace pw::diag {

namespace {

constexpr qsizetype kMaxLine = 4096; // RFC 5321 4.5.3.1.5 allows 512; be generous, not unbounded
constexpr int kMaxReplyLines = 100;  // a multi-line reply longer than this is not an answer

// What one RCPT TO told us; `reply` is empty when it was never answered.
struct RoleAnswer
{
    QString address;
    QString reply;
};

CheckResult roleResult(const RoleAnswer& answer, const QString& role, const QString& failure,
                       const QStringList& transcript)
{
    CheckResult result;
    result.id = QStringLiteral("roles.") + role;
    result.title = RoleAddressCheck::tr("Role address %1").arg(answer.address);
    result.evidence = transcript;
    const QChar code = answer.reply.isEmpty() ? QChar() : answer.reply.at(0);
    if (answer.reply.startsWith(QLatin1String("250")) || answer.reply.startsWith(QLatin1String("251"))) {
        result.status = CheckStatus::Pass;
        result.summary = RoleAddressCheck::tr("The server accepts mail to %1.").arg(answer.address);
        return result;
    }
    if (code == QLatin1Char('5')) {
        result.status = CheckStatus::Fail;
        result.summary = RoleAddressCheck::tr("Mail to %1 is refused: %2").arg(answer.address, answer.reply);
        result.explanation = RoleAddressCheck::tr(
            "Every mail domain must accept mail to postmaster@ (RFC 5321, section 4.5.1) "
            "and should accept it to abuse@ (RFC 2142). Large providers and blocklist "
            "operators write to these addresses about delivery problems and complaints; "
            "if they bounce, your mail is trusted less.");
        result.fix = RoleAddressCheck::tr("Create the mailbox %1 or an alias that forwards it to someone who "
                                          "reads it.")
                         .arg(answer.address);
        return result;
    }
    result.status = CheckStatus::Unknown;
    QString reason = failure;
    if (code == QLatin1Char('4'))
        reason = RoleAddressCheck::tr("the server answered with a temporary error: %1").arg(answer.reply);
    else if (!answer.reply.isEmpty())
        reason = RoleAddressCheck::tr("unexpected answer: %1").arg(answer.reply);
    result.summary =
        RoleAddressCheck::tr("Cannot tell whether mail to %1 is accepted: %2.").arg(answer.address, reason);
    result.fix = RoleAddressCheck::tr("Make sure postwardend is running, then run the check again.");
    return result;
}

// One SMTP dialogue up to RCPT TO; a child of the caller's context, so that it dies with it.
class Dialogue : public QObject
{
public:
    Dialogue(QString host, quint16 port, QString ehloName, const QString& domain,
             std::chrono::milliseconds timeout, QObject* context, Check::Done done)
        : QObject(context)
        , m_host(std::move(host))
        , m_port(port)
        , m_ehloName(std::move(ehloName))
        , m_timeout(timeout)
        , m_done(std::move(done))
        , m_socket(new QTcpSocket(this))
        , m_timer(new QTimer(this))
    {
        m_answers[0].address = QStringLiteral("postmaster@") + domain;
        m_answers[1].address = QStringLiteral("abuse@") + domain;
    }

    void start();

private:
    enum class Stage
    {
        Connecting,
        Greeting,
        Ehlo,
        MailFrom,
        RcptPostmaster,
        RcptAbuse
    };

    void onReadyRead();
    void onReply(const QString& first);
    void send(const QByteArray& line);
    void finish(const QString& failure, bool polite);

    QString m_host;
    quint16 m_port;
    QString m_ehloName;
    std::chrono::milliseconds m_timeout;
    Check::Done m_done;
    QTcpSocket* m_socket;
    QTimer* m_timer;
    Stage m_stage = Stage::Connecting;
    QStringList m_transcript;
    int m_replyLines = 0;
    QString m_replyFirst;
    std::array<RoleAnswer, 2> m_answers;
    bool m_finished = false;
};

void Dialogue::start()
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        finish(m_stage == Stage::Connecting
                   ? RoleAddressCheck::tr("no connection within %1 seconds").arg(seconds)
                   : RoleAddressCheck::tr("no complete answer within %1 seconds").arg(seconds),
               false);
    });
    connect(m_socket, &QTcpSocket::connected, this, [this] { m_stage = Stage::Greeting; });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        finish(error == QAbstractSocket::RemoteHostClosedError
                   ? RoleAddressCheck::tr("the server closed the connection")
                   : RoleAddressCheck::tr("cannot connect to %1:%2: %3")
                         .arg(m_host)
                         .arg(m_port)
                         .arg(m_socket->errorString()),
               false);
    });
    m_timer->start(m_timeout);
    m_socket->connectToHost(m_host, m_port);
}

void Dialogue::onReadyRead()
{
    while (!m_finished && m_socket->canReadLine()) {
        const QByteArray raw = m_socket->readLine(kMaxLine);
        if (!raw.endsWith('\n')) {
            finish(RoleAddressCheck::tr("the server sent a line longer than %1 bytes").arg(kMaxLine), false);
            return;
        }
        const QString line = QString::fromUtf8(raw).trimmed();
        m_transcript.append(QStringLiteral("S: ") + line);
        if (m_replyLines++ == 0)
            m_replyFirst = line;
        if (m_replyLines > kMaxReplyLines) {
            finish(RoleAddressCheck::tr("the server sent a reply of more than %1 lines").arg(kMaxReplyLines),
                   false);
            return;
        }
        // "250-…" continues, "250 …" (or a bare code) ends the reply (RFC 5321 4.2.1).
        if (line.size() > 3 && line.at(3) == QLatin1Char('-'))
            continue;
        m_replyLines = 0;
        onReply(std::exchange(m_replyFirst, {}));
    }
    if (!m_finished && m_socket->bytesAvailable() > kMaxLine)
        finish(RoleAddressCheck::tr("the server sent a line longer than %1 bytes").arg(kMaxLine), false);
}

void Dialogue::onReply(const QString& first)
{
    const auto expect = [&](const char* code, const QString& what) {
        if (first.startsWith(QLatin1String(code)))
            return true;
        finish(RoleAddressCheck::tr("%1 was not accepted: %2").arg(what, first), true);
        return false;
    };
    switch (m_stage) {
    case Stage::Connecting:
        return;
    case Stage::Greeting:
        if (expect("220", RoleAddressCheck::tr("the greeting"))) {
            m_stage = Stage::Ehlo;
            send("EHLO " + m_ehloName.toUtf8());
        }
        return;
    case Stage::Ehlo:
        if (expect("250", QStringLiteral("EHLO"))) {
            m_stage = Stage::MailFrom;
            send("MAIL FROM:<>");
        }
        return;
    case Stage::MailFrom:
        if (expect("250", QStringLiteral("MAIL FROM:<>"))) {
            m_stage = Stage::RcptPostmaster;
            send("RCPT TO:<" + m_answers[0].address.toUtf8() + '>');
        }
        return;
    case Stage::RcptPostmaster:
        m_answers[0].reply = first;
        m_stage = Stage::RcptAbuse;
        send("RCPT TO:<" + m_answers[1].address.toUtf8() + '>');
        return;
    case Stage::RcptAbuse:
        m_answers[1].reply = first;
        finish({}, true);
        return;
    }
}

void Dialogue::send(const QByteArray& line)
{
    m_transcript.append(QStringLiteral("C: ") + QString::fromUtf8(line));
    m_socket->write(line + "\r\n");
}

void Dialogue::finish(const QString& failure, bool polite)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_socket->disconnect(this);
    if (polite && m_socket->state() == QAbstractSocket::ConnectedState) {
        send("RSET");
        send("QUIT");
        m_socket->flush(); // they leave now, even if our context dies right after `done`
    }
    // A server that does not close gets a second at most.
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(1000, this, &QObject::deleteLater);
    m_socket->disconnectFromHost();
    const CheckResults results{roleResult(m_answers[0], QStringLiteral("postmaster"), failure, m_transcript),
                               roleResult(m_answers[1], QStringLiteral("abuse"), failure, m_transcript)};
    // Last: `done` may destroy our context, and this object with it.
    const auto done = std::move(m_done);
    done(results);
}

} // namespace

QString RoleAddressCheck::id() const
{
    return QStringLiteral("roles");
}

QString RoleAddressCheck::title() const
{
    return tr("Role addresses (postmaster@, abuse@)");
}

void RoleAddressCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput& input = environment.input;
    const LocalListener* smtp = nullptr;
    for (const LocalListener& listener : input.localListeners) {
        if (listener.role == QLatin1String("smtp")) {
            smtp = &listener;
            break;
        }
    }
    if (!smtp || input.domain.isEmpty()) {
        CheckResult none;
        none.id = id();
        none.status = CheckStatus::Info;
        none.title = title();
        none.summary = !smtp ? tr("No SMTP listener is configured to ask, so postmaster@ and abuse@ were "
                                  "not checked.")
                             : tr("No mail domain was given, so postmaster@ and abuse@ were not checked.");
        QMetaObject::invokeMethod(
            context, [done, none] { done({none}); }, Qt::QueuedConnection);
        return;
    }
    const QString ehloName = input.hostname.isEmpty() ? QStringLiteral("localhost") : input.hostname;
    auto* dialogue = new Dialogue(smtp->address.host, smtp->address.port, ehloName, input.domain,
                                  input.tcpTimeout, context, std::move(done));
    // Started from the event loop: `done` must never run before this function returns.
    QTimer::singleShot(0, dialogue, [dialogue] { dialogue->start(); });
}

} // namespace pw::diag
