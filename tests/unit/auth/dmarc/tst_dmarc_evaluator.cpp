// DmarcEvaluator over LdnsResolver against the loopback TestDnsServer: alignment, policy
// discovery (RFC 7489 6.6.3), sp and np, pct sampling, temporary and permanent errors.

#include "shared/auth/dmarc/DmarcEvaluator.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QTest>
#include <memory>
#include <optional>

using namespace pw::auth;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

const char* const zone = R"(
$TTL 300
_dmarc.example.test. TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@example.test"
_dmarc.example.test. TXT "v=spf1 -all"
sub.example.test. A 192.0.2.10
_dmarc.own.example.test. TXT "v=DMARC1; p=none"
_dmarc.two.test. TXT "v=DMARC1; p=reject"
_dmarc.two.test. TXT "v=DMARC1; p=none"
_dmarc.strict.test. TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
_dmarc.pct.test. TXT "v=DMARC1; p=reject; pct=0"
_dmarc.half.test. TXT "v=DMARC1; p=quarantine; pct=50"
_dmarc.np.test. TXT "v=DMARC1; p=reject; sp=none; np=reject"
real.np.test. MX 10 mail.np.test.
_dmarc.broken.test. TXT "v=DMARC1; p=bogus"
_dmarc.brokenrua.test. TXT "v=DMARC1; p=bogus; rua=mailto:r@brokenrua.test"
_dmarc.example.co.test. TXT "v=DMARC1; p=quarantine"
_dmarc.slow.test. TIMEOUT
_dmarc.fail.test. SERVFAIL
)";

DmarcInput input(const QString& from, bool spfPass, const QString& spfDomain,
                 const QList<DmarcDkimInput>& dkim = {})
{
    DmarcInput in;
    in.fromDomain = from;
    in.spfPass = spfPass;
    in.spfDomain = spfDomain;
    in.dkim = dkim;
    return in;
}

} // namespace

class TestDmarcEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void alignedSpfOnly();
    void alignedDkimOnly();
    void misalignedBothFail();
    void failedMechanismsDoNotAlign();
    void subdomainUsesSp();
    void ownRecordBeatsOrganizational();
    void organizationalDomainUsesPsl();
    void noRecordIsNone();
    void twoRecordsIsNone();
    void timeoutIsTempError();
    void servFailIsTempError();
    void strictAlignment();
    void pctZeroSamplesOut();
    void pctUsesRandomSource();
    void nonExistentSubdomainUsesNp();
    void brokenRecordIsPermError();
    void brokenRecordWithRuaIsPNone();
    void invalidFromIsPermError();
    void idnFromDomain();

private:
    DmarcEvaluation run(const DmarcInput& in, DmarcRandomSource random = {});

    TestDnsServer m_dns;
    std::unique_ptr<pw::dns::LdnsResolver> m_resolver;
    std::shared_ptr<const PublicSuffixList> m_psl;
};

void TestDmarcEvaluator::initTestCase()
{
    QVERIFY2(m_dns.start(QString::fromUtf8(zone)), qPrintable(m_dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {m_dns.address()};
    options.timeout = 300ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<pw::dns::LdnsResolver>(options);
    m_psl = PublicSuffixList::fromText("test\nco.test\n");
}

DmarcEvaluation TestDmarcEvaluator::run(const DmarcInput& in, DmarcRandomSource random)
{
    const DmarcEvaluator evaluator(*m_resolver, m_psl, std::move(random));
    std::optional<DmarcEvaluation> result;
    bool calledInside = true;
    evaluator.evaluate(in, this, [&](const DmarcEvaluation& evaluation) {
        if (result)
            qFatal("callback called twice");
        result = evaluation;
    });
    calledInside = result.has_value();
    if (calledInside)
        qWarning("callback called from within evaluate()");
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    }();
    return result.value_or(DmarcEvaluation{});
}

void TestDmarcEvaluator::alignedSpfOnly()
{
    m_dns.clearQueries();
    const DmarcEvaluation e =
        run(input(QStringLiteral("example.test"), true, QStringLiteral("bounce.example.test"),
                  {{QStringLiteral("other.test"), true}}));
    QCOMPARE(e.status, DmarcStatus::Pass);
    QVERIFY(e.spfAligned);
    QVERIFY(!e.dkimAligned);
    QCOMPARE(e.disposition, DmarcDisposition::None);
    QCOMPARE(e.recordName, QStringLiteral("_dmarc.example.test"));
    QCOMPARE(e.recordText,
             QStringLiteral("v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@example.test"));
    QCOMPARE(e.policySource, DmarcPolicySource::Domain);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::Reject);
    QVERIFY(e.explanation.contains(QLatin1String("SPF passed for bounce.example.test")));
    QCOMPARE(m_dns.queries(), QStringList{QStringLiteral("_dmarc.example.test TXT udp")});
}

void TestDmarcEvaluator::alignedDkimOnly()
{
    const DmarcEvaluation e =
        run(input(QStringLiteral("example.test"), false, QStringLiteral("example.test"),
                  {{QStringLiteral("other.test"), true}, {QStringLiteral("mail.example.test"), true}}));
    QCOMPARE(e.status, DmarcStatus::Pass);
    QVERIFY(!e.spfAligned);
    QVERIFY(e.dkimAligned);
    QCOMPARE(e.alignedDkimDomain, QStringLiteral("mail.example.test"));
}

void TestDmarcEvaluator::misalignedBothFail()
{
    const DmarcEvaluation e = run(input(QStringLiteral("example.test"), true, QStringLiteral("other.test"),
                                        {{QStringLiteral("other.test"), true}}));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::Reject);
    QCOMPARE(e.disposition, DmarcDisposition::Reject);
    QVERIFY(!e.sampledOut);
    QVERIFY2(e.explanation.contains(QLatin1String("p=reject of _dmarc.example.test")),
             qPrintable(e.explanation));
    QVERIFY(e.explanation.contains(QLatin1String("does not align")));
}

void TestDmarcEvaluator::failedMechanismsDoNotAlign()
{
    // Same domains, but neither SPF nor DKIM passed (RFC 7489 4.2).
    const DmarcEvaluation e = run(input(QStringLiteral("example.test"), false, QStringLiteral("example.test"),
                                        {{QStringLiteral("example.test"), false}}));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.disposition, DmarcDisposition::Reject);
}

void TestDmarcEvaluator::subdomainUsesSp()
{
    m_dns.clearQueries();
    const DmarcEvaluation e = run(input(QStringLiteral("sub.example.test"), false, QString()));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.organizationalDomain, QStringLiteral("example.test"));
    QCOMPARE(e.recordName, QStringLiteral("_dmarc.example.test"));
    QCOMPARE(e.policySource, DmarcPolicySource::Subdomain);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::Quarantine);
    QCOMPARE(e.disposition, DmarcDisposition::Quarantine);
    QCOMPARE(m_dns.queries(), (QStringList{QStringLiteral("_dmarc.sub.example.test TXT udp"),
                                           QStringLiteral("_dmarc.example.test TXT udp")}));
}

void TestDmarcEvaluator::ownRecordBeatsOrganizational()
{
    const DmarcEvaluation e = run(input(QStringLiteral("own.example.test"), false, QString()));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.recordName, QStringLiteral("_dmarc.own.example.test"));
    QCOMPARE(e.policySource, DmarcPolicySource::Domain);
    QCOMPARE(e.disposition, DmarcDisposition::None);
}

void TestDmarcEvaluator::organizationalDomainUsesPsl()
{
    // co.test is a public suffix: the org domain of a.b.example.co.test is example.co.test.
    const DmarcEvaluation e =
        run(input(QStringLiteral("a.b.example.co.test"), true, QStringLiteral("example.co.test")));
    QCOMPARE(e.organizationalDomain, QStringLiteral("example.co.test"));
    QCOMPARE(e.recordName, QStringLiteral("_dmarc.example.co.test"));
    QCOMPARE(e.status, DmarcStatus::Pass);
}

void TestDmarcEvaluator::noRecordIsNone()
{
    m_dns.clearQueries();
    const DmarcEvaluation e =
        run(input(QStringLiteral("mail.nothing.test"), true, QStringLiteral("nothing.test")));
    QCOMPARE(e.status, DmarcStatus::None);
    QVERIFY(!e.record);
    QCOMPARE(e.disposition, DmarcDisposition::None);
    QCOMPARE(m_dns.queryCount(), 2);
    QVERIFY(e.explanation.contains(QLatin1String("no DMARC policy")));
}

void TestDmarcEvaluator::twoRecordsIsNone()
{
    m_dns.clearQueries();
    const DmarcEvaluation e = run(input(QStringLiteral("two.test"), false, QString()));
    QCOMPARE(e.status, DmarcStatus::None);
    QVERIFY(!e.record);
    QVERIFY(e.explanation.contains(QLatin1String("2 DMARC records")));
    QCOMPARE(m_dns.queryCount(), 1); // RFC 7489 6.6.3 step 5: no fallback
}

void TestDmarcEvaluator::timeoutIsTempError()
{
    const DmarcEvaluation e = run(input(QStringLiteral("slow.test"), true, QStringLiteral("slow.test")));
    QCOMPARE(e.status, DmarcStatus::TempError);
    QVERIFY(e.explanation.contains(QLatin1String("try again later")));
}

void TestDmarcEvaluator::servFailIsTempError()
{
    const DmarcEvaluation e = run(input(QStringLiteral("x.fail.test"), true, QStringLiteral("fail.test")));
    QCOMPARE(e.status, DmarcStatus::TempError);
}

void TestDmarcEvaluator::strictAlignment()
{
    // relaxed would align mail.strict.test with strict.test; adkim=s and aspf=s do not.
    DmarcEvaluation e = run(input(QStringLiteral("strict.test"), true, QStringLiteral("mail.strict.test"),
                                  {{QStringLiteral("mail.strict.test"), true}}));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QVERIFY(e.explanation.contains(QLatin1String("(strict)")));
    e = run(input(QStringLiteral("strict.test"), false, QString(), {{QStringLiteral("Strict.Test"), true}}));
    QCOMPARE(e.status, DmarcStatus::Pass);
    e = run(input(QStringLiteral("strict.test"), true, QStringLiteral("strict.test.")));
    QCOMPARE(e.status, DmarcStatus::Pass);
    // relaxed counterpart: the p=reject record of example.test
    e = run(input(QStringLiteral("example.test"), true, QStringLiteral("a.b.example.test")));
    QCOMPARE(e.status, DmarcStatus::Pass);
}

void TestDmarcEvaluator::pctZeroSamplesOut()
{
    int draws = 0;
    const DmarcEvaluation e = run(input(QStringLiteral("pct.test"), false, QString()), [&](quint32 bound) {
        ++draws;
        return bound - 1;
    });
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::Reject);
    QVERIFY(e.sampledOut);
    QCOMPARE(e.disposition, DmarcDisposition::Quarantine); // RFC 7489 6.6.4: one step milder
    QCOMPARE(draws, 1);
    QVERIFY(e.explanation.contains(QLatin1String("pct=0")));
}

void TestDmarcEvaluator::pctUsesRandomSource()
{
    DmarcEvaluation e =
        run(input(QStringLiteral("half.test"), false, QString()), [](quint32) { return 49u; });
    QVERIFY(!e.sampledOut);
    QCOMPARE(e.disposition, DmarcDisposition::Quarantine);
    e = run(input(QStringLiteral("half.test"), false, QString()), [](quint32) { return 50u; });
    QVERIFY(e.sampledOut);
    QCOMPARE(e.disposition, DmarcDisposition::None);
}

void TestDmarcEvaluator::nonExistentSubdomainUsesNp()
{
    DmarcEvaluation e = run(input(QStringLiteral("ghost.np.test"), false, QString()));
    QCOMPARE(e.policySource, DmarcPolicySource::NonExistent);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::Reject);
    QCOMPARE(e.disposition, DmarcDisposition::Reject);
    e = run(input(QStringLiteral("real.np.test"), false, QString()));
    QCOMPARE(e.policySource, DmarcPolicySource::Subdomain);
    QCOMPARE(e.disposition, DmarcDisposition::None);
}

void TestDmarcEvaluator::brokenRecordIsPermError()
{
    const DmarcEvaluation e = run(input(QStringLiteral("broken.test"), false, QString()));
    QCOMPARE(e.status, DmarcStatus::PermError);
    QVERIFY(e.explanation.contains(QLatin1String("p=bogus")));
    QCOMPARE(e.recordName, QStringLiteral("_dmarc.broken.test"));
}

void TestDmarcEvaluator::brokenRecordWithRuaIsPNone()
{
    const DmarcEvaluation e = run(input(QStringLiteral("brokenrua.test"), false, QString()));
    QCOMPARE(e.status, DmarcStatus::Fail);
    QCOMPARE(e.appliedPolicy, DmarcPolicy::None);
    QCOMPARE(e.disposition, DmarcDisposition::None);
    QVERIFY(!e.warnings.isEmpty());
}

void TestDmarcEvaluator::invalidFromIsPermError()
{
    m_dns.clearQueries();
    DmarcEvaluation e = run(input(QString(), true, QStringLiteral("example.test")));
    QCOMPARE(e.status, DmarcStatus::PermError);
    e = run(input(QStringLiteral("a..b"), true, QStringLiteral("example.test")));
    QCOMPARE(e.status, DmarcStatus::PermError);
    QCOMPARE(m_dns.queryCount(), 0);
}

void TestDmarcEvaluator::idnFromDomain()
{
    const DmarcEvaluation e = run(input(QStringLiteral("bücher.test"), false, QString()));
    QCOMPARE(e.fromDomain, QStringLiteral("xn--bcher-kva.test"));
    QCOMPARE(e.status, DmarcStatus::None);
}

QTEST_GUILESS_MAIN(TestDmarcEvaluator)
#include "tests/support/TestPrinters.h"
#include "tst_dmarc_evaluator.moc"
