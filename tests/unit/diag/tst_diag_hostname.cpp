// HostnameCheck: the host name's syntax (a FQDN) and its A/AAAA records against the public
// addresses, on the loopback DNS server.

#include "shared/diag/checks/HostnameCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QTest>
#include <optional>

using namespace pw::diag;

namespace {

// Runs one check against the loopback DNS server and waits for its results.
CheckResults runCheck(Check& check, const DiagnosticsInput& input, const pw::test::TestDnsServer& server)
{
    pw::dns::ResolverOptions options;
    options.servers = {server.address()};
    options.timeout = std::chrono::milliseconds(500);
    options.retries = 0;
    options.cacheEnabled = false;
    pw::dns::LdnsResolver resolver(options);
    QObject context;
    std::optional<CheckResults> results;
    int calls = 0;
    check.run({input, resolver}, &context, [&](CheckResults found) {
        ++calls;
        results = std::move(found);
    });
    if (results) // never from inside run()
        return {};
    if (!QTest::qWaitFor([&] { return results.has_value(); }, 10000))
        return {};
    QTest::qWait(20);
    return calls == 1 ? *results : CheckResults{};
}

CheckResult byId(const CheckResults& results, const QString& id)
{
    for (const CheckResult& result : results) {
        if (result.id == id)
            return result;
    }
    CheckResult missing;
    missing.id = QStringLiteral("missing:") + id;
    return missing;
}

QString describe(const CheckResult& result)
{
    return QStringLiteral("%1 %2: %3 | %4 | %5 | %6")
        .arg(result.id, checkStatusName(result.status), result.summary, result.explanation, result.fix,
             result.evidence.join(QStringLiteral(" / ")));
}

} // namespace

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
