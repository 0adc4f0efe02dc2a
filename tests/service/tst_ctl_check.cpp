// postwardenctl check and probe: no service, a loopback DNS server, fake mail servers on
// 127.0.0.1.

#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"
#include "tests/unit/diag/FakeMailServer.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimer>

using pw::test::FakeMailServer;
using pw::test::ProgramResult;
using pw::test::TestDnsServer;
using pw::test::TestService;

namespace {

const QString kGoodZone =
    QStringLiteral("example.org. MX 10 mail.example.org.\n"
                   "mail.example.org. A 192.0.2.10\n"
                   "10.2.0.192.in-addr.arpa. PTR mail.example.org.\n"
                   "example.org. TXT \"v=spf1 mx -all\"\n"
                   "_dmarc.example.org. TXT \"v=DMARC1; p=reject; rua=mailto:d@example.org\"\n");

// No MX, an SPF record that lets the whole internet send, no DMARC.
const QString kBrokenZone = QStringLiteral("example.org. TXT \"v=spf1 +all\"\n"
                                           "mail.example.org. A 192.0.2.99\n");

// Runs postwardenctl while this thread's event loop keeps the fake servers answering.
ProgramResult runCtl(const QStringList& arguments, int timeoutMs = 20000)
{
    QProcess process;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(TestService::program(QStringLiteral("postwardenctl")), arguments);
    loop.exec();
    ProgramResult result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        result.timedOut = true;
    } else if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    result.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    result.stdErr = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QJsonObject parseJson(const ProgramResult& result)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(result.stdOut.toUtf8(), &error).object();
    return error.error == QJsonParseError::NoError ? object : QJsonObject();
}

} // namespace

class TestCtlCheck : public QObject
{
    Q_OBJECT

private slots:
    void dnsOnlyJson();
    void dnsOnlyReport();
    void brokenZoneFails();
    void networkChecksOnLoopback();
    void usageErrors();
    void probeShowsBanner();
    void probeClosedPort();

private:
    QStringList checkArguments(const TestDnsServer& dns) const;
};

QStringList TestCtlCheck::checkArguments(const TestDnsServer& dns) const
{
    return {QStringLiteral("check"),      QStringLiteral("--domain"),         QStringLiteral("example.org"),
            QStringLiteral("--hostname"), QStringLiteral("mail.example.org"), QStringLiteral("--ip"),
            QStringLiteral("192.0.2.10"), QStringLiteral("--dns-server"),     dns.address(),
            QStringLiteral("--dns-only")};
}

void TestCtlCheck::dnsOnlyJson()
{
    TestDnsServer dns;
    QVERIFY2(dns.start(kGoodZone), qPrintable(dns.errorString()));
    // Everything that could open a connection points at this server: it must see none.
    FakeMailServer smtp(FakeMailServer::Mode::Smtp);
    QVERIFY(smtp.start());
    const QString port = QString::number(smtp.serverPort());
    const ProgramResult result = runCtl(
        checkArguments(dns) + QStringList{"--json", "--outbound-target", "127.0.0.1", "--outbound-port", port,
                                          "--listener", "smtp=127.0.0.1:" + port});
    const QJsonObject object = parseJson(result);
    QVERIFY2(!object.isEmpty(), qPrintable(result.stdOut + result.stdErr));
    const QString verdict = object.value("verdict").toString();
    QVERIFY2(QStringList({"pass", "info", "warn", "unknown", "fail"}).contains(verdict), qPrintable(verdict));
    // 192.0.2.10 is documentation space, which the host identity checks rightly fail (ip.public):
    // the exit code follows the verdict.
    QCOMPARE(result.exitCode, verdict == QLatin1String("fail") ? 1 : 0);
    const QJsonArray results = object.value("results").toArray();
    QVERIFY(!results.isEmpty());
    QStringList ids;
    for (const QJsonValue& value : results) {
        const QJsonObject entry = value.toObject();
        for (const char* key : {"id", "status", "title", "summary", "explanation", "fix"})
            QVERIFY2(entry.value(QLatin1String(key)).isString(), key);
        QVERIFY(entry.value("evidence").isArray());
        QVERIFY(!entry.value("id").toString().isEmpty());
        ids << entry.value("id").toString();
        // The zone is complete: nothing about the domain's records fails.
        static const QRegularExpression records("^(mx|spf|dkim|dmarc)\\.");
        if (records.match(ids.last()).hasMatch())
            QVERIFY2(entry.value("status").toString() != "fail",
                     qPrintable(entry.value("summary").toString()));
    }
    QVERIFY2(ids.contains("mx.present"), qPrintable(ids.join(' ')));
    QVERIFY(!ids.filter(QRegularExpression("^spf\\.")).isEmpty());
    QVERIFY(!ids.filter(QRegularExpression("^dmarc\\.")).isEmpty());
    for (const char* skipped :
         {"port.local.skipped", "port.public.skipped", "port.outbound25.skipped", "tls.skipped"})
        QVERIFY2(ids.contains(QLatin1String(skipped)), skipped);

    // --dns-only: no TCP connection, neither to the mail server nor to the DNS server.
    QTest::qWait(200);
    QCOMPARE(smtp.connections(), 0);
    QVERIFY(dns.queryCount() > 0);
    for (const QString& query : dns.queries())
        QVERIFY2(query.endsWith(" udp"), qPrintable(query));
}

void TestCtlCheck::dnsOnlyReport()
{
    TestDnsServer dns;
    QVERIFY2(dns.start(kGoodZone), qPrintable(dns.errorString()));
    const ProgramResult result = runCtl(checkArguments(dns));
    QVERIFY2(result.exitCode == (result.stdOut.contains("[FAIL]") ? 1 : 0),
             qPrintable(result.stdOut + result.stdErr));
    // Not a terminal: no colour codes.
    QVERIFY(!result.stdOut.contains(QLatin1Char('\033')));
    QVERIFY(!result.stdErr.contains(QLatin1Char('\033')));
    QVERIFY2(result.stdOut.contains("Mail exchangers (MX)"), qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains("[PASS]"));
    QVERIFY(result.stdOut.contains("Not checked: DNS-only mode opens no connections."));
    QVERIFY(result.stdOut.contains("Summary: "));
    QVERIFY(result.stdOut.contains("Verdict: "));
}

void TestCtlCheck::brokenZoneFails()
{
    TestDnsServer dns;
    QVERIFY2(dns.start(kBrokenZone), qPrintable(dns.errorString()));
    const ProgramResult json = runCtl(checkArguments(dns) + QStringList{"--json"});
    QVERIFY2(json.exitCode == 1, qPrintable(json.stdOut + json.stdErr));
    const QJsonObject object = parseJson(json);
    QCOMPARE(object.value("verdict").toString(), QStringLiteral("fail"));
    bool mxFailed = false;
    for (const QJsonValue& value : object.value("results").toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value("id").toString().startsWith("mx.") && entry.value("status").toString() == "fail") {
            mxFailed = true;
            QVERIFY(!entry.value("fix").toString().isEmpty());
        }
    }
    QVERIFY2(mxFailed, qPrintable(json.stdOut));

    const ProgramResult text = runCtl(checkArguments(dns));
    QCOMPARE(text.exitCode, 1);
    QVERIFY(text.stdOut.contains("[FAIL]"));
    QVERIFY(text.stdOut.contains("Fix: "));
}

void TestCtlCheck::networkChecksOnLoopback()
{
    TestDnsServer dns;
    QVERIFY2(dns.start(QString(kGoodZone).replace("192.0.2.10", "127.0.0.1")), qPrintable(dns.errorString()));
    FakeMailServer smtp(FakeMailServer::Mode::Smtp);
    QVERIFY(smtp.start());
    const QString port = QString::number(smtp.serverPort());
    const ProgramResult result = runCtl({"--json",
                                         "check",
                                         "--domain",
                                         "example.org",
                                         "--hostname",
                                         "mail.example.org",
                                         "--ip",
                                         "127.0.0.1",
                                         "--dns-server",
                                         dns.address(),
                                         "--ports",
                                         port,
                                         "--outbound-target",
                                         "127.0.0.1",
                                         "--outbound-port",
                                         port,
                                         "--listener",
                                         "smtp=127.0.0.1:" + port,
                                         "--timeout",
                                         "2"});
    QVERIFY2(result.exitCode == 0 || result.exitCode == 1, qPrintable(result.stdOut + result.stdErr));
    QMap<QString, QString> statuses;
    for (const QJsonValue& value : parseJson(result).value("results").toArray())
        statuses.insert(value.toObject().value("id").toString(), value.toObject().value("status").toString());
    QCOMPARE(statuses.value("port.local.smtp"), QStringLiteral("pass"));
    QCOMPARE(statuses.value("port.public." + port), QStringLiteral("pass"));
    QCOMPARE(statuses.value("port.outbound25"), QStringLiteral("pass"));
    // The fake offers no STARTTLS: that is a failure of its own, and the exit code says so.
    QCOMPARE(statuses.value("tls.smtp"), QStringLiteral("fail"));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(smtp.connections() >= 3);
}

void TestCtlCheck::usageErrors()
{
    QCOMPARE(runCtl({"check"}).exitCode, 2);
    QCOMPARE(runCtl({"check", "--domain", "example.org", "--ip", "not-an-ip"}).exitCode, 2);
    QCOMPARE(runCtl({"check", "--domain", "example.org", "--bogus"}).exitCode, 2);
    QCOMPARE(runCtl({"check", "--domain", "example.org", "--dkim-selector", "sel"}).exitCode, 2);
    QCOMPARE(runCtl({"probe"}).exitCode, 2);
    QCOMPARE(runCtl({"probe", "127.0.0.1", "--ports", "x"}).exitCode, 2);
}

void TestCtlCheck::probeShowsBanner()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp);
    QVERIFY(smtp.start());
    const QString port = QString::number(smtp.serverPort());
    const ProgramResult result = runCtl({"probe", "127.0.0.1", "--ports", port});
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdOut + result.stdErr));
    QVERIFY2(result.stdOut.contains(port + " open"), qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains(FakeMailServer::kSmtpBanner));
    QCOMPARE(smtp.connections(), 1);

    const ProgramResult json = runCtl({"--json", "probe", "127.0.0.1", "--ports", port});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray ports = parseJson(json).value("ports").toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.first().toObject().value("outcome").toString(), QStringLiteral("open"));
    QCOMPARE(ports.first().toObject().value("banner").toString(),
             QString::fromLatin1(FakeMailServer::kSmtpBanner));
}

void TestCtlCheck::probeClosedPort()
{
    FakeMailServer silent(FakeMailServer::Mode::Silent);
    QVERIFY(silent.start());
    const QString closed = QString::number(pw::test::closedPort());
    const QString quiet = QString::number(silent.serverPort());
    const ProgramResult result =
        runCtl({"probe", "127.0.0.1", "--ports", closed + "," + quiet, "--timeout", "1"});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.stdOut.contains(closed + " refused"), qPrintable(result.stdOut));
    QVERIFY2(result.stdOut.contains(quiet + " timeout"), qPrintable(result.stdOut));
}

QTEST_GUILESS_MAIN(TestCtlCheck)
#include "tst_ctl_check.moc"
