// SpfCheckDiag over LdnsResolver against the loopback TestDnsServer: a right record, two
// records, a syntax error, +all / ?all / ~all / no all, too many DNS lookups (RFC 7208 4.6.4),
// an address not listed, no record, DNS failures.

#include "shared/diag/checks/SpfCheckDiag.h"
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
good.test. TXT "v=spf1 mx ip4:192.0.2.10 -all"
good.test. TXT "google-site-verification=abc"
mail.good.test. A 192.0.2.10
host.test. TXT "v=spf1 a:mail.host.test -all"
mail.host.test. A 192.0.2.11
two.test. TXT "v=spf1 ip4:192.0.2.10 -all"
two.test. TXT "v=spf1 include:i1.mt -all"
plusall.test. TXT "v=spf1 +all"
qall.test. TXT "v=spf1 ip4:192.0.2.10 ?all"
noall.test. TXT "v=spf1 ip4:192.0.2.10"
tilde.test. TXT "v=spf1 ip4:192.0.2.10 ~all"
syntax.test. TXT "v=spf1 ip4:192.0.2.300 -all"
wrongip.test. TXT "v=spf1 ip4:198.51.100.7 -all"
nospf.test. TXT "hello"
many.test. TXT "v=spf1 include:i1.mt include:i2.mt include:i3.mt include:i4.mt include:i5.mt include:i6.mt include:i7.mt include:i8.mt include:i9.mt include:i10.mt include:i11.mt ip4:192.0.2.10 -all"
nine.test. TXT "v=spf1 include:i1.mt include:i2.mt include:i3.mt include:i4.mt include:i5.mt include:i6.mt include:i7.mt include:i8.mt include:i9.mt ip4:192.0.2.10 -all"
i1.mt. TXT "v=spf1 ip4:198.51.100.1 -all"
i2.mt. TXT "v=spf1 ip4:198.51.100.2 -all"
i3.mt. TXT "v=spf1 ip4:198.51.100.3 -all"
i4.mt. TXT "v=spf1 ip4:198.51.100.4 -all"
i5.mt. TXT "v=spf1 ip4:198.51.100.5 -all"
i6.mt. TXT "v=spf1 ip4:198.51.100.6 -all"
i7.mt. TXT "v=spf1 ip4:198.51.100.7 -all"
i8.mt. TXT "v=spf1 ip4:198.51.100.8 -all"
i9.mt. TXT "v=spf1 ip4:198.51.100.9 -all"
i10.mt. TXT "v=spf1 ip4:198.51.100.10 -all"
i11.mt. TXT "v=spf1 ip4:198.51.100.11 -all"
timeout.test. TIMEOUT
incto.test. TXT "v=spf1 include:timeout.test -all"
)";

} // namespace

class TestDiagSpf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void goodRecord();
    void addressFromHostName();
    void twoRecords();
    void syntaxError();
    void plusAll();
    void neutralAll();
    void noAll();
    void softFail();
    void tooManyLookups();
    void nearLookupLimit();
    void ourAddressNotListed();
    void noRecord();
    void timeoutIsUnknown();
    void includeTimeoutIsUnknown();

private:
    CheckResults run(const QString& domain,
                     const QList<QHostAddress>& addresses = {QHostAddress(QStringLiteral("192.0.2.10"))});
    static QString status(const CheckResults& results, const QString& id);

    TestDnsServer m_dns;
    std::unique_ptr<pw::dns::LdnsResolver> m_resolver;
};

void TestDiagSpf::initTestCase()
{
    QVERIFY2(m_dns.start(QString::fromUtf8(zone)), qPrintable(m_dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {m_dns.address()};
    options.timeout = 500ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<pw::dns::LdnsResolver>(options);
}

CheckResults TestDiagSpf::run(const QString& domain, const QList<QHostAddress>& addresses)
{
    DiagnosticsInput input;
    input.domain = domain;
    input.hostname = QStringLiteral("mail.") + domain;
    input.publicAddresses = addresses;
    SpfCheckDiag check;
    return pw::test::runChecked(check, input, *m_resolver, this);
}

QString TestDiagSpf::status(const CheckResults& results, const QString& id)
{
    return pw::test::statusOf(results, id);
}

void TestDiagSpf::goodRecord()
{
    const CheckResults r = run(QStringLiteral("good.test"));
    QCOMPARE(r.size(), 3);
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("pass"));
    const QStringList evidence = findResult(r, QStringLiteral("spf.record"))->evidence;
    QVERIFY(evidence.contains(QStringLiteral("good.test. TXT \"v=spf1 mx ip4:192.0.2.10 -all\"")));
    QVERIFY(!evidence.join(QLatin1Char('\n')).contains(QStringLiteral("google-site-verification")));
    for (const CheckResult& result : r) {
        QVERIFY(!result.summary.isEmpty());
        QVERIFY(!result.explanation.isEmpty());
    }
}

void TestDiagSpf::addressFromHostName()
{
    const CheckResults r = run(QStringLiteral("host.test"), {});
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("pass"));
    QVERIFY(findResult(r, QStringLiteral("spf.ourip"))
                ->evidence.join(QLatin1Char('\n'))
                .contains(QStringLiteral("192.0.2.11")));
}

void TestDiagSpf::twoRecords()
{
    const CheckResults r = run(QStringLiteral("two.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("fail"));
    const CheckResult* record = findResult(r, QStringLiteral("spf.record"));
    QVERIFY(record->fix.contains(QStringLiteral("Merge")));
    QVERIFY(record->fix.contains(QStringLiteral("v=spf1 mx ip4:192.0.2.10 -all")));
    QVERIFY(record->fix.contains(QStringLiteral("two.test.")));
    QVERIFY(record->fix.contains(QStringLiteral("TXT")));
    QCOMPARE(record->evidence.size(), 2);
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("info"));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("info"));
}

void TestDiagSpf::syntaxError()
{
    const CheckResults r = run(QStringLiteral("syntax.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("fail"));
    const CheckResult* record = findResult(r, QStringLiteral("spf.record"));
    QVERIFY2(record->summary.contains(QStringLiteral("192.0.2.300")), qPrintable(record->summary));
    QVERIFY(record->fix.contains(QStringLiteral("v=spf1 mx ip4:192.0.2.10 -all")));
}

void TestDiagSpf::plusAll()
{
    const CheckResults r = run(QStringLiteral("plusall.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("fail"));
    QVERIFY(findResult(r, QStringLiteral("spf.policy"))->summary.contains(QStringLiteral("+all")));
    QVERIFY(findResult(r, QStringLiteral("spf.policy"))
                ->fix.contains(QStringLiteral("v=spf1 mx ip4:192.0.2.10 -all")));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("pass"));
}

void TestDiagSpf::neutralAll()
{
    const CheckResults r = run(QStringLiteral("qall.test"));
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("fail"));
}

void TestDiagSpf::noAll()
{
    const CheckResults r = run(QStringLiteral("noall.test"));
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("fail"));
}

void TestDiagSpf::softFail()
{
    const CheckResults r = run(QStringLiteral("tilde.test"));
    QCOMPARE(status(r, QStringLiteral("spf.policy")), QStringLiteral("warn"));
    QVERIFY(findResult(r, QStringLiteral("spf.policy"))->fix.contains(QStringLiteral("-all")));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("pass"));
}

void TestDiagSpf::tooManyLookups()
{
    const CheckResults r = run(QStringLiteral("many.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("fail"));
    const CheckResult* record = findResult(r, QStringLiteral("spf.record"));
    QVERIFY2(record->summary.contains(QStringLiteral("11")), qPrintable(record->summary));
    QVERIFY(record->fix.contains(QStringLiteral("v=spf1 mx ip4:192.0.2.10 -all")));
    // Real receivers stop at 10 and give permerror: our own mail fails too.
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("fail"));
}

void TestDiagSpf::nearLookupLimit()
{
    const CheckResults r = run(QStringLiteral("nine.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("warn"));
    QVERIFY(findResult(r, QStringLiteral("spf.record"))->summary.contains(QStringLiteral("9")));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("pass"));
}

void TestDiagSpf::ourAddressNotListed()
{
    const CheckResults r = run(QStringLiteral("wrongip.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("fail"));
    const CheckResult* ours = findResult(r, QStringLiteral("spf.ourip"));
    QVERIFY(ours->summary.contains(QStringLiteral("192.0.2.10")));
    QVERIFY(ours->fix.contains(QStringLiteral("ip4:192.0.2.10")));
    QVERIFY(ours->evidence.join(QLatin1Char('\n')).contains(QStringLiteral("= fail")));
}

void TestDiagSpf::noRecord()
{
    for (const QString& domain : {QStringLiteral("nospf.test"), QStringLiteral("nothing.test")}) {
        const CheckResults r = run(domain, {QHostAddress(QStringLiteral("192.0.2.10")),
                                            QHostAddress(QStringLiteral("2001:db8::10"))});
        QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("fail"));
        const CheckResult* record = findResult(r, QStringLiteral("spf.record"));
        QVERIFY(record->fix.contains(QStringLiteral("v=spf1 mx ip4:192.0.2.10 ip6:2001:db8::10 -all")));
        QVERIFY(record->fix.contains(domain + QStringLiteral(".")));
        QVERIFY(!record->evidence.isEmpty());
    }
}

void TestDiagSpf::timeoutIsUnknown()
{
    const CheckResults r = run(QStringLiteral("timeout.test"));
    QCOMPARE(r.size(), 3);
    for (const CheckResult& result : r) {
        QCOMPARE(checkStatusName(result.status), QStringLiteral("unknown"));
        QVERIFY(!result.evidence.isEmpty());
    }
}

void TestDiagSpf::includeTimeoutIsUnknown()
{
    const CheckResults r = run(QStringLiteral("incto.test"));
    QCOMPARE(status(r, QStringLiteral("spf.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("spf.ourip")), QStringLiteral("unknown"));
}

QTEST_GUILESS_MAIN(TestDiagSpf)
#include "tst_diag_spf.moc"
