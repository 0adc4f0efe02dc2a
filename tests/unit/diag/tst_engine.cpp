// DiagnosticsEngine with scripted checks: concurrency, result order, progress, the per-check
// timeout, DNS-only mode and cancellation.

#include "shared/diag/DiagnosticsEngine.h"
#include "shared/dns/Resolver.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace pw::diag;
using namespace std::chrono_literals;

namespace {

// The engine never asks the resolver anything itself; checks do.
class NoResolver : public pw::dns::Resolver
{
public:
    void lookup(const QString&, pw::dns::RecordType, QObject*, Callback) override
    {
        QFAIL("unexpected lookup");
    }
};

// Answers after `delayMs` (or never, with a negative delay) with one result.
class ScriptedCheck : public Check
{
public:
    ScriptedCheck(QString id, int delayMs, CheckStatus status, bool network = false)
        : m_id(std::move(id))
        , m_delayMs(delayMs)
        , m_status(status)
        , m_network(network)
    {}

    QString id() const override { return m_id; }
    QString title() const override { return m_id.toUpper(); }
    bool usesNetwork() const override { return m_network; }
    void run(const CheckEnvironment&, QObject* context, Done done) override
    {
        ++runs;
        if (m_delayMs < 0)
            return;
        QTimer::singleShot(m_delayMs, context, [this, done] {
            CheckResult result;
            result.id = m_id;
            result.status = m_status;
            done({result});
        });
    }

    int runs = 0;

private:
    QString m_id;
    int m_delayMs;
    CheckStatus m_status;
    bool m_network;
};

CheckList makeChecks(std::initializer_list<ScriptedCheck*> checks)
{
    CheckList list;
    for (ScriptedCheck* check : checks)
        list.emplace_back(check);
    return list;
}

QStringList ids(const CheckResults& results)
{
    QStringList list;
    for (const CheckResult& result : results)
        list << result.id;
    return list;
}

} // namespace

class TestDiagnosticsEngine : public QObject
{
    Q_OBJECT

private slots:
    void resultsKeepCheckOrderAndRunConcurrently()
    {
        NoResolver resolver;
        DiagnosticsEngine engine(
            resolver, makeChecks({new ScriptedCheck(QStringLiteral("slow"), 300, CheckStatus::Pass),
                                  new ScriptedCheck(QStringLiteral("fast"), 10, CheckStatus::Fail),
                                  new ScriptedCheck(QStringLiteral("mid"), 100, CheckStatus::Warn)}));
        QSignalSpy progress(&engine, &DiagnosticsEngine::progress);
        QSignalSpy finished(&engine, &DiagnosticsEngine::finished);
        QElapsedTimer timer;
        timer.start();
        engine.start(DiagnosticsInput{});
        QVERIFY(engine.isRunning());
        QVERIFY(finished.wait(5000));
        // Concurrent: the total is the slowest check, not the sum.
        QVERIFY2(timer.elapsed() < 390, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.at(0).at(2).toString(), QStringLiteral("FAST"));
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(progress.last().at(1).toInt(), 3);
        const auto results = finished.first().first().value<CheckResults>();
        QCOMPARE(ids(results),
                 (QStringList{QStringLiteral("slow"), QStringLiteral("fast"), QStringLiteral("mid")}));
        QCOMPARE(worstStatus(results), CheckStatus::Fail);
        QVERIFY(!engine.isRunning());
    }

    void silentCheckTimesOutAsUnknown()
    {
        NoResolver resolver;
        DiagnosticsEngine engine(resolver,
                                 makeChecks({new ScriptedCheck(QStringLiteral("dead"), -1, CheckStatus::Pass),
                                             new ScriptedCheck(QStringLiteral("ok"), 5, CheckStatus::Pass)}));
        engine.setCheckTimeout(200ms);
        QSignalSpy finished(&engine, &DiagnosticsEngine::finished);
        engine.start(DiagnosticsInput{});
        QVERIFY(finished.wait(5000));
        const auto results = finished.first().first().value<CheckResults>();
        QCOMPARE(ids(results), (QStringList{QStringLiteral("dead.timeout"), QStringLiteral("ok")}));
        QCOMPARE(results.first().status, CheckStatus::Unknown);
        QVERIFY(!results.first().summary.isEmpty());
        // Unknown is not a pass.
        QCOMPARE(worstStatus(results), CheckStatus::Unknown);
    }

    void dnsOnlySkipsNetworkChecks()
    {
        NoResolver resolver;
        auto* network = new ScriptedCheck(QStringLiteral("ports"), 5, CheckStatus::Pass, true);
        auto* dns = new ScriptedCheck(QStringLiteral("mx"), 5, CheckStatus::Pass);
        DiagnosticsEngine engine(resolver, makeChecks({network, dns}));
        QSignalSpy finished(&engine, &DiagnosticsEngine::finished);
        DiagnosticsInput input;
        input.dnsOnly = true;
        engine.start(input);
        QVERIFY(finished.wait(5000));
        QCOMPARE(network->runs, 0);
        QCOMPARE(dns->runs, 1);
        const auto results = finished.first().first().value<CheckResults>();
        QCOMPARE(ids(results), (QStringList{QStringLiteral("ports.skipped"), QStringLiteral("mx")}));
        QCOMPARE(results.first().status, CheckStatus::Info);
    }

    void cancelledRunReportsNothingMore()
    {
        NoResolver resolver;
        DiagnosticsEngine engine(resolver,
                                 makeChecks({new ScriptedCheck(QStringLiteral("a"), 50, CheckStatus::Pass)}));
        QSignalSpy finished(&engine, &DiagnosticsEngine::finished);
        QSignalSpy checkFinished(&engine, &DiagnosticsEngine::checkFinished);
        engine.start(DiagnosticsInput{});
        engine.cancel();
        QVERIFY(!engine.isRunning());
        QTest::qWait(150);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(checkFinished.size(), 0);
        // And it can run again afterwards.
        engine.start(DiagnosticsInput{});
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<CheckResults>().size(), 1);
    }

    void noChecksFinishesEmpty()
    {
        NoResolver resolver;
        DiagnosticsEngine engine(resolver, CheckList{});
        QSignalSpy finished(&engine, &DiagnosticsEngine::finished);
        engine.start(DiagnosticsInput{});
        QVERIFY(finished.wait(2000));
        QVERIFY(finished.first().first().value<CheckResults>().isEmpty());
    }

    void resultJsonRoundTrip()
    {
        CheckResult result{QStringLiteral("spf.record"),
                           CheckStatus::Warn,
                           QStringLiteral("SPF"),
                           QStringLiteral("one line"),
                           QStringLiteral("why"),
                           QStringLiteral("what to do"),
                           {QStringLiteral("example.org TXT \"v=spf1 ~all\"")}};
        const CheckResult back = CheckResult::fromJson(result.toJson());
        QCOMPARE(back.id, result.id);
        QCOMPARE(back.status, result.status);
        QCOMPARE(back.fix, result.fix);
        QCOMPARE(back.evidence, result.evidence);
        QCOMPARE(result.toJson().value(QStringLiteral("status")).toString(), QStringLiteral("warn"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticsEngine)
#include "tst_engine.moc"
