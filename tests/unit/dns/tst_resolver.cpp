// LdnsResolver against the loopback TestDnsServer: every record type, the negative and failing
// answers, TCP fallback, CNAME chains, AD, IDN, the cache and the callback contract.

#include "shared/dns/DnsName.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUdpSocket>
#include <memory>
#include <optional>

using namespace pw::dns;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

QString bigTxt()
{
    // Six 250-byte strings: larger than the 1232-byte EDNS payload the resolver offers.
    QStringList strings;
    for (char c = 'a'; c < 'g'; ++c)
        strings.append(QLatin1Char('"') + QString(250, QLatin1Char(c)) + QLatin1Char('"'));
    return strings.join(QLatin1Char(' '));
}

QString zone()
{
    return QStringLiteral(R"(
$TTL 300
example.test. 300 SOA ns1.example.test. hostmaster.example.test. 2024010101 3600 600 86400 120
example.test. NS ns1.example.test.
example.test. NS ns2.example.test.
example.test. A 192.0.2.1
example.test. AAAA 2001:db8::1
example.test. MX 10 mx1.example.test.
example.test. MX 20 mx2.example.test.
example.test. TXT "v=spf1 " "ip4:192.0.2.0/24 " "-all"
example.test. TXT "google-site-verification=abc"
1.2.0.192.in-addr.arpa. PTR mail.example.test.
1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. PTR mail6.example.test.
mail.example.test. A 192.0.2.25
www.example.test. CNAME example.test.
alias1.example.test. CNAME alias2.example.test.
alias2.example.test. CNAME host.example.test.
host.example.test. A 192.0.2.80
_submission._tcp.example.test. SRV 0 1 587 mail.example.test.
_25._tcp.mail.example.test. TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
big.example.test. TXT %1
short.example.test. 1 A 192.0.2.7
xn--bcher-kva.example.test. A 192.0.2.99
timeout.example.test. TIMEOUT
servfail.example.test. SERVFAIL
refused.example.test. REFUSED
slow.example.test. DELAY 300
slow.example.test. A 192.0.2.30
)")
        .arg(bigTxt());
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void aRecord();
    void aaaaRecord();
    void mxRecords();
    void txtStringsJoined();
    void ptrRecords();
    void cnameRecord();
    void nsRecords();
    void soaRecord();
    void srvRecord();
    void tlsaRecord();
    void nxDomainVersusNoData();
    void timeout();
    void servFail();
    void refused();
    void tcpFallbackOnTruncation();
    void cnameChainFollowed();
    void authenticDataExposed();
    void idnName();
    void invalidName();
    void invalidServerOption();
    void failoverToNextServer();
    void cacheHit();
    void cacheTtlExpiry();
    void negativeAnswerCached();
    void failureNotCached();
    void concurrentLookups();
    void identicalLookupsShareOneQuery();
    void destroyedContextGetsNoCallback();
    void callbackNeverSynchronous();
    void zoneReload();

private:
    ResolverOptions options(bool cache = false) const;
    std::optional<LookupResult> resolve(LdnsResolver& resolver, const QString& name, RecordType type);
    std::optional<LookupResult> resolve(const QString& name, RecordType type);

    TestDnsServer m_server;
};

void TestResolver::initTestCase()
{
    QVERIFY2(m_server.start(zone()), qPrintable(m_server.errorString()));
}

void TestResolver::init()
{
    m_server.clearQueries();
}

ResolverOptions TestResolver::options(bool cache) const
{
    ResolverOptions options;
    options.servers = {m_server.address()};
    options.cacheEnabled = cache;
    return options;
}

std::optional<LookupResult> TestResolver::resolve(LdnsResolver& resolver, const QString& name,
                                                  RecordType type)
{
    QObject context;
    std::optional<LookupResult> result;
    resolver.lookup(name, type, &context, [&result](const LookupResult& r) { result = r; });
    QDeadlineTimer deadline(10s);
    while (!result && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

std::optional<LookupResult> TestResolver::resolve(const QString& name, RecordType type)
{
    LdnsResolver resolver(options());
    return resolve(resolver, name, type);
}

void TestResolver::aRecord()
{
    const auto result = resolve(QStringLiteral("example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->name, QStringLiteral("example.test"));
    QCOMPARE(result->records.size(), 1);
    QCOMPARE(result->records.first().owner, QStringLiteral("example.test"));
    QCOMPARE(result->records.first().type, RecordType::A);
    QCOMPARE(result->records.first().ttl, 300u);
    QCOMPARE(result->records.first().address, QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(result->server, m_server.address());
    QVERIFY(!result->authenticData);
    QVERIFY(!result->fromCache);
    QVERIFY(result->errorString.isEmpty());
    QCOMPARE(m_server.queries(), QStringList{QStringLiteral("example.test A udp")});
}

void TestResolver::aaaaRecord()
{
    const auto result = resolve(QStringLiteral("example.test."), RecordType::AAAA);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->addresses(), QList<QHostAddress>{QHostAddress(QStringLiteral("2001:db8::1"))});
}

void TestResolver::mxRecords()
{
    const auto result = resolve(QStringLiteral("example.test"), RecordType::MX);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 2);
    QMap<quint16, QString> exchanges;
    for (const Record& record : result->records)
        exchanges.insert(record.preference, record.exchange);
    QCOMPARE(exchanges.value(10), QStringLiteral("mx1.example.test"));
    QCOMPARE(exchanges.value(20), QStringLiteral("mx2.example.test"));
}

void TestResolver::txtStringsJoined()
{
    const auto result = resolve(QStringLiteral("example.test"), RecordType::TXT);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 2);
    const auto spf = std::find_if(result->records.cbegin(), result->records.cend(),
                                  [](const Record& r) { return r.text.startsWith(QLatin1String("v=spf1")); });
    QVERIFY(spf != result->records.cend());
    // RFC 7208 3.3: joined without adding anything between the strings.
    QCOMPARE(spf->text, QStringLiteral("v=spf1 ip4:192.0.2.0/24 -all"));
    QCOMPARE(spf->strings, (QList<QByteArray>{"v=spf1 ", "ip4:192.0.2.0/24 ", "-all"}));
    QVERIFY(result->texts().contains(QStringLiteral("google-site-verification=abc")));
}

void TestResolver::ptrRecords()
{
    const QString v4Name = reverseName(QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(v4Name, QStringLiteral("1.2.0.192.in-addr.arpa"));
    const auto v4 = resolve(v4Name, RecordType::PTR);
    QVERIFY(v4);
    QCOMPARE(v4->status, Status::Ok);
    QCOMPARE(v4->targets(), QStringList{QStringLiteral("mail.example.test")});

    const QString v6Name = reverseName(QHostAddress(QStringLiteral("2001:db8::1")));
    const auto v6 = resolve(v6Name, RecordType::PTR);
    QVERIFY(v6);
    QCOMPARE(v6->status, Status::Ok);
    QCOMPARE(v6->targets(), QStringList{QStringLiteral("mail6.example.test")});
}

void TestResolver::cnameRecord()
{
    const auto result = resolve(QStringLiteral("www.example.test"), RecordType::CNAME);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->targets(), QStringList{QStringLiteral("example.test")});
    QVERIFY(result->cnameChain.isEmpty());
}

void TestResolver::nsRecords()
{
    const auto result = resolve(QStringLiteral("example.test"), RecordType::NS);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QStringList targets = result->targets();
    targets.sort();
    QCOMPARE(targets, (QStringList{QStringLiteral("ns1.example.test"), QStringLiteral("ns2.example.test")}));
}

void TestResolver::soaRecord()
{
    const auto result = resolve(QStringLiteral("example.test"), RecordType::SOA);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 1);
    const SoaData& soa = result->records.first().soa;
    QCOMPARE(soa.primaryServer, QStringLiteral("ns1.example.test"));
    QCOMPARE(soa.responsibleMailbox, QStringLiteral("hostmaster.example.test"));
    QCOMPARE(soa.serial, 2024010101u);
    QCOMPARE(soa.refresh, 3600u);
    QCOMPARE(soa.retry, 600u);
    QCOMPARE(soa.expire, 86400u);
    QCOMPARE(soa.minimum, 120u);
}

void TestResolver::srvRecord()
{
    const auto result = resolve(QStringLiteral("_submission._tcp.example.test"), RecordType::SRV);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 1);
    const SrvData& srv = result->records.first().srv;
    QCOMPARE(srv.priority, quint16(0));
    QCOMPARE(srv.weight, quint16(1));
    QCOMPARE(srv.port, quint16(587));
    QCOMPARE(srv.target, QStringLiteral("mail.example.test"));
}

void TestResolver::tlsaRecord()
{
    const auto result = resolve(QStringLiteral("_25._tcp.mail.example.test"), RecordType::TLSA);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 1);
    const TlsaData& tlsa = result->records.first().tlsa;
    QCOMPARE(tlsa.usage, quint8(3));
    QCOMPARE(tlsa.selector, quint8(1));
    QCOMPARE(tlsa.matchingType, quint8(1));
    QCOMPARE(tlsa.data.toHex(),
             QByteArray("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
}

void TestResolver::nxDomainVersusNoData()
{
    const auto nx = resolve(QStringLiteral("nothing.example.test"), RecordType::A);
    QVERIFY(nx);
    QCOMPARE(nx->status, Status::NxDomain);
    QVERIFY(nx->isNegative());
    QVERIFY(nx->records.isEmpty());

    const auto noData = resolve(QStringLiteral("mail.example.test"), RecordType::MX);
    QVERIFY(noData);
    QCOMPARE(noData->status, Status::NoData);
    QVERIFY(noData->isNegative());
    QVERIFY(!noData->isTemporaryFailure());

    // An empty non-terminal exists (RFC 8020): _tcp.example.test owns nothing but has children.
    const auto emptyNonTerminal = resolve(QStringLiteral("_tcp.example.test"), RecordType::TXT);
    QVERIFY(emptyNonTerminal);
    QCOMPARE(emptyNonTerminal->status, Status::NoData);
}

void TestResolver::timeout()
{
    ResolverOptions shortTimeout = options();
    shortTimeout.timeout = 200ms;
    shortTimeout.retries = 1;
    LdnsResolver resolver(shortTimeout);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = resolve(resolver, QStringLiteral("timeout.example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Timeout);
    QVERIFY(result->isTemporaryFailure());
    QVERIFY(!result->errorString.isEmpty());
    QVERIFY2(elapsed.elapsed() >= 350 && elapsed.elapsed() < 2000,
             qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(m_server.queryCount(), 2); // the first try and one retry
}

void TestResolver::servFail()
{
    const auto result = resolve(QStringLiteral("servfail.example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::ServFail);
    QVERIFY(result->isTemporaryFailure());
    QVERIFY(result->errorString.contains(QLatin1String("SERVFAIL")));
    QCOMPARE(result->server, m_server.address());
    // With a single server there is nobody else to ask.
    QCOMPARE(m_server.queryCount(), 1);
}

void TestResolver::refused()
{
    const auto result = resolve(QStringLiteral("refused.example.test"), RecordType::TXT);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Refused);
    QVERIFY(result->errorString.contains(QLatin1String("REFUSED")));
}

void TestResolver::tcpFallbackOnTruncation()
{
    const auto result = resolve(QStringLiteral("big.example.test"), RecordType::TXT);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->records.size(), 1);
    QCOMPARE(result->records.first().strings.size(), 6);
    QCOMPARE(result->records.first().text.size(), 1500);
    QVERIFY(result->records.first().text.startsWith(QString(250, QLatin1Char('a')) + QLatin1Char('b')));
    QCOMPARE(m_server.queries(), (QStringList{QStringLiteral("big.example.test TXT udp"),
                                              QStringLiteral("big.example.test TXT tcp")}));
}

void TestResolver::cnameChainFollowed()
{
    const auto result = resolve(QStringLiteral("alias1.example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->cnameChain.size(), 2);
    QCOMPARE(result->cnameChain.at(0).owner, QStringLiteral("alias1.example.test"));
    QCOMPARE(result->cnameChain.at(0).target, QStringLiteral("alias2.example.test"));
    QCOMPARE(result->cnameChain.at(1).target, QStringLiteral("host.example.test"));
    QCOMPARE(result->canonicalName(), QStringLiteral("host.example.test"));
    QCOMPARE(result->records.size(), 1);
    QCOMPARE(result->records.first().owner, QStringLiteral("host.example.test"));
    QCOMPARE(result->records.first().address, QHostAddress(QStringLiteral("192.0.2.80")));

    // A CNAME to a name without the asked type is NoData, chain kept.
    const auto noData = resolve(QStringLiteral("www.example.test"), RecordType::SRV);
    QVERIFY(noData);
    QCOMPARE(noData->status, Status::NoData);
    QCOMPARE(noData->cnameChain.size(), 1);
}

void TestResolver::authenticDataExposed()
{
    TestDnsServer validating;
    TestDnsServer::Options serverOptions;
    serverOptions.authenticData = true;
    QVERIFY2(validating.start(zone(), serverOptions), qPrintable(validating.errorString()));
    ResolverOptions resolverOptions = options();
    resolverOptions.servers = {validating.address()};
    LdnsResolver resolver(resolverOptions);

    // The server sets AD only when the query asks for it (RFC 6840 5.7), so this also shows that
    // the resolver does.
    const auto result = resolve(resolver, QStringLiteral("_25._tcp.mail.example.test"), RecordType::TLSA);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QVERIFY(result->authenticData);

    const auto plain = resolve(QStringLiteral("_25._tcp.mail.example.test"), RecordType::TLSA);
    QVERIFY(plain);
    QVERIFY(!plain->authenticData);
}

void TestResolver::idnName()
{
    const auto result = resolve(QStringLiteral("bücher.example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->name, QStringLiteral("xn--bcher-kva.example.test"));
    QCOMPARE(result->addresses(), QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.99"))});
    QCOMPARE(m_server.queries(), QStringList{QStringLiteral("xn--bcher-kva.example.test A udp")});
}

void TestResolver::invalidName()
{
    const auto empty = resolve(QString(), RecordType::A);
    QVERIFY(empty);
    QCOMPARE(empty->status, Status::Error);
    QVERIFY(!empty->errorString.isEmpty());

    const auto longLabel =
        resolve(QString(64, QLatin1Char('a')) + QStringLiteral(".example.test"), RecordType::A);
    QVERIFY(longLabel);
    QCOMPARE(longLabel->status, Status::Error);
    QCOMPARE(m_server.queryCount(), 0);
}

void TestResolver::invalidServerOption()
{
    ResolverOptions bad = options();
    bad.servers = {QStringLiteral("dns.example.test:53")};
    LdnsResolver resolver(bad);
    QVERIFY(!resolver.configurationError().isEmpty());
    const auto result = resolve(resolver, QStringLiteral("example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Error);
    QCOMPARE(result->errorString, resolver.configurationError());
}

void TestResolver::failoverToNextServer()
{
    // A bound socket that never answers: a server that is down, without leaving loopback.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    ResolverOptions twoServers = options();
    twoServers.servers = {QStringLiteral("127.0.0.1:%1").arg(silent.localPort()), m_server.address()};
    twoServers.rotate = false;
    twoServers.timeout = 200ms;
    twoServers.retries = 1;
    LdnsResolver resolver(twoServers);
    QCOMPARE(resolver.servers().size(), 2);

    const auto result = resolve(resolver, QStringLiteral("example.test"), RecordType::A);
    QVERIFY(result);
    QCOMPARE(result->status, Status::Ok);
    QCOMPARE(result->server, m_server.address());
    QVERIFY(silent.hasPendingDatagrams());
}

void TestResolver::cacheHit()
{
    LdnsResolver resolver(options(true));
    const auto first = resolve(resolver, QStringLiteral("example.test"), RecordType::MX);
    QVERIFY(first);
    QCOMPARE(first->status, Status::Ok);
    QVERIFY(!first->fromCache);
    QCOMPARE(m_server.queryCount(), 1);

    const auto second = resolve(resolver, QStringLiteral("EXAMPLE.test."), RecordType::MX);
    QVERIFY(second);
    QCOMPARE(second->status, Status::Ok);
    QVERIFY(second->fromCache);
    QCOMPARE(second->records.size(), 2);
    QCOMPARE(m_server.queryCount(), 1);

    resolver.clearCache();
    const auto third = resolve(resolver, QStringLiteral("example.test"), RecordType::MX);
    QVERIFY(third);
    QVERIFY(!third->fromCache);
    QCOMPARE(m_server.queryCount(), 2);
}

void TestResolver::cacheTtlExpiry()
{
    LdnsResolver resolver(options(true));
    const auto first = resolve(resolver, QStringLiteral("short.example.test"), RecordType::A);
    QVERIFY(first);
    QCOMPARE(first->status, Status::Ok);
    QCOMPARE(first->records.first().ttl, 1u);
    QVERIFY(resolve(resolver, QStringLiteral("short.example.test"), RecordType::A).value().fromCache);
    QCOMPARE(m_server.queryCount(), 1);

    QTest::qWait(1100);
    const auto later = resolve(resolver, QStringLiteral("short.example.test"), RecordType::A);
    QVERIFY(later);
    QVERIFY(!later->fromCache);
    QCOMPARE(m_server.queryCount(), 2);
}

void TestResolver::negativeAnswerCached()
{
    LdnsResolver resolver(options(true));
    QCOMPARE(resolve(resolver, QStringLiteral("nothing.example.test"), RecordType::A).value().status,
             Status::NxDomain);
    const auto again = resolve(resolver, QStringLiteral("nothing.example.test"), RecordType::A);
    QVERIFY(again);
    QCOMPARE(again->status, Status::NxDomain);
    QVERIFY(again->fromCache);
    QCOMPARE(resolve(resolver, QStringLiteral("mail.example.test"), RecordType::MX).value().status,
             Status::NoData);
    QCOMPARE(resolve(resolver, QStringLiteral("mail.example.test"), RecordType::MX).value().status,
             Status::NoData);
    QCOMPARE(m_server.queryCount(), 2);
}

void TestResolver::failureNotCached()
{
    LdnsResolver resolver(options(true));
    QCOMPARE(resolve(resolver, QStringLiteral("servfail.example.test"), RecordType::A).value().status,
             Status::ServFail);
    const auto again = resolve(resolver, QStringLiteral("servfail.example.test"), RecordType::A);
    QVERIFY(again);
    QCOMPARE(again->status, Status::ServFail);
    QVERIFY(!again->fromCache);
    QCOMPARE(m_server.queryCount(), 2);
}

void TestResolver::concurrentLookups()
{
    // Every answer is delayed 300 ms by the server; run one after the other, ten would take 3 s.
    LdnsResolver resolver(options());
    QObject context;
    int done = 0;
    int ok = 0;
    const RecordType types[] = {RecordType::A,   RecordType::AAAA, RecordType::MX,  RecordType::TXT,
                                RecordType::NS,  RecordType::SOA,  RecordType::SRV, RecordType::TLSA,
                                RecordType::PTR, RecordType::CNAME};
    QElapsedTimer elapsed;
    elapsed.start();
    for (RecordType type : types) {
        resolver.lookup(QStringLiteral("slow.example.test"), type, &context, [&](const LookupResult& result) {
            ++done;
            if (result.status == (result.type == RecordType::A ? Status::Ok : Status::NoData))
                ++ok;
        });
    }
    QCOMPARE(resolver.pendingLookups(), 10);
    QTRY_COMPARE_WITH_TIMEOUT(done, 10, 5000);
    QCOMPARE(ok, 10);
    QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(resolver.pendingLookups(), 0);
}

void TestResolver::identicalLookupsShareOneQuery()
{
    LdnsResolver resolver(options());
    QObject context;
    int done = 0;
    for (int i = 0; i < 3; ++i) {
        resolver.lookup(QStringLiteral("slow.example.test"), RecordType::A, &context,
                        [&](const LookupResult& result) {
                            QCOMPARE(result.status, Status::Ok);
                            ++done;
                        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);
    QCOMPARE(m_server.queryCount(), 1);
}

void TestResolver::destroyedContextGetsNoCallback()
{
    LdnsResolver resolver(options(true));
    int calls = 0;
    int survivorCalls = 0;
    QObject survivor;
    auto context = std::make_unique<QObject>();
    // Destroyed while the query is in flight.
    resolver.lookup(QStringLiteral("slow.example.test"), RecordType::A, context.get(),
                    [&](const LookupResult&) { ++calls; });
    resolver.lookup(QStringLiteral("slow.example.test"), RecordType::A, &survivor,
                    [&](const LookupResult&) { ++survivorCalls; });
    context.reset();
    QTRY_COMPARE_WITH_TIMEOUT(survivorCalls, 1, 5000);
    QTest::qWait(50);
    QCOMPARE(calls, 0);

    // Destroyed after the (cached) answer was queued for delivery but before it ran.
    context = std::make_unique<QObject>();
    resolver.lookup(QStringLiteral("slow.example.test"), RecordType::A, context.get(),
                    [&](const LookupResult&) { ++calls; });
    context.reset();
    QTest::qWait(50);
    QCOMPARE(calls, 0);
}

void TestResolver::callbackNeverSynchronous()
{
    LdnsResolver resolver(options(true));
    QVERIFY(resolve(resolver, QStringLiteral("example.test"), RecordType::A));
    QObject context;
    bool returned = false;
    bool calledAfterReturn = false;
    int calls = 0;
    const auto check = [&](const LookupResult&) {
        calledAfterReturn = returned;
        ++calls;
    };
    resolver.lookup(QStringLiteral("example.test"), RecordType::A, &context, check); // cache hit
    resolver.lookup(QStringLiteral("bad..name"), RecordType::A, &context, check);    // invalid name
    returned = true;
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 5000);
    QVERIFY(calledAfterReturn);
}

void TestResolver::zoneReload()
{
    TestDnsServer server;
    QVERIFY2(server.start(QStringLiteral("a.example.test. 60 A 192.0.2.1\n")),
             qPrintable(server.errorString()));
    ResolverOptions resolverOptions = options();
    resolverOptions.servers = {server.address()};
    LdnsResolver resolver(resolverOptions);
    QCOMPARE(resolve(resolver, QStringLiteral("b.example.test"), RecordType::A).value().status,
             Status::NxDomain);
    QVERIFY2(server.setZone(QStringLiteral("*.example.test. 60 A 192.0.2.2\n")),
             qPrintable(server.errorString()));
    const auto wildcard = resolve(resolver, QStringLiteral("b.example.test"), RecordType::A);
    QVERIFY(wildcard);
    QCOMPARE(wildcard->status, Status::Ok);
    QCOMPARE(wildcard->records.first().owner, QStringLiteral("b.example.test"));
    QCOMPARE(server.queryCount(), 2);
    QVERIFY(!server.setZone(QStringLiteral("broken line\n")));
    QVERIFY(server.isRunning());
}

QTEST_GUILESS_MAIN(TestResolver)
#include "tests/support/TestPrinters.h"
#include "tst_resolver.moc"
