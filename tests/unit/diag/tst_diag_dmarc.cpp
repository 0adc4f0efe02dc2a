// DmarcCheck over LdnsResolver against the loopback TestDnsServer: p=reject / quarantine / none,
// with and without rua, a missing record, two records (RFC 7489 6.6.3), an invalid record,
// other TXT records at _dmarc, DNS failures.

#include "shared/diag/checks/DmarcCheck.h"
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
_dmarc.reject.test. TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reject.test"
_dmarc.quarantine.test. TXT "v=DMARC1; p=quarantine"
_dmarc.quarantine.test. TXT "some-verification=xyz"
_dmarc.none.test. TXT "v=DMARC1; p=none; rua=mailto:dmarc@none.test"
_dmarc.pct.test. TXT "v=DMARC1; p=reject; pct=20; rua=mailto:dmarc@pct.test"
_dmarc.two.test. TXT "v=DMARC1; p=reject"
_dmarc.two.test. TXT "v=DMARC1; p=none"
_dmarc.invalid.test. TXT "v=DMARC1; p=bogus"
_dmarc.other.test. TXT "v=spf1 -all"
missing.test. MX 10 mail.missing.test.
_dmarc.timeout.test. TIMEOUT
_dmarc.servfail.test. SERVFAIL
)";

} // namespace

class TestDiagDmarc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rejectWithReports();
    void quarantineWithoutReports();
    void policyNone();
    void partialPolicy();
    void missingRecord_data();
    void missingRecord();
    void twoRecords();
    void invalidRecord();
    void dnsFailureIsUnknown_data();
    void dnsFailureIsUnknown();

private:
    CheckResults run(const QString& domain);
    static QString status(const CheckResults& results, const QString& id);

    TestDnsServer m_dns;
    std::unique_ptr<pw::dns::LdnsResolver> m_resolver;
};

void TestDiagDmarc::initTestCase()
{
    QVERIFY2(m_dns.start(QString::fromUtf8(zone)), qPrintable(m_dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {m_dns.address()};
    options.timeout = 500ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<pw::dns::LdnsResolver>(options);
}

CheckResults TestDiagDmarc::run(const QString& domain)
{
    DiagnosticsInput input;
    input.domain = domain;
    input.hostname = QStringLiteral("mail.") + domain;
    DmarcCheck check;
    return pw::test::runChecked(check, input, *m_resolver, this);
}

QString TestDiagDmarc::status(const CheckResults& results, const QString& id)
{
    return pw::test::statusOf(results, id);
}

void TestDiagDmarc::rejectWithReports()
{
    const CheckResults r = run(QStringLiteral("reject.test"));
    QCOMPARE(r.size(), 3);
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("dmarc.policy")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("dmarc.reports")), QStringLiteral("pass"));
    QVERIFY(findResult(r, QStringLiteral("dmarc.record"))
                ->evidence.contains(QStringLiteral(
                    "_dmarc.reject.test. TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@reject.test\"")));
    QVERIFY(findResult(r, QStringLiteral("dmarc.reports"))
                ->summary.contains(QStringLiteral("mailto:dmarc@reject.test")));
    for (const CheckResult& result : r) {
        QVERIFY(!result.summary.isEmpty());
        QVERIFY(!result.explanation.isEmpty());
    }
}

void TestDiagDmarc::quarantineWithoutReports()
{
    const CheckResults r = run(QStringLiteral("quarantine.test"));
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("pass"));
    QCOMPARE(findResult(r, QStringLiteral("dmarc.record"))->evidence.size(), 1);
    QCOMPARE(status(r, QStringLiteral("dmarc.policy")), QStringLiteral("pass"));
    // The advice: move on to reject when the reports allow.
    QVERIFY(
        findResult(r, QStringLiteral("dmarc.policy"))->fix.contains(QStringLiteral("v=DMARC1; p=reject")));
    QCOMPARE(status(r, QStringLiteral("dmarc.reports")), QStringLiteral("info"));
    QVERIFY(
        findResult(r, QStringLiteral("dmarc.reports"))
            ->fix.contains(QStringLiteral("v=DMARC1; p=quarantine; rua=mailto:postmaster@quarantine.test")));
}

void TestDiagDmarc::policyNone()
{
    const CheckResults r = run(QStringLiteral("none.test"));
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("dmarc.policy")), QStringLiteral("warn"));
    const CheckResult* policy = findResult(r, QStringLiteral("dmarc.policy"));
    QVERIFY(policy->summary.contains(QStringLiteral("monitoring only")));
    QVERIFY(policy->fix.contains(QStringLiteral("_dmarc.none.test.")));
    QVERIFY(policy->fix.contains(QStringLiteral("v=DMARC1; p=quarantine")));
    QCOMPARE(status(r, QStringLiteral("dmarc.reports")), QStringLiteral("pass"));
}

void TestDiagDmarc::partialPolicy()
{
    const CheckResults r = run(QStringLiteral("pct.test"));
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("pass"));
    QCOMPARE(status(r, QStringLiteral("dmarc.policy")), QStringLiteral("warn"));
    QVERIFY(findResult(r, QStringLiteral("dmarc.policy"))->summary.contains(QStringLiteral("pct=20")));
    QVERIFY(
        findResult(r, QStringLiteral("dmarc.policy"))->fix.contains(QStringLiteral("v=DMARC1; p=reject")));
}

void TestDiagDmarc::missingRecord_data()
{
    QTest::addColumn<QString>("domain");
    QTest::newRow("nodata") << QStringLiteral("missing.test");
    QTest::newRow("nxdomain") << QStringLiteral("nowhere.test");
    QTest::newRow("only other TXT") << QStringLiteral("other.test");
}

void TestDiagDmarc::missingRecord()
{
    QFETCH(QString, domain);
    const CheckResults r = run(domain);
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("fail"));
    const CheckResult* record = findResult(r, QStringLiteral("dmarc.record"));
    QVERIFY(record->fix.contains(QStringLiteral("_dmarc.") + domain + QStringLiteral(".")));
    QVERIFY(record->fix.contains(QStringLiteral("TXT")));
    QVERIFY(record->fix.contains(QStringLiteral("v=DMARC1; p=quarantine; rua=mailto:postmaster@") + domain));
    QVERIFY(!record->evidence.isEmpty());
    QCOMPARE(status(r, QStringLiteral("dmarc.policy")), QStringLiteral("info"));
    QCOMPARE(status(r, QStringLiteral("dmarc.reports")), QStringLiteral("info"));
}

void TestDiagDmarc::twoRecords()
{
    const CheckResults r = run(QStringLiteral("two.test"));
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("fail"));
    const CheckResult* record = findResult(r, QStringLiteral("dmarc.record"));
    QCOMPARE(record->evidence.size(), 2);
    QVERIFY(record->fix.contains(QStringLiteral("v=DMARC1;")));
}

void TestDiagDmarc::invalidRecord()
{
    const CheckResults r = run(QStringLiteral("invalid.test"));
    QCOMPARE(status(r, QStringLiteral("dmarc.record")), QStringLiteral("fail"));
    QVERIFY(findResult(r, QStringLiteral("dmarc.record"))
                ->fix.contains(QStringLiteral("v=DMARC1; p=quarantine")));
}

void TestDiagDmarc::dnsFailureIsUnknown_data()
{
    QTest::addColumn<QString>("domain");
    QTest::newRow("timeout") << QStringLiteral("timeout.test");
    QTest::newRow("servfail") << QStringLiteral("servfail.test");
}

void TestDiagDmarc::dnsFailureIsUnknown()
{
    QFETCH(QString, domain);
    const CheckResults r = run(domain);
    QCOMPARE(r.size(), 3);
    for (const CheckResult& result : r) {
        QCOMPARE(checkStatusName(result.status), QStringLiteral("unknown"));
        QVERIFY(result.evidence.first().startsWith(QStringLiteral("_dmarc.") + domain +
                                                   QStringLiteral(". TXT: ")));
    }
}

QTEST_GUILESS_MAIN(TestDiagDmarc)
#include "tst_diag_dmarc.moc"
