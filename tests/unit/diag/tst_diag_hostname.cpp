// HostnameCheck: the host name's syntax (a FQDN) and its A/AAAA records against the public
// addresses, on the loopback DNS server.

#include "shared/diag/checks/HostnameCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "tests/unit/diag/ZoneCheckRunner.h"

#include <QTest>
#include <optional>

using namespace pw::diag;
using pw::test::byId;
using pw::test::describe;
using pw::test::runCheck;

class TestDiagHostname : public QObject
{
    Q_OBJECT

private:
    CheckResults run(const QString& zone, const QString& hostname, const QList<QHostAddress>& addresses)
    {
        pw::test::TestDnsServer server;
        if (!server.start(zone))
            return {};
        DiagnosticsInput in;
        in.domain = QStringLiteral("example.org");
        in.hostname = hostname;
        in.publicAddresses = addresses;
        HostnameCheck check;
        return runCheck(check, in, server);
    }

    const QList<QHostAddress> v4{QHostAddress(QStringLiteral("203.0.113.7"))};

private slots:
    void fqdn_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("usable");
        QTest::newRow("mail") << "mail.example.org" << true;
        QTest::newRow("final dot") << "mail.example.org." << true;
        QTest::newRow("idn") << "mail.bücher.example" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("one label") << "mail" << false;
        QTest::newRow("localhost") << "localhost" << false;
        QTest::newRow("localhost.localdomain") << "localhost.localdomain" << false;
        QTest::newRow("x.localhost") << "mail.localhost" << false;
        QTest::newRow(".local") << "server.local" << false;
        QTest::newRow("underscore") << "mail_1.example.org" << false;
        QTest::newRow("leading hyphen") << "-mail.example.org" << false;
        QTest::newRow("empty label") << "mail..example.org" << false;
        QTest::newRow("ip") << "203.0.113.7" << false;
    }

    void fqdn()
    {
        QFETCH(QString, name);
        QFETCH(bool, usable);
        QCOMPARE(HostnameCheck::fqdnProblem(name).isEmpty(), usable);
    }

    void goodZone()
    {
        const CheckResults results =
            run(QStringLiteral("mail.example.org. A 203.0.113.7\n"), QStringLiteral("mail.example.org"), v4);
        QCOMPARE(results.size(), 2);
        QCOMPARE(byId(results, QStringLiteral("hostname.fqdn")).status, CheckStatus::Pass);
        const CheckResult resolves = byId(results, QStringLiteral("hostname.resolves"));
        QVERIFY2(resolves.status == CheckStatus::Pass, qPrintable(describe(resolves)));
        QVERIFY(resolves.evidence.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("mail.example.org. A 203.0.113.7")));
        // Without configured addresses, any address is accepted.
        QCOMPARE(byId(run(QStringLiteral("mail.example.org. A 203.0.113.7\n"),
                          QStringLiteral("mail.example.org"), {}),
                      QStringLiteral("hostname.resolves"))
                     .status,
                 CheckStatus::Pass);
    }

    void notAFqdn()
    {
        const CheckResults results = run(QString(), QStringLiteral("localhost"), v4);
        const CheckResult fqdn = byId(results, QStringLiteral("hostname.fqdn"));
        QVERIFY2(fqdn.status == CheckStatus::Fail, qPrintable(describe(fqdn)));
        QVERIFY(fqdn.fix.contains(QStringLiteral("mail.example.org")));
        QCOMPARE(byId(results, QStringLiteral("hostname.resolves")).status, CheckStatus::Unknown);
    }

    void noAddress()
    {
        const CheckResults results = run(QStringLiteral("example.org. MX 10 mail.example.org.\n"),
                                         QStringLiteral("mail.example.org"), v4);
        const CheckResult resolves = byId(results, QStringLiteral("hostname.resolves"));
        QVERIFY2(resolves.status == CheckStatus::Fail, qPrintable(describe(resolves)));
        QVERIFY(resolves.fix.contains(QStringLiteral("A record")));
    }

    void pointsElsewhere()
    {
        const CheckResults results =
            run(QStringLiteral("mail.example.org. A 198.51.100.9\n"), QStringLiteral("mail.example.org"), v4);
        const CheckResult resolves = byId(results, QStringLiteral("hostname.resolves"));
        QVERIFY2(resolves.status == CheckStatus::Fail, qPrintable(describe(resolves)));
        QVERIFY(resolves.explanation.contains(QStringLiteral("198.51.100.9")));
    }

    void extraAddressWarns()
    {
        const CheckResults results = run(QStringLiteral("mail.example.org. A 203.0.113.7\n"
                                                        "mail.example.org. AAAA 2001:db8::25\n"),
                                         QStringLiteral("mail.example.org"), v4);
        const CheckResult resolves = byId(results, QStringLiteral("hostname.resolves"));
        QVERIFY2(resolves.status == CheckStatus::Warn, qPrintable(describe(resolves)));
        QVERIFY(resolves.summary.contains(QStringLiteral("2001:db8::25")));
    }

    void timeoutIsUnknown()
    {
        const CheckResults results =
            run(QStringLiteral("mail.example.org TIMEOUT\n"), QStringLiteral("mail.example.org"), v4);
        const CheckResult resolves = byId(results, QStringLiteral("hostname.resolves"));
        QVERIFY2(resolves.status == CheckStatus::Unknown, qPrintable(describe(resolves)));
        QVERIFY(!resolves.evidence.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagHostname)
#include "tst_diag_hostname.moc"
