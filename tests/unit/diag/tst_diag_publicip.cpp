// PublicIpCheck: address classification (RFC 1918, RFC 6598, RFC 5737, RFC 4193 ...) and the
// configured addresses against injected interface addresses, so that nothing depends on the
// machine running the test.

#include "shared/diag/checks/HostIdentityChecks.h"
#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/diag/checks/PublicIpCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QTest>
#include <optional>

using namespace pw::diag;
using pw::diag::identity::AddressKind;

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

[[maybe_unused]] CheckResult byId(const CheckResults& results, const QString& id)
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

class TestDiagPublicIp : public QObject
{
    Q_OBJECT

private:
    // A public address that is not a documentation one; it only ever appears as data here.
    const QHostAddress publicAddress{QStringLiteral("93.184.216.34")};
    const QList<QHostAddress> lan{QHostAddress(QStringLiteral("192.168.1.10")),
                                  QHostAddress(QStringLiteral("127.0.0.1"))};

    CheckResult run(const QList<QHostAddress>& configured, const QList<QHostAddress>& interfaces,
                    const QString& zone = QString())
    {
        pw::test::TestDnsServer server;
        if (!server.start(zone))
            return {};
        DiagnosticsInput in;
        in.domain = QStringLiteral("example.org");
        in.hostname = QStringLiteral("mail.example.org");
        in.publicAddresses = configured;
        PublicIpCheck check(interfaces);
        const CheckResults results = runCheck(check, in, server);
        return results.size() == 1 ? results.first() : CheckResult{};
    }

private slots:
    void classify_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("kind");
        QTest::newRow("public v4") << "93.184.216.34" << int(AddressKind::Public);
        QTest::newRow("10/8") << "10.1.2.3" << int(AddressKind::Private);
        QTest::newRow("172.16/12") << "172.31.255.1" << int(AddressKind::Private);
        QTest::newRow("172.32 public") << "172.32.0.1" << int(AddressKind::Public);
        QTest::newRow("192.168/16") << "192.168.0.1" << int(AddressKind::Private);
        QTest::newRow("cgnat low") << "100.64.0.1" << int(AddressKind::SharedCgnat);
        QTest::newRow("cgnat high") << "100.127.255.254" << int(AddressKind::SharedCgnat);
        QTest::newRow("100.128 public") << "100.128.0.1" << int(AddressKind::Public);
        QTest::newRow("loopback") << "127.0.0.1" << int(AddressKind::Loopback);
        QTest::newRow("link-local") << "169.254.1.1" << int(AddressKind::LinkLocal);
        QTest::newRow("test-net-1") << "192.0.2.1" << int(AddressKind::Documentation);
        QTest::newRow("test-net-2") << "198.51.100.1" << int(AddressKind::Documentation);
        QTest::newRow("test-net-3") << "203.0.113.7" << int(AddressKind::Documentation);
        QTest::newRow("mapped private") << "::ffff:10.0.0.1" << int(AddressKind::Private);
        QTest::newRow("public v6") << "2a00:1450:4001::1" << int(AddressKind::Public);
        QTest::newRow("v6 loopback") << "::1" << int(AddressKind::Loopback);
        QTest::newRow("v6 link-local") << "fe80::1" << int(AddressKind::LinkLocal);
        QTest::newRow("ula fd") << "fd12:3456::1" << int(AddressKind::UniqueLocal);
        QTest::newRow("ula fc") << "fc00::1" << int(AddressKind::UniqueLocal);
        QTest::newRow("v6 documentation") << "2001:db8::25" << int(AddressKind::Documentation);
    }

    void classify()
    {
        QFETCH(QString, address);
        QFETCH(int, kind);
        QCOMPARE(int(identity::classifyAddress(QHostAddress(address))), kind);
    }

    void publicOnInterface()
    {
        const CheckResult result =
            run({publicAddress}, {publicAddress, QHostAddress(QStringLiteral("127.0.0.1"))});
        QCOMPARE(result.id, QStringLiteral("ip.public"));
        QVERIFY2(result.status == CheckStatus::Pass, qPrintable(describe(result)));
        QVERIFY(!result.summary.isEmpty());
        QVERIFY(!result.evidence.isEmpty());
    }

    void behindNatIsInfo()
    {
        const CheckResult result = run({publicAddress}, lan);
        QVERIFY2(result.status == CheckStatus::Info, qPrintable(describe(result)));
        QVERIFY(result.summary.contains(QStringLiteral("NAT")));
        QVERIFY(result.summary.contains(QStringLiteral("25")));
        QVERIFY(result.fix.contains(QStringLiteral("forward")));
    }

    void cgnatFails()
    {
        const CheckResult result = run({QHostAddress(QStringLiteral("100.72.1.2"))}, lan);
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.explanation.contains(QStringLiteral("shares one address among customers")));
        QVERIFY(result.explanation.contains(QStringLiteral("cannot run a mail server")));
        QVERIFY(!result.fix.isEmpty());
    }

    void privateFails()
    {
        const CheckResult result = run({QHostAddress(QStringLiteral("192.168.1.10"))}, lan);
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(result.explanation.contains(QStringLiteral("private")));
        const CheckResult ula = run({QHostAddress(QStringLiteral("fd00::25"))}, lan);
        QVERIFY2(ula.status == CheckStatus::Fail, qPrintable(describe(ula)));
    }

    void derivedFromHostname()
    {
        // Nothing configured: the A record of the host name is judged (a documentation address).
        const CheckResult result = run({}, lan, QStringLiteral("mail.example.org. A 203.0.113.7\n"));
        QVERIFY2(result.status == CheckStatus::Fail, qPrintable(describe(result)));
        QVERIFY(
            result.explanation.contains(QStringLiteral("taken from the A/AAAA records of mail.example.org")));
        QVERIFY(result.evidence.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("mail.example.org. A 203.0.113.7")));
    }

    void nothingKnown()
    {
        const CheckResult none = run({}, lan, QStringLiteral("example.org. MX 10 mail.example.org.\n"));
        QVERIFY2(none.status == CheckStatus::Fail, qPrintable(describe(none)));
        const CheckResult timeout = run({}, lan, QStringLiteral("mail.example.org TIMEOUT\n"));
        QVERIFY2(timeout.status == CheckStatus::Unknown, qPrintable(describe(timeout)));
        QCOMPARE(timeout.id, QStringLiteral("ip.public"));
        QVERIFY(!timeout.evidence.isEmpty());
    }

    void factoryIsDnsOnly()
    {
        const CheckList checks = hostIdentityChecks();
        QStringList ids;
        for (const auto& check : checks) {
            ids << check->id();
            QVERIFY(!check->usesNetwork());
            QVERIFY(!check->title().isEmpty());
        }
        QCOMPARE(ids, QStringList({"ip.public", "ip.static", "hostname", "ptr", "blocklist"}));
    }
};

QTEST_GUILESS_MAIN(TestDiagPublicIp)
#include "tst_diag_publicip.moc"
