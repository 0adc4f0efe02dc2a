// OutboundSmtpCheck against fake SMTP servers on 127.0.0.1 (never the default target).

#include "shared/diag/checks/OutboundSmtpCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "tests/unit/diag/CheckRunner.h"
#include "tests/unit/diag/FakeMailServer.h"

#include <QTest>

using namespace pw::diag;
using pw::test::FakeMailServer;
using pw::test::NoDnsResolver;
using pw::test::runCheck;

namespace {

DiagnosticsInput loopbackInput(quint16 port)
{
    DiagnosticsInput input;
    input.hostname = QStringLiteral("mail.example.org");
    input.outboundTarget = QStringLiteral("127.0.0.1");
    input.outboundPort = port;
    input.tcpTimeout = std::chrono::milliseconds(500);
    return input;
}

} // namespace

class TestDiagOutbound : public QObject
{
    Q_OBJECT

private slots:
    void bannerPasses();
    void silentServerIsBlocked();
    void closedPortFails();
    void mxOfProbeDomain();
    void probeDomainWithoutMxIsUnknown();

private:
    NoDnsResolver m_resolver;
};

void TestDiagOutbound::bannerPasses()
{
    FakeMailServer server(FakeMailServer::Mode::Smtp);
    QVERIFY(server.start());
    OutboundSmtpCheck check;
    QCOMPARE(check.id(), QStringLiteral("port.outbound25"));
    QVERIFY(check.usesNetwork());
    const auto results = runCheck(check, loopbackInput(server.serverPort()), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->size(), 1);
    const CheckResult& result = results->first();
    QCOMPARE(result.id, QStringLiteral("port.outbound25"));
    QCOMPARE(result.status, CheckStatus::Pass);
    QVERIFY2(result.evidence.join('\n').contains(FakeMailServer::kSmtpBanner),
             qPrintable(result.evidence.join('\n')));
    QTRY_VERIFY(server.received().contains(QStringLiteral("QUIT")));
    QCOMPARE(m_resolver.lookups, 0);
}

void TestDiagOutbound::silentServerIsBlocked()
{
    FakeMailServer server(FakeMailServer::Mode::Silent);
    QVERIFY(server.start());
    OutboundSmtpCheck check;
    const auto results = runCheck(check, loopbackInput(server.serverPort()), m_resolver);
    QVERIFY(results);
    const CheckResult& result = results->first();
    QCOMPARE(result.status, CheckStatus::Fail);
    QVERIFY2(result.summary.startsWith("Blocked"), qPrintable(result.summary));
    QVERIFY(result.explanation.contains("block outgoing port"));
    QVERIFY(result.fix.contains("relay (smart host)"));
}

void TestDiagOutbound::closedPortFails()
{
    OutboundSmtpCheck check;
    const auto results = runCheck(check, loopbackInput(pw::test::closedPort()), m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().status, CheckStatus::Fail);
    QVERIFY2(results->first().summary.contains("refused"), qPrintable(results->first().summary));
}

void TestDiagOutbound::mxOfProbeDomain()
{
    FakeMailServer server(FakeMailServer::Mode::Smtp);
    QVERIFY(server.start());
    pw::test::TestDnsServer dns;
    QVERIFY2(dns.start(QStringLiteral("probe.example. MX 20 backup.probe.example.\n"
                                      "probe.example. MX 10 mx.probe.example.\n"
                                      "mx.probe.example. A 127.0.0.1\n"
                                      "backup.probe.example. A 127.0.0.2\n")),
             qPrintable(dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {dns.address()};
    pw::dns::LdnsResolver resolver(options);
    DiagnosticsInput input = loopbackInput(server.serverPort());
    input.outboundTarget.clear();
    input.outboundProbeDomain = QStringLiteral("probe.example");
    OutboundSmtpCheck check;
    const auto results = runCheck(check, input, resolver);
    QVERIFY(results);
    QVERIFY2(results->first().status == CheckStatus::Pass, qPrintable(results->first().summary));
    QVERIFY(results->first().summary.contains("mx.probe.example"));
    QCOMPARE(server.connections(), 1);
}

void TestDiagOutbound::probeDomainWithoutMxIsUnknown()
{
    DiagnosticsInput input = loopbackInput(25);
    input.outboundTarget.clear();
    input.outboundProbeDomain = QStringLiteral("nomx.example");
    OutboundSmtpCheck check;
    const auto results = runCheck(check, input, m_resolver);
    QVERIFY(results);
    QCOMPARE(results->first().status, CheckStatus::Unknown);
    QVERIFY(results->first().summary.contains("nomx.example"));
}

QTEST_GUILESS_MAIN(TestDiagOutbound)
#include "tst_diag_outbound.moc"
