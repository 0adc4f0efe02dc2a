// Network checks against fake mail servers on 127.0.0.1: local listeners, TLS certificates,
// public ports.

#include "shared/diag/checks/ListenerCheck.h"
#include "shared/diag/checks/NetworkChecks.h"
#include "shared/diag/checks/PublicPortCheck.h"
#include "shared/diag/checks/TlsCertificateCheck.h"
#include "tests/unit/diag/CheckRunner.h"
#include "tests/unit/diag/FakeMailServer.h"

#include <QTest>

using namespace pw::diag;
using pw::test::FakeMailServer;
using pw::test::findResult;
using pw::test::NoDnsResolver;
using pw::test::runCheck;
using pw::test::TestCertificate;

namespace {

LocalListener listener(const QString& role, quint16 port, bool implicitTls = false)
{
    return LocalListener{role, pw::core::HostPort{QStringLiteral("127.0.0.1"), port}, implicitTls};
}

DiagnosticsInput baseInput()
{
    DiagnosticsInput input;
    input.domain = QStringLiteral("example.org");
    input.hostname = QStringLiteral("mail.example.org");
    input.tcpTimeout = std::chrono::milliseconds(1500);
    return input;
}

} // namespace

class TestDiagListeners : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void factoryUsesNetwork();
    void listenersAnswer();
    void closedPortFails();
    void silentServerTimesOut();
    void noListenersIsInfo();
    void startTlsCertificateSelfSigned();
    void implicitTlsHostnameMismatchFails();
    void expiringCertificateWarns();
    void startTlsNotOffered();
    void publicPortOnLocalAddress();
    void publicPortBehindNatIsUnknown();

private:
    TestCertificate m_cert;
    TestCertificate m_shortCert;
    NoDnsResolver m_resolver;
};

void TestDiagListeners::initTestCase()
{
    m_cert = TestCertificate::generate(QStringLiteral("mail.example.org"), 30);
    QVERIFY(!m_cert.certificate.isNull());
    QVERIFY(!m_cert.key.isNull());
    m_shortCert = TestCertificate::generate(QStringLiteral("mail.example.org"), 5);
    QVERIFY(!m_shortCert.certificate.isNull());
}

void TestDiagListeners::factoryUsesNetwork()
{
    const CheckList checks = networkChecks();
    QCOMPARE(checks.size(), size_t(5));
    QStringList ids;
    for (const auto& check : checks) {
        QVERIFY(check->usesNetwork());
        QVERIFY(!check->title().isEmpty());
        ids << check->id();
    }
    QCOMPARE(ids, (QStringList{"port.local", "port.public", "port.outbound25", "tls", "roles"}));
}

void TestDiagListeners::listenersAnswer()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp, m_cert);
    FakeMailServer submissions(FakeMailServer::Mode::SmtpTls, m_cert);
    FakeMailServer imap(FakeMailServer::Mode::Imap, m_cert);
    FakeMailServer imaps(FakeMailServer::Mode::ImapTls, m_cert);
    QVERIFY(smtp.start() && submissions.start() && imap.start() && imaps.start());
    DiagnosticsInput input = baseInput();
    input.localListeners = {listener("smtp", smtp.serverPort()),
                            listener("submissions", submissions.serverPort(), true),
                            listener("imap", imap.serverPort()), listener("imaps", imaps.serverPort(), true)};
    ListenerCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    // port.local.* for all four, hostname.banner.* for the two SMTP roles
    QCOMPARE(results->size(), 6);
    QVERIFY(findResult(*results, "hostname.banner.smtp"));
    QVERIFY(findResult(*results, "hostname.banner.submissions"));
    for (const CheckResult& result : *results)
        QVERIFY2(result.status == CheckStatus::Pass, qPrintable(result.id + ": " + result.summary));
    const CheckResult* smtpResult = findResult(*results, "port.local.smtp");
    QVERIFY(smtpResult);
    QVERIFY2(smtpResult->evidence.join('\n').contains(FakeMailServer::kSmtpBanner),
             qPrintable(smtpResult->evidence.join('\n')));
    const CheckResult* tlsResult = findResult(*results, "port.local.submissions");
    QVERIFY(tlsResult);
    QVERIFY2(tlsResult->summary.contains("self-signed"), qPrintable(tlsResult->summary));
    QVERIFY(tlsResult->evidence.join('\n').contains("ESMTP fake ready"));
    QVERIFY(findResult(*results, "port.local.imap")->evidence.join('\n').contains("* OK"));
    QVERIFY(findResult(*results, "port.local.imaps")->evidence.join('\n').contains("* OK"));
    QTRY_VERIFY(smtp.received().contains("QUIT"));
    QCOMPARE(m_resolver.lookups, 0);
}

void TestDiagListeners::closedPortFails()
{
    const quint16 port = pw::test::closedPort();
    QVERIFY(port != 0);
    DiagnosticsInput input = baseInput();
    input.localListeners = {listener("smtp", port)};
    ListenerCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->first().id, QStringLiteral("port.local.smtp"));
    QCOMPARE(results->first().status, CheckStatus::Fail);
    QVERIFY2(results->first().summary.contains("refused"), qPrintable(results->first().summary));
    QVERIFY(!results->first().fix.isEmpty());
}

void TestDiagListeners::silentServerTimesOut()
{
    FakeMailServer silent(FakeMailServer::Mode::Silent);
    QVERIFY(silent.start());
    DiagnosticsInput input = baseInput();
    input.tcpTimeout = std::chrono::milliseconds(300);
    input.localListeners = {listener("submission", silent.serverPort())};
    ListenerCheck check;
    QElapsedTimer timer;
    timer.start();
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().status, CheckStatus::Fail);
    QVERIFY2(results->first().summary.contains("no answer"), qPrintable(results->first().summary));
    QVERIFY(timer.elapsed() < 5000);
}

void TestDiagListeners::noListenersIsInfo()
{
    ListenerCheck check;
    const auto results = runCheck(check, baseInput(), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().status, CheckStatus::Info);
}

void TestDiagListeners::startTlsCertificateSelfSigned()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp, m_cert);
    FakeMailServer imap(FakeMailServer::Mode::Imap, m_cert);
    QVERIFY(smtp.start() && imap.start());
    DiagnosticsInput input = baseInput();
    input.localListeners = {listener("smtp", smtp.serverPort()), listener("imap", imap.serverPort())};
    TlsCertificateCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 2);
    for (const CheckResult& result : *results) {
        QCOMPARE(result.status, CheckStatus::Warn);
        QVERIFY2(result.summary.contains("self-signed"), qPrintable(result.summary));
        QVERIFY2(!result.summary.contains("not for"), qPrintable(result.summary));
        QVERIFY(result.evidence.join('\n').contains("mail.example.org"));
    }
    QCOMPARE(results->at(0).id, QStringLiteral("tls.smtp"));
    QCOMPARE(results->at(1).id, QStringLiteral("tls.imap"));
    QVERIFY(smtp.received().value(0).startsWith("EHLO mail.example.org"));
    QCOMPARE(smtp.received().value(1), QStringLiteral("STARTTLS"));
}

void TestDiagListeners::implicitTlsHostnameMismatchFails()
{
    FakeMailServer imaps(FakeMailServer::Mode::ImapTls, m_cert);
    QVERIFY(imaps.start());
    DiagnosticsInput input = baseInput();
    input.hostname = QStringLiteral("mx.example.net");
    input.localListeners = {listener("imaps", imaps.serverPort(), true)};
    TlsCertificateCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().id, QStringLiteral("tls.imaps"));
    QCOMPARE(results->first().status, CheckStatus::Fail);
    QVERIFY2(results->first().summary.contains("not for mx.example.net"),
             qPrintable(results->first().summary));
    QVERIFY(results->first().fix.contains("mx.example.net"));
}

void TestDiagListeners::expiringCertificateWarns()
{
    FakeMailServer submissions(FakeMailServer::Mode::SmtpTls, m_shortCert);
    QVERIFY(submissions.start());
    DiagnosticsInput input = baseInput();
    input.localListeners = {listener("submissions", submissions.serverPort(), true)};
    TlsCertificateCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().status, CheckStatus::Warn);
    QVERIFY2(results->first().summary.contains("expires in"), qPrintable(results->first().summary));
}

void TestDiagListeners::startTlsNotOffered()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp); // no certificate: no STARTTLS in EHLO
    QVERIFY(smtp.start());
    DiagnosticsInput input = baseInput();
    input.localListeners = {listener("submission", smtp.serverPort())};
    TlsCertificateCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().id, QStringLiteral("tls.submission"));
    QCOMPARE(results->first().status, CheckStatus::Fail);
    QVERIFY2(results->first().summary.contains("STARTTLS"), qPrintable(results->first().summary));
}

void TestDiagListeners::publicPortOnLocalAddress()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp);
    QVERIFY(smtp.start());
    const quint16 closed = pw::test::closedPort();
    DiagnosticsInput input = baseInput();
    input.publicAddresses = {QHostAddress(QHostAddress::LocalHost)};
    input.publicPorts = {smtp.serverPort(), closed};
    PublicPortCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 2);
    const CheckResult* open = findResult(*results, QStringLiteral("port.public.%1").arg(smtp.serverPort()));
    QVERIFY(open);
    QCOMPARE(open->status, CheckStatus::Pass);
    // 127.0.0.1 is this host's own address: a refusal is a closed port, not NAT.
    const CheckResult* shut = findResult(*results, QStringLiteral("port.public.%1").arg(closed));
    QVERIFY(shut);
    QCOMPARE(shut->status, CheckStatus::Fail);
    QVERIFY(shut->fix.contains("firewall"));
}

void TestDiagListeners::publicPortBehindNatIsUnknown()
{
    FakeMailServer smtp(FakeMailServer::Mode::Smtp);
    QVERIFY(smtp.start());
    const quint16 closed = pw::test::closedPort();
    DiagnosticsInput input = baseInput();
    input.publicAddresses = {QHostAddress(QHostAddress::LocalHost)};
    input.publicPorts = {closed, smtp.serverPort()};
    // As if 127.0.0.1 were the router's public address, on none of this host's interfaces.
    PublicPortCheck check([](const QHostAddress&) { return false; });
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 2);
    QCOMPARE(results->at(0).id, QStringLiteral("port.public.%1").arg(closed));
    QCOMPARE(results->at(0).status, CheckStatus::Unknown);
    QVERIFY2(results->at(0).summary.contains("Cannot tell from inside"), qPrintable(results->at(0).summary));
    QVERIFY2(results->at(0).fix.contains("postwardenctl probe 127.0.0.1"), qPrintable(results->at(0).fix));
    // An open port is open, NAT or not.
    QCOMPARE(results->at(1).status, CheckStatus::Pass);
}

QTEST_GUILESS_MAIN(TestDiagListeners)
#include "tst_diag_listeners.moc"
