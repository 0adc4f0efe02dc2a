// The role address check (roles.postmaster, roles.abuse) and the greeting host name
// (hostname.banner.<role>) against a scripted SMTP server on 127.0.0.1.

#include "shared/diag/checks/ListenerCheck.h"
#include "shared/diag/checks/RoleAddressCheck.h"
#include "tests/unit/diag/CheckRunner.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace pw::diag;
using pw::test::findResult;
using pw::test::NoDnsResolver;
using pw::test::runCheck;

namespace {

// Answers RCPT TO with a scripted reply per local part; everything else with 250.
class ScriptedSmtpServer : public QTcpServer
{
public:
    QByteArray banner = "220 mail.example.org ESMTP scripted";
    QByteArray postmasterReply = "250 2.1.5 ok";
    QByteArray abuseReply = "250 2.1.5 ok";
    bool silent = false;
    QStringList received;

    [[nodiscard]] bool start() { return listen(QHostAddress::LocalHost, 0); }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (silent)
            return;
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine().trimmed();
                received.append(QString::fromUtf8(line));
                const QByteArray upper = line.toUpper();
                if (upper.startsWith("EHLO"))
                    socket->write("250-mail.example.org\r\n250 PIPELINING\r\n");
                else if (upper.startsWith("RCPT TO:<POSTMASTER@"))
                    socket->write(postmasterReply + "\r\n");
                else if (upper.startsWith("RCPT TO:<ABUSE@"))
                    socket->write(abuseReply + "\r\n");
                else if (upper == "QUIT") {
                    socket->write("221 bye\r\n");
                    socket->disconnectFromHost();
                } else
                    socket->write("250 ok\r\n");
            }
        });
        socket->write(banner + "\r\n");
    }
};

DiagnosticsInput inputFor(quint16 port, const QString& role = QStringLiteral("smtp"))
{
    DiagnosticsInput input;
    input.domain = QStringLiteral("example.org");
    input.hostname = QStringLiteral("mail.example.org");
    input.tcpTimeout = std::chrono::milliseconds(1500);
    input.localListeners = {
        LocalListener{role, pw::core::HostPort{QStringLiteral("127.0.0.1"), port}, false}};
    return input;
}

} // namespace

class TestDiagRoles : public QObject
{
    Q_OBJECT

private slots:
    void bothAccepted();
    void postmasterRefused();
    void temporaryErrorIsUnknown();
    void silentServerIsUnknown();
    void noSmtpListenerIsInfo();
    void bannerHostnameMatches();
    void bannerHostnameMismatchWarns();
    void imapHasNoBannerResult();

private:
    NoDnsResolver m_resolver;
};

void TestDiagRoles::bothAccepted()
{
    ScriptedSmtpServer server;
    QVERIFY(server.start());
    RoleAddressCheck check;
    QVERIFY(check.usesNetwork());
    QCOMPARE(check.id(), QStringLiteral("roles"));
    const auto results = runCheck(check, inputFor(server.serverPort()), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 2);
    QCOMPARE(results->at(0).id, QStringLiteral("roles.postmaster"));
    QCOMPARE(results->at(1).id, QStringLiteral("roles.abuse"));
    for (const CheckResult& result : *results)
        QVERIFY2(result.status == CheckStatus::Pass, qPrintable(result.id + ": " + result.summary));
    QTRY_VERIFY(server.received.contains("QUIT"));
    QCOMPARE(server.received.value(0), QStringLiteral("EHLO mail.example.org"));
    QCOMPARE(server.received.value(1), QStringLiteral("MAIL FROM:<>"));
    QCOMPARE(server.received.value(2), QStringLiteral("RCPT TO:<postmaster@example.org>"));
    QCOMPARE(server.received.value(3), QStringLiteral("RCPT TO:<abuse@example.org>"));
    QCOMPARE(server.received.value(4), QStringLiteral("RSET"));
    QVERIFY(!server.received.contains("DATA"));
    QCOMPARE(m_resolver.lookups, 0);
}

void TestDiagRoles::postmasterRefused()
{
    ScriptedSmtpServer server;
    server.postmasterReply = "550 5.1.1 no such user";
    QVERIFY(server.start());
    RoleAddressCheck check;
    const auto results = runCheck(check, inputFor(server.serverPort()), m_resolver);
    QVERIFY(results);
    const CheckResult* postmaster = findResult(*results, "roles.postmaster");
    QVERIFY(postmaster);
    QCOMPARE(postmaster->status, CheckStatus::Fail);
    QVERIFY2(postmaster->summary.contains("postmaster@example.org"), qPrintable(postmaster->summary));
    QVERIFY2(postmaster->summary.contains("550"), qPrintable(postmaster->summary));
    QVERIFY(!postmaster->explanation.isEmpty());
    QVERIFY(postmaster->fix.contains("postmaster@example.org"));
    QCOMPARE(findResult(*results, "roles.abuse")->status, CheckStatus::Pass);
    QTRY_VERIFY(server.received.contains("QUIT"));
    QVERIFY(!server.received.contains("DATA"));
}

void TestDiagRoles::temporaryErrorIsUnknown()
{
    ScriptedSmtpServer server;
    server.abuseReply = "451 4.3.0 try again later";
    QVERIFY(server.start());
    RoleAddressCheck check;
    const auto results = runCheck(check, inputFor(server.serverPort()), m_resolver);
    QVERIFY(results);
    QCOMPARE(findResult(*results, "roles.postmaster")->status, CheckStatus::Pass);
    const CheckResult* abuse = findResult(*results, "roles.abuse");
    QVERIFY(abuse);
    QCOMPARE(abuse->status, CheckStatus::Unknown);
    QVERIFY2(abuse->summary.contains("451"), qPrintable(abuse->summary));
    QVERIFY(abuse->evidence.join('\n').contains("451 4.3.0 try again later"));
}

void TestDiagRoles::silentServerIsUnknown()
{
    ScriptedSmtpServer server;
    server.silent = true;
    QVERIFY(server.start());
    DiagnosticsInput input = inputFor(server.serverPort());
    input.tcpTimeout = std::chrono::milliseconds(300);
    RoleAddressCheck check;
    QElapsedTimer timer;
    timer.start();
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(results->size(), 2);
    for (const CheckResult& result : *results) {
        QCOMPARE(result.status, CheckStatus::Unknown);
        QVERIFY2(result.summary.contains("no complete answer"), qPrintable(result.summary));
    }
}

void TestDiagRoles::noSmtpListenerIsInfo()
{
    DiagnosticsInput input = inputFor(1, QStringLiteral("imap"));
    RoleAddressCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->first().status, CheckStatus::Info);
    QVERIFY2(results->first().summary.contains("No SMTP listener"), qPrintable(results->first().summary));
}

void TestDiagRoles::bannerHostnameMatches()
{
    ScriptedSmtpServer server;
    server.banner = "220 MAIL.Example.org ESMTP scripted";
    QVERIFY(server.start());
    ListenerCheck check;
    const auto results = runCheck(check, inputFor(server.serverPort()), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 2);
    QCOMPARE(findResult(*results, "port.local.smtp")->status, CheckStatus::Pass);
    const CheckResult* banner = findResult(*results, "hostname.banner.smtp");
    QVERIFY(banner);
    QVERIFY2(banner->status == CheckStatus::Pass, qPrintable(banner->summary));
}

void TestDiagRoles::bannerHostnameMismatchWarns()
{
    ScriptedSmtpServer server;
    server.banner = "220 localhost.localdomain ESMTP scripted";
    QVERIFY(server.start());
    ListenerCheck check;
    const auto results = runCheck(check, inputFor(server.serverPort(), "submission"), m_resolver);
    QVERIFY(results);
    QCOMPARE(findResult(*results, "port.local.submission")->status, CheckStatus::Pass);
    const CheckResult* banner = findResult(*results, "hostname.banner.submission");
    QVERIFY(banner);
    QCOMPARE(banner->status, CheckStatus::Warn);
    QVERIFY2(banner->summary.contains("localhost.localdomain"), qPrintable(banner->summary));
    QVERIFY2(banner->summary.contains("mail.example.org"), qPrintable(banner->summary));
    QVERIFY(banner->explanation.contains("PTR"));
    QVERIFY(banner->fix.contains("[service] hostname"));
    QVERIFY(banner->evidence.join('\n').contains("localhost.localdomain"));
}

void TestDiagRoles::imapHasNoBannerResult()
{
    QTcpServer imap;
    QVERIFY(imap.listen(QHostAddress::LocalHost, 0));
    connect(&imap, &QTcpServer::newConnection, &imap, [&imap] {
        while (QTcpSocket* socket = imap.nextPendingConnection())
            socket->write("* OK other.example.net ready\r\n");
    });
    ListenerCheck check;
    const auto results = runCheck(check, inputFor(imap.serverPort(), "imap"), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->first().id, QStringLiteral("port.local.imap"));
}

QTEST_GUILESS_MAIN(TestDiagRoles)
#include "tst_diag_roles.moc"
