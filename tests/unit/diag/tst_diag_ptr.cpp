// PtrCheck against zones on the loopback DNS server: PTR presence for IPv4 and IPv6,
// forward-confirmed reverse DNS and the PTR name against the host name.

#include "shared/diag/checks/PtrCheck.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "tests/unit/diag/ZoneCheckRunner.h"

#include <QTest>
#include <optional>

using namespace pw::diag;
using pw::test::byId;
using pw::test::describe;
using pw::test::runCheck;

class TestDiagPtr : public QObject
{
    Q_OBJECT

private:
    const QString v4Reverse = pw::dns::reverseName(QHostAddress(QStringLiteral("203.0.113.7")));
    const QString v6Reverse = pw::dns::reverseName(QHostAddress(QStringLiteral("2001:db8::25")));

    DiagnosticsInput input(bool withV4 = true) const
    {
        DiagnosticsInput in;
        in.domain = QStringLiteral("example.org");
        in.hostname = QStringLiteral("mail.example.org");
        if (withV4)
            in.publicAddresses = {QHostAddress(QStringLiteral("203.0.113.7"))};
        return in;
    }

    CheckResults run(const QString& zone, const DiagnosticsInput& in)
    {
        pw::test::TestDnsServer server;
        if (!server.start(zone))
            return {};
        PtrCheck check;
        return runCheck(check, in, server);
    }

private slots:
    void goodZone()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "mail.example.org. AAAA 2001:db8::25\n"
                                                        "%1. PTR mail.example.org.\n"
                                                        "%2. PTR mail.example.org.\n")
                                             .arg(v4Reverse, v6Reverse),
                                         input());
        QCOMPARE(results.size(), 4);
        for (const QString id : {"ptr.v4", "ptr.v6", "ptr.fcrdns", "ptr.hostname"}) {
            const CheckResult result = byId(results, id);
            QVERIFY2(result.status == CheckStatus::Pass, qPrintable(describe(result)));
            QVERIFY(!result.summary.isEmpty());
            QVERIFY(!result.evidence.isEmpty());
        }
        QVERIFY(byId(results, QStringLiteral("ptr.v4"))
                    .evidence.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("PTR mail.example.org.")));
    }

    void missingPtr()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"), input());
        const CheckResult v4 = byId(results, QStringLiteral("ptr.v4"));
        QVERIFY2(v4.status == CheckStatus::Fail, qPrintable(describe(v4)));
        QVERIFY(v4.fix.contains(QStringLiteral("not at the DNS host")));
        QVERIFY(v4.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("NXDOMAIN")));
        // No IPv6 at all: nothing to check.
        QCOMPARE(byId(results, QStringLiteral("ptr.v6")).status, CheckStatus::Info);
        QCOMPARE(byId(results, QStringLiteral("ptr.fcrdns")).status, CheckStatus::Unknown);
        QCOMPARE(byId(results, QStringLiteral("ptr.hostname")).status, CheckStatus::Unknown);
    }

    void ptrNotMatchingHostname()
    {
        // FCrDNS holds for the provider's name, but it is not the mail host name: a warning.
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "%1. PTR server7.hoster.example.\n"
                                                        "server7.hoster.example. A 203.0.113.7\n")
                                             .arg(v4Reverse),
                                         input());
        QCOMPARE(byId(results, QStringLiteral("ptr.v4")).status, CheckStatus::Pass);
        QCOMPARE(byId(results, QStringLiteral("ptr.fcrdns")).status, CheckStatus::Pass);
        const CheckResult hostname = byId(results, QStringLiteral("ptr.hostname"));
        QVERIFY2(hostname.status == CheckStatus::Warn, qPrintable(describe(hostname)));
        QVERIFY(hostname.summary.contains(QStringLiteral("server7.hoster.example")));
        QVERIFY(hostname.fix.contains(QStringLiteral("mail.example.org")));
    }

    void fcrdnsBroken()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 198.51.100.9\n"
                                                        "%1. PTR mail.example.org.\n")
                                             .arg(v4Reverse),
                                         input());
        QCOMPARE(byId(results, QStringLiteral("ptr.v4")).status, CheckStatus::Pass);
        const CheckResult fcrdns = byId(results, QStringLiteral("ptr.fcrdns"));
        QVERIFY2(fcrdns.status == CheckStatus::Fail, qPrintable(describe(fcrdns)));
        QVERIFY(fcrdns.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("198.51.100.9")));
        // A PTR name that differs and does not lead back is a failure, not a warning.
        const CheckResults other =
            run(QStringLiteral("%1. PTR elsewhere.example.net.\n").arg(v4Reverse), input());
        QCOMPARE(byId(other, QStringLiteral("ptr.fcrdns")).status, CheckStatus::Fail);
        QCOMPARE(byId(other, QStringLiteral("ptr.hostname")).status, CheckStatus::Fail);
    }

    void aaaaWithoutV6Ptr()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "mail.example.org. AAAA 2001:db8::25\n"
                                                        "%1. PTR mail.example.org.\n")
                                             .arg(v4Reverse),
                                         input());
        QCOMPARE(byId(results, QStringLiteral("ptr.v4")).status, CheckStatus::Pass);
        const CheckResult v6 = byId(results, QStringLiteral("ptr.v6"));
        QVERIFY2(v6.status == CheckStatus::Fail, qPrintable(describe(v6)));
        QVERIFY(v6.summary.contains(QStringLiteral("2001:db8::25")));
        QVERIFY(v6.explanation.contains(QStringLiteral("AAAA")));
        QVERIFY(v6.fix.contains(QStringLiteral("remove the AAAA")));
    }

    void addressesFromHostname()
    {
        // Nothing configured: the addresses come from the host name.
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "%1. PTR mail.example.org.\n")
                                             .arg(v4Reverse),
                                         input(false));
        QCOMPARE(byId(results, QStringLiteral("ptr.v4")).status, CheckStatus::Pass);
        QCOMPARE(byId(results, QStringLiteral("ptr.hostname")).status, CheckStatus::Pass);
    }

    void dnsFailureIsUnknown()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "%1 SERVFAIL\n")
                                             .arg(v4Reverse),
                                         input());
        const CheckResult v4 = byId(results, QStringLiteral("ptr.v4"));
        QVERIFY2(v4.status == CheckStatus::Unknown, qPrintable(describe(v4)));
        QVERIFY(!v4.evidence.isEmpty());
        for (const QString id : {"ptr.fcrdns", "ptr.hostname"}) {
            const CheckResult result = byId(results, id);
            QVERIFY2(result.status == CheckStatus::Unknown, qPrintable(describe(result)));
            QVERIFY(result.summary.contains(QStringLiteral("Could not tell")));
            QVERIFY(result.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("SERVFAIL")));
        }
        const CheckResults timeout = run(QStringLiteral("mail.example.org TIMEOUT\n"), input(false));
        QCOMPARE(timeout.size(), 4);
        for (const CheckResult& result : timeout)
            QVERIFY2(result.status == CheckStatus::Unknown, qPrintable(describe(result)));
    }
};

QTEST_GUILESS_MAIN(TestDiagPtr)
#include "tst_diag_ptr.moc"
