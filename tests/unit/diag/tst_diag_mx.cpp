// MxCheck over LdnsResolver against the loopback TestDnsServer: a right MX, several MX, null MX
// (RFC 7505), missing MX, MX to an IP address or a CNAME (RFC 5321 5.1, RFC 2181 10.3), MX to
// another server, DNS failures; and the factory of the DNS record checks.

#include "shared/diag/checks/DnsRecordChecks.h"
#include "shared/diag/checks/MxCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "tests/unit/diag/CheckRunner.h"

#include <QTest>
#include <memory>
#include <optional>

using namespace pw::diag;
using pw::test::findResult;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

const char* const zone = R"(
$TTL 300
good.test. MX 10 mail.good.test.
mail.good.test. A 192.0.2.10
mail.good.test. AAAA 2001:db8::10
multi.test. MX 10 mail.multi.test.
multi.test. MX 20 backup.provider.test.
mail.multi.test. A 192.0.2.10
backup.provider.test. A 198.51.100.20
ipmx.test. MX 10 192.0.2.10
cname.test. MX 10 alias.cname.test.
alias.cname.test. CNAME mail.cname.test.
mail.cname.test. A 192.0.2.10
nullmx.test. MX 0 .
mixednull.test. MX 0 .
mixednull.test. MX 10 mail.good.test.
nomx.test. A 192.0.2.10
elsewhere.test. MX 10 mx.provider.test.
mx.provider.test. A 198.51.100.99
noaddr.test. MX 10 mail.noaddr.test.
mail.noaddr.test. TXT "nothing"
timeout.test. TIMEOUT
servfail.test. SERVFAIL
slowmx.test. MX 10 mail.good.test.
slowmx.test. DELAY 300
)";

} // namespace

class TestDiagMx : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void goodMx();
    void goodMxFromHostAddresses();
    void severalMxInEvidence();
    void mxToIpAddress();
    void mxToCname();
    void nullMx();
    void nullMxMixedWithOthers();
    void missingMx();
    void mxToAnotherServer();
    void mxTargetWithoutAddress();
    void timeoutIsUnknown();
    void servfailIsUnknown();
    void destroyedContextGetsNoCallback();
    void factory();

private:
    CheckResults run(const QString& domain,
                     const QList<QHostAddress>& addresses = {QHostAddress(QStringLiteral("192.0.2.10"))});
    static QString status(const CheckResults& results, const QString& id);

    TestDnsServer m_dns;
    std::unique_ptr<pw::dns::LdnsResolver> m_resolver;
};

void TestDiagMx::initTestCase()
{
    QVERIFY2(m_dns.start(QString::fromUtf8(zone)), qPrintable(m_dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {m_dns.address()};
    options.timeout = 500ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<pw::dns::LdnsResolver>(options);
}

CheckResults TestDiagMx::run(const QString& domain, const QList<QHostAddress>& addresses)
{
    DiagnosticsInput input;
    input.domain = domain;
    input.hostname = QStringLiteral("mail.") + domain;
    input.publicAddresses = addresses;
    MxCheck check;
    return pw::test::runChecked(check, input, *m_resolver, this);
}

QString TestDiagMx::status(const CheckResults& results, const QString& id)
{
    return pw::test::statusOf(results, id);
}

void TestDiagMx::goodMx()
{
    const CheckResults r = run(QStringLiteral("good.test"));
    QCOMPARE(r.size(), 3);
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("pass"));
    QVERIFY(findResult(r, QStringLiteral("mx.present"))
                ->evidence.contains(QStringLiteral("good.test. MX 10 mail.good.test.")));
    for (const CheckResult& result : r) {
        QVERIFY(!result.title.isEmpty());
        QVERIFY(!result.summary.isEmpty());
        QVERIFY(!result.explanation.isEmpty());
    }
}

void TestDiagMx::goodMxFromHostAddresses()
{
    const CheckResults r = run(QStringLiteral("good.test"), {});
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("pass"));
    QVERIFY(findResult(r, QStringLiteral("mx.resolves"))
                ->evidence.contains(QStringLiteral("mail.good.test. A 192.0.2.10")));
}

void TestDiagMx::severalMxInEvidence()
{
    const CheckResults r = run(QStringLiteral("multi.test"));
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("pass"));
    const QStringList evidence = findResult(r, QStringLiteral("mx.present"))->evidence;
    QVERIFY(evidence.contains(QStringLiteral("multi.test. MX 10 mail.multi.test.")));
    QVERIFY(evidence.contains(QStringLiteral("multi.test. MX 20 backup.provider.test.")));
}

void TestDiagMx::mxToIpAddress()
{
    const CheckResults r = run(QStringLiteral("ipmx.test"));
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("fail"));
    const CheckResult* target = findResult(r, QStringLiteral("mx.target"));
    QVERIFY(target->summary.contains(QStringLiteral("192.0.2.10")));
    QVERIFY(target->fix.contains(QStringLiteral("ipmx.test.")));
    QVERIFY(target->fix.contains(QStringLiteral("10 mail.ipmx.test.")));
    QVERIFY(target->explanation.contains(QStringLiteral("RFC 5321")));
}

void TestDiagMx::mxToCname()
{
    const CheckResults r = run(QStringLiteral("cname.test"));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("fail"));
    const CheckResult* target = findResult(r, QStringLiteral("mx.target"));
    QVERIFY(target->summary.contains(QStringLiteral("alias.cname.test")));
    QVERIFY(target->evidence.contains(QStringLiteral("alias.cname.test. CNAME mail.cname.test.")));
    QVERIFY(target->fix.contains(QStringLiteral("10 mail.cname.test.")));
    // The alias still leads to us: that part is right.
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("pass"));
}

void TestDiagMx::nullMx()
{
    const CheckResults r = run(QStringLiteral("nullmx.test"));
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("fail"));
    const CheckResult* present = findResult(r, QStringLiteral("mx.present"));
    QVERIFY(present->summary.contains(QStringLiteral("null MX")));
    QVERIFY(present->explanation.contains(QStringLiteral("RFC 7505")));
    QVERIFY(present->fix.contains(QStringLiteral("10 mail.nullmx.test.")));
    QVERIFY(present->evidence.contains(QStringLiteral("nullmx.test. MX 0 .")));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("info"));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("info"));
}

void TestDiagMx::nullMxMixedWithOthers()
{
    const CheckResults r = run(QStringLiteral("mixednull.test"));
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("fail"));
    QVERIFY(findResult(r, QStringLiteral("mx.target"))->summary.contains(QStringLiteral("null MX")));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("pass"));
}

void TestDiagMx::missingMx()
{
    for (const QString& domain : {QStringLiteral("nomx.test"), QStringLiteral("nxdomain.test")}) {
        const CheckResults r = run(domain);
        QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("fail"));
        const CheckResult* present = findResult(r, QStringLiteral("mx.present"));
        QVERIFY(present->fix.contains(domain + QStringLiteral(".")));
        QVERIFY(present->fix.contains(QStringLiteral("MX")));
        QVERIFY(present->fix.contains(QStringLiteral("10 mail.") + domain + QStringLiteral(".")));
        QCOMPARE(present->evidence.size(), 1);
        QVERIFY(present->evidence.first().startsWith(domain + QStringLiteral(". MX: ")));
    }
}

void TestDiagMx::mxToAnotherServer()
{
    const CheckResults r = run(QStringLiteral("elsewhere.test"));
    QCOMPARE(status(r, QStringLiteral("mx.target")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("fail"));
    const CheckResult* resolves = findResult(r, QStringLiteral("mx.resolves"));
    QVERIFY(resolves->evidence.contains(QStringLiteral("mx.provider.test. A 198.51.100.99")));
    QVERIFY(resolves->fix.contains(QStringLiteral("10 mail.elsewhere.test.")));
}

void TestDiagMx::mxTargetWithoutAddress()
{
    const CheckResults r = run(QStringLiteral("noaddr.test"));
    QCOMPARE(status(r, QStringLiteral("mx.resolves")), QStringLiteral("fail"));
}

void TestDiagMx::timeoutIsUnknown()
{
    const CheckResults r = run(QStringLiteral("timeout.test"));
    QCOMPARE(r.size(), 3);
    for (const CheckResult& result : r) {
        QCOMPARE(checkStatusName(result.status), QStringLiteral("unknown"));
        QVERIFY(!result.evidence.isEmpty());
        QVERIFY(result.evidence.first().startsWith(QStringLiteral("timeout.test. MX: ")));
    }
}

void TestDiagMx::servfailIsUnknown()
{
    const CheckResults r = run(QStringLiteral("servfail.test"));
    QCOMPARE(status(r, QStringLiteral("mx.present")), QStringLiteral("unknown"));
    QVERIFY(
        findResult(r, QStringLiteral("mx.present"))->evidence.first().contains(QStringLiteral("SERVFAIL")));
}

void TestDiagMx::destroyedContextGetsNoCallback()
{
    DiagnosticsInput input;
    input.domain = QStringLiteral("slowmx.test");
    input.hostname = QStringLiteral("mail.good.test");
    auto context = std::make_unique<QObject>();
    bool called = false;
    MxCheck check;
    check.run(CheckEnvironment{input, *m_resolver}, context.get(), [&](CheckResults) { called = true; });
    context.reset();
    QTest::qWait(600);
    QVERIFY(!called);
}

void TestDiagMx::factory()
{
    const CheckList checks = dnsRecordChecks();
    QStringList ids;
    for (const auto& check : checks) {
        ids.append(check->id());
        QVERIFY(!check->usesNetwork());
        QVERIFY(!check->title().isEmpty());
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("mx"), QStringLiteral("spf"), QStringLiteral("dkim"),
                               QStringLiteral("dmarc")}));
}

QTEST_GUILESS_MAIN(TestDiagMx)
#include "tst_diag_mx.moc"
