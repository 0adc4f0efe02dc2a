// BlocklistCheck: DNSBL queries (RFC 5782) for the public addresses and DBL queries for the
// domain, with Spamhaus return codes decoded, against the loopback DNS server.

#include "shared/diag/checks/BlocklistCheck.h"
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

class TestDiagBlocklist : public QObject
{
    Q_OBJECT

private:
    const QString zen = QStringLiteral("7.113.0.203.zen.spamhaus.org");
    const QString other = QStringLiteral("7.113.0.203.bl.example.net");
    const QString dbl = QStringLiteral("example.org.dbl.spamhaus.org");

    CheckResults run(const QString& zone,
                     const QList<QHostAddress>& addresses = {QHostAddress(QStringLiteral("203.0.113.7"))})
    {
        pw::test::TestDnsServer server;
        if (!server.start(zone))
            return {};
        DiagnosticsInput in;
        in.domain = QStringLiteral("example.org");
        in.hostname = QStringLiteral("mail.example.org");
        in.publicAddresses = addresses;
        in.ipBlocklists = {QStringLiteral("zen.spamhaus.org"), QStringLiteral("bl.example.net")};
        in.domainBlocklists = {QStringLiteral("dbl.spamhaus.org")};
        BlocklistCheck check;
        return runCheck(check, in, server);
    }

private slots:
    void decode_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("domain");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("words");
        const int listed = int(BlocklistCheck::Verdict::Listed);
        const int refused = int(BlocklistCheck::Verdict::Refused);
        const QString zen = QStringLiteral("zen.spamhaus.org");
        const QString dbl = QStringLiteral("dbl.spamhaus.org");
        QTest::newRow("SBL") << zen << "127.0.0.2" << false << listed << "SBL";
        QTest::newRow("CSS") << zen << "127.0.0.3" << false << listed << "CSS";
        QTest::newRow("XBL 4") << zen << "127.0.0.4" << false << listed << "XBL";
        QTest::newRow("XBL 7") << zen << "127.0.0.7" << false << listed << "XBL";
        QTest::newRow("DROP") << zen << "127.0.0.9" << false << listed << "DROP";
        QTest::newRow("PBL 10") << zen << "127.0.0.10" << false << listed << "PBL";
        QTest::newRow("PBL 11") << zen << "127.0.0.11" << false << listed << "PBL";
        QTest::newRow("typo") << zen << "127.255.255.252" << false << refused << "typing error";
        QTest::newRow("open resolver")
            << zen << "127.255.255.254" << false << refused << "public/open resolver";
        QTest::newRow("excessive") << zen << "127.255.255.255" << false << refused << "excessive";
        QTest::newRow("dbl spam") << dbl << "127.0.1.2" << true << listed << "spam";
        QTest::newRow("dbl phish") << dbl << "127.0.1.4" << true << listed << "phishing";
        QTest::newRow("dbl malware") << dbl << "127.0.1.5" << true << listed << "malware";
        QTest::newRow("dbl botnet") << dbl << "127.0.1.6" << true << listed << "botnet";
        QTest::newRow("dbl abused") << dbl << "127.0.1.102" << true << listed << "abused legitimate";
        QTest::newRow("dbl abused 106") << dbl << "127.0.1.106" << true << listed << "abused legitimate";
        QTest::newRow("dbl ip query") << dbl << "127.0.1.255" << true << refused << "IP queries prohibited";
        QTest::newRow("dbl refused") << dbl << "127.255.255.254" << true << refused << "public/open resolver";
        QTest::newRow("other listed") << "bl.example.net"
                                      << "127.0.0.3" << false << listed << "listed";
        QTest::newRow("other 127.0.0.1") << "bl.example.net"
                                         << "127.0.0.1" << false << refused << "127.0.0.1";
        QTest::newRow("not loopback") << "bl.example.net"
                                      << "198.51.100.1" << false << refused << "unexpected";
    }

    void decode()
    {
        QFETCH(QString, zone);
        QFETCH(QString, code);
        QFETCH(bool, domain);
        QFETCH(int, verdict);
        QFETCH(QString, words);
        const BlocklistCheck::Decoded decoded = BlocklistCheck::decode(zone, QHostAddress(code), domain);
        QCOMPARE(int(decoded.verdict), verdict);
        QVERIFY2(decoded.meaning.contains(words), qPrintable(decoded.meaning));
    }

    void notListed()
    {
        const CheckResults results = run(QStringLiteral("example.org. MX 10 mail.example.org.\n"));
        QCOMPARE(results.size(), 3);
        for (const QString id :
             {"blocklist.zen.spamhaus.org", "blocklist.bl.example.net", "dbl.dbl.spamhaus.org"}) {
            const CheckResult result = byId(results, id);
            QVERIFY2(result.status == CheckStatus::Pass, qPrintable(describe(result)));
            QVERIFY(result.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("NXDOMAIN")));
        }
    }

    void listedSbl()
    {
        const CheckResults results =
            run(QStringLiteral("%1 A 127.0.0.2\n%1 TXT \"Listed in SBL, see x\"\n").arg(zen));
        const CheckResult result = byId(results, QStringLiteral("blocklist.zen.spamhaus.org"));
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.summary.contains(QStringLiteral("SBL")));
        QVERIFY(result.evidence.join(QLatin1Char('\n')).contains(QStringLiteral("Listed in SBL, see x")));
        QVERIFY(!result.fix.isEmpty());
        QCOMPARE(byId(results, QStringLiteral("blocklist.bl.example.net")).status, CheckStatus::Pass);
    }

    void listedPbl()
    {
        const CheckResults results = run(QStringLiteral("%1 A 127.0.0.11\n").arg(zen));
        const CheckResult result = byId(results, QStringLiteral("blocklist.zen.spamhaus.org"));
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.summary.contains(QStringLiteral("PBL")));
    }

    void refusedResolverIsUnknown()
    {
        const CheckResults results =
            run(QStringLiteral("%1 A 127.255.255.254\n%2 A 127.255.255.254\n").arg(zen, dbl));
        for (const QString id : {"blocklist.zen.spamhaus.org", "dbl.dbl.spamhaus.org"}) {
            const CheckResult result = byId(results, id);
            QVERIFY2(result.status == CheckStatus::Unknown, qPrintable(describe(result)));
            QVERIFY(result.explanation.contains(QStringLiteral("refused")));
            QVERIFY(result.fix.contains(QStringLiteral("DQS")));
        }
    }

    void otherListWithReason()
    {
        const CheckResults results = run(
            QStringLiteral("%1 A 127.0.0.2\n%1 TXT \"Blocked, see https://bl.example.net/\"\n").arg(other));
        const CheckResult result = byId(results, QStringLiteral("blocklist.bl.example.net"));
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.summary.contains(QStringLiteral("https://bl.example.net/")));
    }

    void domainListed()
    {
        const CheckResults results = run(QStringLiteral("%1 A 127.0.1.2\n").arg(dbl));
        const CheckResult result = byId(results, QStringLiteral("dbl.dbl.spamhaus.org"));
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.summary.contains(QStringLiteral("spam domain")));
        QCOMPARE(byId(results, QStringLiteral("blocklist.zen.spamhaus.org")).status, CheckStatus::Pass);
    }

    void ipv6OnlyWhereSupported()
    {
        const QHostAddress v6(QStringLiteral("2001:db8::25"));
        QString nibbles = pw::dns::reverseName(v6);
        nibbles.chop(QStringLiteral(".ip6.arpa").size());
        const CheckResults results =
            run(QStringLiteral("%1.zen.spamhaus.org A 127.0.0.3\n").arg(nibbles), {v6});
        const CheckResult zenResult = byId(results, QStringLiteral("blocklist.zen.spamhaus.org"));
        QVERIFY2(zenResult.status == CheckStatus::Fail, qPrintable(describe(zenResult)));
        const CheckResult otherResult = byId(results, QStringLiteral("blocklist.bl.example.net"));
        QVERIFY2(otherResult.status == CheckStatus::Info, qPrintable(describe(otherResult)));
    }

    void timeoutIsUnknown()
    {
        const CheckResults results = run(QStringLiteral("%1 TIMEOUT\n").arg(other));
        const CheckResult result = byId(results, QStringLiteral("blocklist.bl.example.net"));
        QVERIFY2(result.status == CheckStatus::Unknown, qPrintable(describe(result)));
        QVERIFY(!result.evidence.isEmpty());
        QCOMPARE(byId(results, QStringLiteral("blocklist.zen.spamhaus.org")).status, CheckStatus::Pass);
    }
};

QTEST_GUILESS_MAIN(TestDiagBlocklist)
#include "tst_diag_blocklist.moc"
