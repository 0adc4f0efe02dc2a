// DeliverabilityScore: every weight, the clamp at 0 and 10, and "could not tell" costing nothing.

#include "shared/diag/DeliverabilityScore.h"

#include <QJsonArray>
#include <QTest>

using namespace pw::diag;

namespace {

DeliverabilityAuth allPass()
{
    DeliverabilityAuth auth;
    auth.spf = QStringLiteral("pass");
    auth.dkim = {QStringLiteral("pass")};
    auth.dmarc = QStringLiteral("pass");
    auth.dmarcPolicy = QStringLiteral("quarantine");
    return auth;
}

CheckResult check(const QString& id, CheckStatus status)
{
    CheckResult result;
    result.id = id;
    result.status = status;
    result.title = id;
    result.summary = QStringLiteral("summary of ") + id;
    return result;
}

const ScoreDeduction* find(const DeliverabilityScore& score, const QString& id)
{
    for (const ScoreDeduction& line : score.deductions) {
        if (line.id == id)
            return &line;
    }
    return nullptr;
}

} // namespace

class DeliverabilityScoreTest : public QObject
{
    Q_OBJECT

private slots:
    void perfect()
    {
        const CheckResults checks{check(QStringLiteral("ptr.v4"), CheckStatus::Pass),
                                  check(QStringLiteral("blocklist.zen.example"), CheckStatus::Pass),
                                  check(QStringLiteral("tls.submission"), CheckStatus::Pass)};
        const DeliverabilityScore score = DeliverabilityScore::compute(allPass(), checks);
        QCOMPARE(score.score, 10.0);
        QVERIFY(score.deductions.isEmpty());
        QCOMPARE(DeliverabilityScore::formatPoints(score.score), QStringLiteral("10"));
    }

    void authWeights_data()
    {
        QTest::addColumn<QString>("spf");
        QTest::addColumn<QStringList>("dkim");
        QTest::addColumn<QString>("dmarc");
        QTest::addColumn<double>("expected");
        QTest::newRow("spf fail") << "fail" << QStringList{"pass"} << "pass" << 8.0;
        QTest::newRow("spf permerror") << "permerror" << QStringList{"pass"} << "pass" << 8.0;
        QTest::newRow("spf softfail") << "softfail" << QStringList{"pass"} << "pass" << 9.0;
        QTest::newRow("spf neutral") << "neutral" << QStringList{"pass"} << "pass" << 9.0;
        QTest::newRow("spf none") << "none" << QStringList{"pass"} << "pass" << 9.0;
        QTest::newRow("spf temperror") << "temperror" << QStringList{"pass"} << "pass" << 10.0;
        QTest::newRow("dkim fail") << "pass" << QStringList{"fail"} << "pass" << 8.0;
        QTest::newRow("dkim unsigned") << "pass" << QStringList{} << "pass" << 8.0;
        QTest::newRow("dkim one of two") << "pass" << QStringList{"fail", "pass"} << "pass" << 10.0;
        QTest::newRow("dkim temperror") << "pass" << QStringList{"temperror"} << "pass" << 10.0;
        QTest::newRow("dmarc none") << "pass" << QStringList{"pass"} << "none" << 9.0;
        QTest::newRow("dmarc fail") << "pass" << QStringList{"pass"} << "fail" << 8.5;
        QTest::newRow("all fail") << "fail" << QStringList{"fail"} << "fail" << 4.5;
    }

    void authWeights()
    {
        QFETCH(QString, spf);
        QFETCH(QStringList, dkim);
        QFETCH(QString, dmarc);
        QFETCH(double, expected);
        DeliverabilityAuth auth;
        auth.spf = spf;
        auth.dkim = dkim;
        auth.dmarc = dmarc;
        const DeliverabilityScore score = DeliverabilityScore::compute(auth, {});
        QCOMPARE(score.score, expected);
        for (const ScoreDeduction& line : score.deductions) {
            QVERIFY(!line.title.isEmpty());
            QVERIFY(!line.why.isEmpty());
            if (!line.unknown)
                QVERIFY(!line.fix.isEmpty());
        }
    }

    void checkWeights_data()
    {
        QTest::addColumn<CheckResults>("checks");
        QTest::addColumn<double>("expected");
        QTest::newRow("ptr missing") << CheckResults{check("ptr.v4", CheckStatus::Fail)} << 8.5;
        QTest::newRow("ptr counted once")
            << CheckResults{check("ptr.v4", CheckStatus::Fail), check("ptr.fcrdns", CheckStatus::Fail),
                            check("ptr.hostname", CheckStatus::Warn)}
            << 8.5;
        QTest::newRow("ptr info") << CheckResults{check("ptr.v6", CheckStatus::Info)} << 10.0;
        QTest::newRow("one ip blocklist")
            << CheckResults{check("blocklist.a.example", CheckStatus::Fail)} << 7.0;
        QTest::newRow("two ip blocklists") << CheckResults{check("blocklist.a.example", CheckStatus::Fail),
                                                           check("blocklist.b.example", CheckStatus::Fail)}
                                           << 4.0;
        QTest::newRow("domain blocklist") << CheckResults{check("dbl.d.example", CheckStatus::Fail)} << 7.0;
        QTest::newRow("dynamic ip") << CheckResults{check("ip.static", CheckStatus::Warn),
                                                    check("ip.pbl", CheckStatus::Fail)}
                                    << 9.0;
        QTest::newRow("public ip not scored") << CheckResults{check("ip.public", CheckStatus::Fail)} << 10.0;
        QTest::newRow("hostname") << CheckResults{check("hostname.fqdn", CheckStatus::Fail),
                                                  check("hostname.banner.smtp", CheckStatus::Warn)}
                                  << 9.5;
        QTest::newRow("tls") << CheckResults{check("tls.smtp", CheckStatus::Fail)} << 9.5;
        QTest::newRow("tls warning") << CheckResults{check("tls.smtp", CheckStatus::Warn)} << 10.0;
        QTest::newRow("mx not scored") << CheckResults{check("mx.present", CheckStatus::Fail)} << 10.0;
    }

    void checkWeights()
    {
        QFETCH(CheckResults, checks);
        QFETCH(double, expected);
        QCOMPARE(DeliverabilityScore::compute(allPass(), checks).score, expected);
    }

    void clampsAtZero()
    {
        DeliverabilityAuth auth;
        auth.spf = QStringLiteral("fail");
        auth.dkim = {QStringLiteral("fail")};
        auth.dmarc = QStringLiteral("fail");
        const CheckResults checks{
            check("blocklist.a.example", CheckStatus::Fail), check("blocklist.b.example", CheckStatus::Fail),
            check("dbl.d.example", CheckStatus::Fail), check("ptr.v4", CheckStatus::Fail)};
        const DeliverabilityScore score = DeliverabilityScore::compute(auth, checks);
        QCOMPARE(score.score, 0.0);
        double sum = 0;
        for (const ScoreDeduction& line : score.deductions)
            sum += line.points;
        QCOMPARE(sum, 2.0 + 2.0 + 1.5 + 3.0 + 3.0 + 3.0 + 1.5);
        QCOMPARE(DeliverabilityScore::formatPoints(score.score), QStringLiteral("0"));
    }

    void unknownsCostNothing()
    {
        const CheckResults checks{check("blocklist.a.example", CheckStatus::Unknown),
                                  check("tls.smtp", CheckStatus::Unknown),
                                  check("ptr.v4", CheckStatus::Unknown)};
        const DeliverabilityScore score = DeliverabilityScore::compute(std::nullopt, checks);
        QCOMPARE(score.score, 10.0);
        QCOMPARE(score.deductions.size(), 6); // spf, dkim, dmarc, blocklist, tls, ptr
        for (const ScoreDeduction& line : score.deductions) {
            QVERIFY(line.unknown);
            QCOMPARE(line.points, 0.0);
        }
        QVERIFY(find(score, "auth.spf"));
        QVERIFY(find(score, "blocklist.a.example"));
        QCOMPARE(find(score, "tls.smtp")->why, QStringLiteral("summary of tls.smtp"));
    }

    void unknownBesideAProblemIsHidden()
    {
        const CheckResults checks{check("ptr.v4", CheckStatus::Fail), check("ptr.v6", CheckStatus::Unknown)};
        const DeliverabilityScore score = DeliverabilityScore::compute(allPass(), checks);
        QCOMPARE(score.score, 8.5);
        QCOMPARE(score.deductions.size(), 1);
        QCOMPARE(score.deductions.first().id, QStringLiteral("ptr.v4"));
    }

    void fromJsonAndFormat()
    {
        const QJsonObject answer{
            {"spf", QJsonObject{{"result", "softfail"}, {"explanation", ""}}},
            {"dkim",
             QJsonArray{QJsonObject{{"result", "pass"}, {"domain", "example.org"}, {"selector", "s1"}}}},
            {"dmarc", QJsonObject{{"result", "pass"}, {"policy", "reject"}}}};
        const DeliverabilityAuth auth = DeliverabilityAuth::fromJson(answer);
        QCOMPARE(auth.spf, QStringLiteral("softfail"));
        QCOMPARE(auth.dkim, QStringList{QStringLiteral("pass")});
        QCOMPARE(auth.dmarcPolicy, QStringLiteral("reject"));
        const DeliverabilityScore score = DeliverabilityScore::compute(auth, {});
        QCOMPARE(DeliverabilityScore::formatPoints(score.score), QStringLiteral("9"));
        QCOMPARE(DeliverabilityScore::formatPoints(9.5), QStringLiteral("9.5"));
        const QJsonObject json = score.toJson();
        QCOMPARE(json.value("score").toDouble(), 9.0);
        QCOMPARE(json.value("deductions").toArray().first().toObject().value("id").toString(),
                 QStringLiteral("auth.spf"));
    }
};

QTEST_GUILESS_MAIN(DeliverabilityScoreTest)
#include "tst_deliverability_score.moc"
