// ResolverCache alone, with a fake clock: TTL expiry, ageing of TTLs, keys, eviction.

#include "shared/dns/ResolverCache.h"

#include <QTest>

using namespace pw::dns;
using namespace std::chrono_literals;

namespace {

LookupResult answer(const QString& name, RecordType type, quint32 ttl,
                    const QString& address = QStringLiteral("192.0.2.1"))
{
    LookupResult result;
    result.name = name;
    result.type = type;
    result.status = Status::Ok;
    Record record;
    record.owner = name;
    record.type = type;
    record.ttl = ttl;
    record.address = QHostAddress(address);
    result.records.append(record);
    return result;
}

} // namespace

class TestResolverCache : public QObject
{
    Q_OBJECT

private slots:
    void missWhenEmpty();
    void hitUntilExpiry();
    void ttlsAgeInCache();
    void keyIgnoresCaseAndFinalDot();
    void typesAreSeparate();
    void zeroTtlNotStored();
    void negativeAnswersStored();
    void replaceKeepsOneEntry();
    void clearEmpties();
    void evictsExpiredThenSoonest();
};

void TestResolverCache::missWhenEmpty()
{
    ResolverCache cache;
    QVERIFY(!cache.find(QStringLiteral("example.test"), RecordType::A, ResolverCache::Clock::now()));
}

void TestResolverCache::hitUntilExpiry()
{
    ResolverCache cache;
    const auto t0 = ResolverCache::Clock::time_point{} + 1000s;
    cache.insert(answer(QStringLiteral("example.test"), RecordType::A, 60), 60s, t0);
    const auto hit = cache.find(QStringLiteral("example.test"), RecordType::A, t0 + 59s);
    QVERIFY(hit);
    QVERIFY(hit->fromCache);
    QCOMPARE(hit->status, Status::Ok);
    QVERIFY(!cache.find(QStringLiteral("example.test"), RecordType::A, t0 + 60s));
    QCOMPARE(cache.size(), 0); // the expired entry went away on the miss
}

void TestResolverCache::ttlsAgeInCache()
{
    ResolverCache cache;
    const auto t0 = ResolverCache::Clock::time_point{} + 1000s;
    LookupResult result = answer(QStringLiteral("example.test"), RecordType::A, 300);
    Record cname;
    cname.owner = QStringLiteral("www.example.test");
    cname.type = RecordType::CNAME;
    cname.ttl = 100;
    result.cnameChain.append(cname);
    cache.insert(result, 100s, t0);
    const auto hit = cache.find(QStringLiteral("example.test"), RecordType::A, t0 + 40s + 500ms);
    QVERIFY(hit);
    QCOMPARE(hit->records.first().ttl, 260u);
    QCOMPARE(hit->cnameChain.first().ttl, 60u);
}

void TestResolverCache::keyIgnoresCaseAndFinalDot()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    cache.insert(answer(QStringLiteral("Example.TEST"), RecordType::A, 60), 60s, now);
    QVERIFY(cache.find(QStringLiteral("example.test."), RecordType::A, now));
    QVERIFY(cache.find(QStringLiteral("EXAMPLE.test"), RecordType::A, now));
}

void TestResolverCache::typesAreSeparate()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    cache.insert(answer(QStringLiteral("example.test"), RecordType::A, 60), 60s, now);
    QVERIFY(!cache.find(QStringLiteral("example.test"), RecordType::AAAA, now));
    QVERIFY(!cache.find(QStringLiteral("other.test"), RecordType::A, now));
}

void TestResolverCache::zeroTtlNotStored()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    cache.insert(answer(QStringLiteral("example.test"), RecordType::A, 0), 0s, now);
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(QStringLiteral("example.test"), RecordType::A, now));
}

void TestResolverCache::negativeAnswersStored()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    LookupResult nx;
    nx.name = QStringLiteral("nothing.example.test");
    nx.type = RecordType::TXT;
    nx.status = Status::NxDomain;
    cache.insert(nx, 30s, now);
    const auto hit = cache.find(QStringLiteral("nothing.example.test"), RecordType::TXT, now + 10s);
    QVERIFY(hit);
    QCOMPARE(hit->status, Status::NxDomain);
    QVERIFY(hit->records.isEmpty());
}

void TestResolverCache::replaceKeepsOneEntry()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    cache.insert(answer(QStringLiteral("example.test"), RecordType::A, 60), 60s, now);
    cache.insert(answer(QStringLiteral("example.test"), RecordType::A, 60, QStringLiteral("192.0.2.2")), 60s,
                 now);
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.find(QStringLiteral("example.test"), RecordType::A, now)->records.first().address,
             QHostAddress(QStringLiteral("192.0.2.2")));
}

void TestResolverCache::clearEmpties()
{
    ResolverCache cache;
    const auto now = ResolverCache::Clock::now();
    cache.insert(answer(QStringLiteral("a.test"), RecordType::A, 60), 60s, now);
    cache.insert(answer(QStringLiteral("b.test"), RecordType::A, 60), 60s, now);
    QCOMPARE(cache.size(), 2);
    cache.clear();
    QCOMPARE(cache.size(), 0);
    QVERIFY(!cache.find(QStringLiteral("a.test"), RecordType::A, now));
}

void TestResolverCache::evictsExpiredThenSoonest()
{
    ResolverCache cache(3);
    const auto t0 = ResolverCache::Clock::time_point{} + 1000s;
    cache.insert(answer(QStringLiteral("expired.test"), RecordType::A, 5), 5s, t0);
    cache.insert(answer(QStringLiteral("soon.test"), RecordType::A, 50), 50s, t0);
    cache.insert(answer(QStringLiteral("late.test"), RecordType::A, 500), 500s, t0);
    const auto t1 = t0 + 10s;

    cache.insert(answer(QStringLiteral("new1.test"), RecordType::A, 300), 300s, t1);
    QCOMPARE(cache.size(), 3);
    QVERIFY(cache.find(QStringLiteral("soon.test"), RecordType::A, t1));

    cache.insert(answer(QStringLiteral("new2.test"), RecordType::A, 300), 300s, t1);
    QCOMPARE(cache.size(), 3);
    QVERIFY(!cache.find(QStringLiteral("soon.test"), RecordType::A, t1));
    QVERIFY(cache.find(QStringLiteral("late.test"), RecordType::A, t1));
    QVERIFY(cache.find(QStringLiteral("new1.test"), RecordType::A, t1));
    QVERIFY(cache.find(QStringLiteral("new2.test"), RecordType::A, t1));
}

QTEST_GUILESS_MAIN(TestResolverCache)
#include "tests/support/TestPrinters.h"
#include "tst_resolvercache.moc"
