// SpfCheck / SpfEvaluator over an in-memory resolver: the callback contract, the identities
// and inputs, the fields of SpfResult, the limits of RFC 7208 4.6.4, explanations (6.2), DNS
// errors (4.4, 5) and the overall time limit. The RFC 7208 suite itself runs over real DNS in
// tests/conformance/spf.

#include "shared/auth/spf/SpfCheck.h"
#include "shared/dns/Resolver.h"

#include <QEventLoop>
#include <QHash>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

using namespace pw::auth;
using namespace pw::dns;
using namespace std::chrono_literals;

namespace {

// Answers from a table, asynchronously as the Resolver contract demands; unknown names are
// NXDOMAIN. A name marked silent is never answered.
class FakeResolver : public QObject, public Resolver
{
public:
    void addTxt(const QString& name, const QList<QByteArray>& strings)
    {
        Record record;
        record.owner = name;
        record.type = RecordType::TXT;
        record.strings = strings;
        for (const QByteArray& s : strings)
            record.text += QString::fromUtf8(s);
        add(name, record);
    }
    void addTxt(const QString& name, const QByteArray& text) { addTxt(name, QList<QByteArray>{text}); }
    void addAddress(const QString& name, const QString& address)
    {
        Record record;
        record.owner = name;
        record.address = QHostAddress(address);
        record.type =
            record.address.protocol() == QAbstractSocket::IPv4Protocol ? RecordType::A : RecordType::AAAA;
        add(name, record);
    }
    void addMx(const QString& name, quint16 preference, const QString& exchange)
    {
        Record record;
        record.owner = name;
        record.type = RecordType::MX;
        record.preference = preference;
        record.exchange = exchange;
        add(name, record);
    }
    void addPtr(const QString& name, const QString& target)
    {
        Record record;
        record.owner = name;
        record.type = RecordType::PTR;
        record.target = target;
        add(name, record);
    }
    void setStatus(const QString& name, RecordType type, Status status)
    {
        m_status.insert(key(name, type), status);
    }
    void setSilent(const QString& name) { m_silent.insert(name.toLower()); }

    void lookup(const QString& name, RecordType type, QObject* context, Callback done) override
    {
        m_queries.append(QStringLiteral("%1 %2").arg(name, recordTypeName(type)));
        if (m_silent.contains(name.toLower()))
            return;
        LookupResult result;
        result.name = name;
        result.type = type;
        const QString k = key(name, type);
        if (m_status.contains(k)) {
            result.status = m_status.value(k);
            result.errorString = statusName(result.status);
        } else if (m_records.contains(k)) {
            result.status = Status::Ok;
            result.records = m_records.value(k);
        } else {
            result.status = m_names.contains(name.toLower()) ? Status::NoData : Status::NxDomain;
        }
        QPointer<QObject> guard(context);
        const bool guarded = context != nullptr;
        QTimer::singleShot(0, this, [guard, guarded, done = std::move(done), result] {
            if (!guarded || guard)
                done(result);
        });
    }

    [[nodiscard]] const QStringList& queries() const { return m_queries; }

private:
    static QString key(const QString& name, RecordType type)
    {
        return name.toLower() + QLatin1Char('/') + recordTypeName(type);
    }
    void add(const QString& name, const Record& record)
    {
        m_records[key(name, record.type)].append(record);
        m_names.insert(name.toLower());
    }

    QHash<QString, QList<Record>> m_records;
    QHash<QString, Status> m_status;
    QSet<QString> m_names;
    QSet<QString> m_silent;
    QStringList m_queries;
};

SpfRequest request(const QString& client, const QString& mailFrom,
                   const QString& helo = QStringLiteral("mx.sender.example"))
{
    SpfRequest r;
    r.clientAddress = QHostAddress(client);
    r.mailFrom = mailFrom;
    r.helo = helo;
    r.receivingHost = QStringLiteral("mx.receiver.example");
    return r;
}

std::optional<SpfResult> run(Resolver& resolver, const SpfRequest& request, const SpfOptions& options = {})
{
    std::optional<SpfResult> result;
    QEventLoop loop;
    QObject guard;
    SpfCheck::checkHost(resolver, request, options, &guard, [&](const SpfResult& outcome) {
        result = outcome;
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

} // namespace

class TestSpfEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void resultNames();
    void callbackIsAsynchronous();
    void destroyedContextCancels();
    void heloIdentity();
    void nullReversePathUsesHelo();
    void ipv4MappedClient();
    void resultFields();
    void redirectTakesResultAndDomain();
    void explanations();
    void explanationOnlyForFail();
    void dnsLookupLimit();
    void voidLookupLimit();
    void mxAddressErrorIsTempError();
    void ptrErrorIsNoMatch();
    void includeOfNoneIsPermError();
    void evaluationTimeout();
    void noQueryForMalformedDomain();
};

void TestSpfEvaluator::resultNames()
{
    const QList<std::pair<SpfResult::Result, QString>> names{
        {SpfResult::None, QStringLiteral("none")},
        {SpfResult::Neutral, QStringLiteral("neutral")},
        {SpfResult::Pass, QStringLiteral("pass")},
        {SpfResult::Fail, QStringLiteral("fail")},
        {SpfResult::SoftFail, QStringLiteral("softfail")},
        {SpfResult::TempError, QStringLiteral("temperror")},
        {SpfResult::PermError, QStringLiteral("permerror")},
    };
    for (const auto& [result, name] : names) {
        SpfResult r;
        r.result = result;
        QCOMPARE(r.toString(), name);
        QCOMPARE(SpfResult::resultFromName(name.toUpper()), std::optional(result));
    }
    QVERIFY(!SpfResult::resultFromName(QStringLiteral("unknown")));
}

void TestSpfEvaluator::callbackIsAsynchronous()
{
    FakeResolver resolver;
    bool called = false;
    QObject context;
    // A domain literal as HELO and no MAIL FROM: "none" without any DNS, still not synchronous.
    SpfCheck::checkHost(resolver,
                        request(QStringLiteral("192.0.2.1"), QString(), QStringLiteral("[192.0.2.1]")),
                        &context, [&called](const SpfResult& result) {
                            QCOMPARE(result.result, SpfResult::None);
                            called = true;
                        });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QVERIFY(resolver.queries().isEmpty());
}

void TestSpfEvaluator::destroyedContextCancels()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 -all");
    bool called = false;
    auto* context = new QObject;
    SpfCheck::checkHost(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")),
                        context, [&called](const SpfResult&) { called = true; });
    delete context;
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestSpfEvaluator::heloIdentity()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("mx.sender.example"), "v=spf1 ip4:192.0.2.0/24 -all");
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 -all");
    SpfRequest r = request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com"));
    r.identity = SpfIdentity::Helo;
    const auto result = run(resolver, r);
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Pass);
    QCOMPARE(result->domain, QStringLiteral("mx.sender.example"));
}

void TestSpfEvaluator::nullReversePathUsesHelo()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("mx.sender.example"), "v=spf1 -all exp=why.example.com");
    resolver.addTxt(QStringLiteral("why.example.com"), "%{s} via %{h}");
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QString()));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Fail);
    QCOMPARE(result->explanation, QStringLiteral("postmaster@mx.sender.example via mx.sender.example"));
}

void TestSpfEvaluator::ipv4MappedClient()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"),
                    "v=spf1 ip6:::ffff:192.0.2.1 exists:%{ir}.%{v}.allow.example.com -all");
    resolver.addAddress(QStringLiteral("1.2.0.192.in-addr.allow.example.com"), QStringLiteral("127.0.0.2"));
    const auto result =
        run(resolver, request(QStringLiteral("::ffff:192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    // RFC 7208 5: treated as IPv4, so ip6 cannot match and %{i}, %{v} are the IPv4 forms.
    QCOMPARE(result->result, SpfResult::Pass);
    QCOMPARE(result->mechanism, QStringLiteral("exists:%{ir}.%{v}.allow.example.com"));
}

void TestSpfEvaluator::resultFields()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"),
                    QList<QByteArray>{"v=spf1 a:gone.example.com ", "mx ~all"});
    resolver.addMx(QStringLiteral("example.com"), 10, QStringLiteral("mx.example.com"));
    resolver.addAddress(QStringLiteral("mx.example.com"), QStringLiteral("192.0.2.10"));
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::SoftFail);
    QCOMPARE(result->mechanism, QStringLiteral("~all"));
    QCOMPARE(result->domain, QStringLiteral("example.com"));
    QCOMPARE(result->dnsLookups, 2);
    QCOMPARE(result->voidLookups, 1);
    QVERIFY(result->explanation.isEmpty());
    QVERIFY(result->problem.isEmpty());
}

void TestSpfEvaluator::redirectTakesResultAndDomain()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"),
                    "v=spf1 ip4:198.51.100.1 redirect=_spf.%{d} exp=no.example.com");
    resolver.addTxt(QStringLiteral("_spf.example.com"), "v=spf1 a -all");
    resolver.addAddress(QStringLiteral("_spf.example.com"), QStringLiteral("192.0.2.1"));
    auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Pass);
    QCOMPARE(result->domain, QStringLiteral("_spf.example.com"));
    QCOMPARE(result->mechanism, QStringLiteral("a"));

    result = run(resolver, request(QStringLiteral("192.0.2.9"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Fail);
    // RFC 7208 6.2: the exp= of the redirecting record is not used; the default is.
    QCOMPARE(result->explanation,
             QStringLiteral("example.com does not designate 192.0.2.9 as a permitted sender"));
}

void TestSpfEvaluator::explanations()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 -all exp=explain.%{d}");
    resolver.addTxt(QStringLiteral("explain.example.com"),
                    "%{c} is not one of %{d}'s servers, says %{r} at %{t}");
    SpfOptions options;
    options.timestamp = 1700000000;
    auto result =
        run(resolver, request(QStringLiteral("2001:db8::1"), QStringLiteral("a@example.com")), options);
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Fail);
    QCOMPARE(result->explanation,
             QStringLiteral(
                 "2001:db8::1 is not one of example.com's servers, says mx.receiver.example at 1700000000"));

    // A broken explanation falls back to the default one, here a plain text.
    resolver.addTxt(QStringLiteral("other.example"), "v=spf1 -all exp=broken.example");
    resolver.addTxt(QStringLiteral("broken.example"), "100%");
    options.defaultExplanation = QStringLiteral("not allowed");
    result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@other.example")), options);
    QVERIFY(result);
    QCOMPARE(result->explanation, QStringLiteral("not allowed"));
}

void TestSpfEvaluator::explanationOnlyForFail()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 ~all exp=explain.example.com");
    resolver.addTxt(QStringLiteral("explain.example.com"), "go away");
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::SoftFail);
    QVERIFY(result->explanation.isEmpty());
    QVERIFY(!resolver.queries().contains(QStringLiteral("explain.example.com TXT")));
}

void TestSpfEvaluator::dnsLookupLimit()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 a a a ip4:192.0.2.1 -all");
    resolver.addAddress(QStringLiteral("example.com"), QStringLiteral("198.51.100.1"));
    SpfOptions options;
    options.dnsLookupLimit = 3;
    auto result =
        run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")), options);
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::Pass);
    QCOMPARE(result->dnsLookups, 3);

    options.dnsLookupLimit = 2;
    result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")), options);
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::PermError);
    QCOMPARE(result->mechanism, QStringLiteral("a"));
    QVERIFY(!result->problem.isEmpty());
}

void TestSpfEvaluator::voidLookupLimit()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"),
                    "v=spf1 a:n1.example.com mx:n2.example.com exists:n3.example.com -all");
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::PermError);
    QCOMPARE(result->voidLookups, 3);
    QCOMPARE(result->mechanism, QStringLiteral("exists:n3.example.com"));
}

void TestSpfEvaluator::mxAddressErrorIsTempError()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 mx -all");
    resolver.addMx(QStringLiteral("example.com"), 10, QStringLiteral("mx1.example.com"));
    resolver.setStatus(QStringLiteral("mx1.example.com"), RecordType::A, Status::ServFail);
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::TempError);
    QVERIFY(result->problem.contains(QStringLiteral("mx1.example.com")));
}

void TestSpfEvaluator::ptrErrorIsNoMatch()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 ptr ?all");
    resolver.setStatus(QStringLiteral("1.2.0.192.in-addr.arpa"), RecordType::PTR, Status::Timeout);
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    // RFC 7208 5.5: a DNS error in the PTR lookup only makes "ptr" not match.
    QCOMPARE(result->result, SpfResult::Neutral);
}

void TestSpfEvaluator::includeOfNoneIsPermError()
{
    FakeResolver resolver;
    resolver.addTxt(QStringLiteral("example.com"), "v=spf1 include:nothing.example.com -all");
    resolver.addTxt(QStringLiteral("nothing.example.com"), "not an spf record");
    const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")));
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::PermError);
    QCOMPARE(result->mechanism, QStringLiteral("include:nothing.example.com"));
}

void TestSpfEvaluator::evaluationTimeout()
{
    FakeResolver resolver;
    resolver.setSilent(QStringLiteral("example.com"));
    SpfOptions options;
    options.evaluationTimeout = 100ms;
    const auto result =
        run(resolver, request(QStringLiteral("192.0.2.1"), QStringLiteral("a@example.com")), options);
    QVERIFY(result);
    QCOMPARE(result->result, SpfResult::TempError);
    QVERIFY(!result->problem.isEmpty());
}

void TestSpfEvaluator::noQueryForMalformedDomain()
{
    FakeResolver resolver;
    for (const QString& sender :
         {QStringLiteral("a@localhost"), QStringLiteral("a@foo..example.com"),
          QStringLiteral("a@[192.0.2.1]"),
          QString(QStringLiteral("a@") + QString(64, QLatin1Char('x')) + QStringLiteral(".example"))}) {
        const auto result = run(resolver, request(QStringLiteral("192.0.2.1"), sender));
        QVERIFY(result);
        QCOMPARE(result->result, SpfResult::None);
    }
    QVERIFY(resolver.queries().isEmpty());
}

QTEST_GUILESS_MAIN(TestSpfEvaluator)
#include "tst_spf_evaluator.moc"
