// ResponseInterpreter: statuses, the CNAME chain and how long an answer may be cached.

#include "shared/dns/ResponseInterpreter.h"

#include <QTest>

using namespace pw::dns;
using namespace std::chrono_literals;

namespace {

Record record(const QString& owner, RecordType type, quint32 ttl, const QString& target = {})
{
    Record r;
    r.owner = owner;
    r.type = type;
    r.ttl = ttl;
    r.target = target;
    if (type == RecordType::A)
        r.address = QHostAddress(QStringLiteral("192.0.2.1"));
    return r;
}

DecodedResponse response(quint8 rcode, const QList<Record>& answers = {})
{
    DecodedResponse r;
    r.isResponse = true;
    r.rcode = rcode;
    r.answers = answers;
    return r;
}

Record soa(quint32 ttl, quint32 minimum)
{
    Record r = record(QStringLiteral("example.test"), RecordType::SOA, ttl);
    r.soa.minimum = minimum;
    return r;
}

} // namespace

class TestResponseInterpreter : public QObject
{
    Q_OBJECT

private slots:
    void okWithMinimumTtl();
    void positiveTtlCapped();
    void chainInAnyOrder();
    void cnameLoopStops();
    void recordsOffTheChainIgnored();
    void askingForCnameDoesNotFollow();
    void noDataWithSoa();
    void nxDomainTtlCapped();
    void negativeWithoutSoaNotCached();
    void failuresNotCached_data();
    void failuresNotCached();
    void authenticDataCopied();
};

void TestResponseInterpreter::okWithMinimumTtl()
{
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("example.test"), RecordType::A, 300),
                     record(QStringLiteral("example.test"), RecordType::A, 120)}),
        QStringLiteral("example.test"), RecordType::A, {});
    QCOMPARE(out.result.status, Status::Ok);
    QCOMPARE(out.result.records.size(), 2);
    QCOMPARE(out.cacheTtl, 120s);
    QVERIFY(out.result.errorString.isEmpty());
}

void TestResponseInterpreter::positiveTtlCapped()
{
    ResolverOptions options;
    options.maxPositiveTtl = 3600s;
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("example.test"), RecordType::A, 604800)}),
        QStringLiteral("example.test"), RecordType::A, options);
    QCOMPARE(out.cacheTtl, 3600s);
}

void TestResponseInterpreter::chainInAnyOrder()
{
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("c.test"), RecordType::A, 300),
                     record(QStringLiteral("b.test"), RecordType::CNAME, 50, QStringLiteral("c.test")),
                     record(QStringLiteral("A.test"), RecordType::CNAME, 300, QStringLiteral("b.test"))}),
        QStringLiteral("a.test"), RecordType::A, {});
    QCOMPARE(out.result.status, Status::Ok);
    QCOMPARE(out.result.cnameChain.size(), 2);
    QCOMPARE(out.result.cnameChain.at(0).owner, QStringLiteral("A.test"));
    QCOMPARE(out.result.cnameChain.at(1).owner, QStringLiteral("b.test"));
    QCOMPARE(out.result.canonicalName(), QStringLiteral("c.test"));
    QCOMPARE(out.result.records.size(), 1);
    QCOMPARE(out.cacheTtl, 50s); // the chain's TTLs count too
}

void TestResponseInterpreter::cnameLoopStops()
{
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("a.test"), RecordType::CNAME, 300, QStringLiteral("b.test")),
                     record(QStringLiteral("b.test"), RecordType::CNAME, 300, QStringLiteral("a.test"))}),
        QStringLiteral("a.test"), RecordType::A, {});
    QCOMPARE(out.result.status, Status::NoData);
    QCOMPARE(out.result.cnameChain.size(), 2);
}

void TestResponseInterpreter::recordsOffTheChainIgnored()
{
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("elsewhere.test"), RecordType::A, 300)}), QStringLiteral("a.test"),
        RecordType::A, {});
    QCOMPARE(out.result.status, Status::NoData);
    QVERIFY(out.result.records.isEmpty());
}

void TestResponseInterpreter::askingForCnameDoesNotFollow()
{
    const auto out = ResponseInterpreter::interpret(
        response(0, {record(QStringLiteral("a.test"), RecordType::CNAME, 300, QStringLiteral("b.test"))}),
        QStringLiteral("a.test"), RecordType::CNAME, {});
    QCOMPARE(out.result.status, Status::Ok);
    QVERIFY(out.result.cnameChain.isEmpty());
    QCOMPARE(out.result.targets(), QStringList{QStringLiteral("b.test")});
}

void TestResponseInterpreter::noDataWithSoa()
{
    DecodedResponse r = response(0);
    r.authoritySoa = soa(600, 60);
    const auto out = ResponseInterpreter::interpret(r, QStringLiteral("example.test"), RecordType::MX, {});
    QCOMPARE(out.result.status, Status::NoData);
    QVERIFY(out.result.errorString.isEmpty());
    QCOMPARE(out.cacheTtl, 60s); // RFC 2308 5: min(SOA TTL, MINIMUM)
}

void TestResponseInterpreter::nxDomainTtlCapped()
{
    DecodedResponse r = response(3);
    r.authoritySoa = soa(86400, 3600);
    ResolverOptions options;
    options.maxNegativeTtl = 300s;
    const auto out =
        ResponseInterpreter::interpret(r, QStringLiteral("nothing.example.test"), RecordType::A, options);
    QCOMPARE(out.result.status, Status::NxDomain);
    QCOMPARE(out.cacheTtl, 300s);
}

void TestResponseInterpreter::negativeWithoutSoaNotCached()
{
    const auto out = ResponseInterpreter::interpret(response(3), QStringLiteral("x.test"), RecordType::A, {});
    QCOMPARE(out.result.status, Status::NxDomain);
    QCOMPARE(out.cacheTtl, 0s);
}

void TestResponseInterpreter::failuresNotCached_data()
{
    QTest::addColumn<int>("rcode");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("mnemonic");
    QTest::newRow("FORMERR") << 1 << Status::Error << "FORMERR";
    QTest::newRow("SERVFAIL") << 2 << Status::ServFail << "SERVFAIL";
    QTest::newRow("NOTIMP") << 4 << Status::Error << "NOTIMP";
    QTest::newRow("REFUSED") << 5 << Status::Refused << "REFUSED";
    QTest::newRow("YXDOMAIN") << 6 << Status::Error << "RCODE6";
}

void TestResponseInterpreter::failuresNotCached()
{
    QFETCH(int, rcode);
    QFETCH(Status, status);
    QFETCH(QString, mnemonic);
    DecodedResponse r =
        response(static_cast<quint8>(rcode), {record(QStringLiteral("x.test"), RecordType::A, 300)});
    r.authoritySoa = soa(600, 60);
    const auto out = ResponseInterpreter::interpret(r, QStringLiteral("x.test"), RecordType::A, {});
    QCOMPARE(out.result.status, status);
    QVERIFY(out.result.isTemporaryFailure());
    QVERIFY2(out.result.errorString.contains(mnemonic), qPrintable(out.result.errorString));
    QCOMPARE(out.cacheTtl, 0s);
}

void TestResponseInterpreter::authenticDataCopied()
{
    DecodedResponse r = response(0, {record(QStringLiteral("x.test"), RecordType::A, 300)});
    r.authenticData = true;
    QVERIFY(
        ResponseInterpreter::interpret(r, QStringLiteral("x.test"), RecordType::A, {}).result.authenticData);
}

QTEST_GUILESS_MAIN(TestResponseInterpreter)
#include "tests/support/TestPrinters.h"
#include "tst_responseinterpreter.moc"
