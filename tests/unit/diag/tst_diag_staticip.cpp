// StaticIpCheck: dynamic-looking reverse DNS names and the Spamhaus PBL, on the loopback DNS
// server.

#include "shared/diag/checks/StaticIpCheck.h"
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

class TestDiagStaticIp : public QObject
{
    Q_OBJECT

private:
    const QString reverse = pw::dns::reverseName(QHostAddress(QStringLiteral("203.0.113.7")));
    const QString pbl = QStringLiteral("7.113.0.203.zen.spamhaus.org.");

    CheckResults run(const QString& zone)
    {
        pw::test::TestDnsServer server;
        if (!server.start(zone))
            return {};
        DiagnosticsInput in;
        in.domain = QStringLiteral("example.org");
        in.hostname = QStringLiteral("mail.example.org");
        in.publicAddresses = {QHostAddress(QStringLiteral("203.0.113.7"))};
        StaticIpCheck check;
        return runCheck(check, in, server);
    }

private slots:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("look");
        const int custom = int(StaticIpCheck::NameLook::Custom);
        const int generic = int(StaticIpCheck::NameLook::Generic);
        const int dynamic = int(StaticIpCheck::NameLook::Dynamic);
        QTest::newRow("custom") << "mail.example.org"
                                << "203.0.113.7" << custom;
        QTest::newRow("dyn") << "dyn-203-0-113-7.isp.example"
                             << "203.0.113.7" << dynamic;
        QTest::newRow("dynamic") << "host.dynamic.isp.example"
                                 << "203.0.113.7" << dynamic;
        QTest::newRow("pool") << "pool-7.isp.example"
                              << "203.0.113.7" << dynamic;
        QTest::newRow("dhcp") << "dhcp7.isp.example"
                              << "203.0.113.7" << dynamic;
        QTest::newRow("ppp") << "ppp-7.isp.example"
                             << "203.0.113.7" << dynamic;
        QTest::newRow("adsl") << "adsl-7.isp.example"
                              << "203.0.113.7" << dynamic;
        QTest::newRow("cable") << "x7.cable.isp.example"
                               << "203.0.113.7" << dynamic;
        QTest::newRow("cust") << "cust7.isp.example"
                              << "203.0.113.7" << dynamic;
        QTest::newRow("client") << "client-7.isp.example"
                                << "203.0.113.7" << dynamic;
        QTest::newRow("broadband") << "7.broadband.isp.example"
                                   << "203.0.113.7" << dynamic;
        QTest::newRow("dashes") << "203-0-113-7.hoster.example"
                                << "203.0.113.7" << generic;
        QTest::newRow("reversed") << "7.113.0.203.hoster.example"
                                  << "203.0.113.7" << generic;
        QTest::newRow("padded") << "h203000113007.hoster.example"
                                << "203.0.113.7" << generic;
        QTest::newRow("other digits") << "203-0-113-8.hoster.example"
                                      << "203.0.113.7" << custom;
        QTest::newRow("provider domain") << "mail.cable.example"
                                         << "203.0.113.7" << custom;
        QTest::newRow("v6 tail") << "2001-db8--1234-5678-9abc-def0.isp.example"
                                 << "2001:db8::1234:5678:9abc:def0" << generic;
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, address);
        QFETCH(int, look);
        QString reason;
        QCOMPARE(int(StaticIpCheck::classifyPtrName(name, QHostAddress(address), &reason)), look);
        QCOMPARE(reason.isEmpty(), look == int(StaticIpCheck::NameLook::Custom));
    }

    void goodZone()
    {
        const CheckResults results = run(QStringLiteral("%1. PTR mail.example.org.\n").arg(reverse));
        QCOMPARE(results.size(), 2);
        const CheckResult name = byId(results, QStringLiteral("ip.static"));
        QVERIFY2(name.status == CheckStatus::Pass, qPrintable(describe(name)));
        const CheckResult list = byId(results, QStringLiteral("ip.pbl"));
        QVERIFY2(list.status == CheckStatus::Pass, qPrintable(describe(list)));
        QVERIFY(
            list.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("7.113.0.203.zen.spamhaus.org")));
    }

    void dynamicName()
    {
        const CheckResults results =
            run(QStringLiteral("%1. PTR dyn-203-0-113-7.isp.example.\n").arg(reverse));
        const CheckResult name = byId(results, QStringLiteral("ip.static"));
        QVERIFY2(name.status == CheckStatus::Fail, qPrintable(describe(name)));
        QVERIFY(name.summary.contains(QStringLiteral("dyn")));
        QVERIFY(name.explanation.contains(QStringLiteral("home connections")));
        QVERIFY(name.fix.contains(QStringLiteral("relay")));
    }

    void genericName()
    {
        const CheckResults results =
            run(QStringLiteral("%1. PTR 203-0-113-7.static.hoster.example.\n").arg(reverse));
        const CheckResult name = byId(results, QStringLiteral("ip.static"));
        QVERIFY2(name.status == CheckStatus::Warn, qPrintable(describe(name)));
    }

    void pblListed()
    {
        const CheckResults results =
            run(QStringLiteral("%1. PTR mail.example.org.\n%2 A 127.0.0.11\n").arg(reverse, pbl));
        const CheckResult list = byId(results, QStringLiteral("ip.pbl"));
        QVERIFY2(list.status == CheckStatus::Fail, qPrintable(describe(list)));
        QVERIFY(list.fix.contains(QStringLiteral("relay")));
        QVERIFY(list.fix.contains(QStringLiteral("static business address")));
        QVERIFY(list.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("127.0.0.11")));
        // An SBL listing is not a PBL listing (the blocklist check reports it).
        const CheckResults sbl = run(QStringLiteral("%1 A 127.0.0.2\n").arg(pbl));
        QCOMPARE(byId(sbl, QStringLiteral("ip.pbl")).status, CheckStatus::Pass);
    }

    void refusedResolver()
    {
        const CheckResults results = run(QStringLiteral("%1 A 127.255.255.254\n").arg(pbl));
        const CheckResult list = byId(results, QStringLiteral("ip.pbl"));
        QVERIFY2(list.status == CheckStatus::Unknown, qPrintable(describe(list)));
        QVERIFY(list.fix.contains(QStringLiteral("DQS")));
    }

    void dnsFailureIsUnknown()
    {
        const CheckResults results = run(QStringLiteral("%1 TIMEOUT\n%2 SERVFAIL\n").arg(reverse, pbl));
        QCOMPARE(results.size(), 2);
        for (const CheckResult& result : results) {
            QVERIFY2(result.status == CheckStatus::Unknown, qPrintable(describe(result)));
            QVERIFY(!result.evidence.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestDiagStaticIp)
#include "tst_diag_staticip.moc"
