#include "service/control/StatsMethods.h"
#include "service/core/TrafficCounter.h"
#include "service/store/Database.h"
#include "service/store/Migrations.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>

using pw::core::LogLevel;
using pw::core::LogRecord;
using pw::service::Database;
using pw::service::TrafficCounter;
using pw::service::TrafficCounts;

namespace {

QDateTime utc(const char* iso)
{
    QDateTime time = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

LogRecord smtpRecord(const QDateTime& time, const QJsonObject& fields)
{
    return LogRecord{
        0, time, LogLevel::Info, QStringLiteral("smtp"), QStringLiteral("x"), QStringLiteral("s1"), fields};
}

// A message from the MX stored in local mailboxes, as MessageAcceptance logs it.
LogRecord received(const QDateTime& time)
{
    return smtpRecord(time, {{QStringLiteral("result"), QStringLiteral("accepted")},
                             {QStringLiteral("role"), QStringLiteral("smtp")},
                             {QStringLiteral("file"), QStringLiteral("messages/x")}});
}

bool sameCounts(const TrafficCounts& a, qint64 received, qint64 sent, qint64 rejected)
{
    return a.received == received && a.sent == sent && a.rejected == rejected;
}

QJsonObject counts(qint64 received, qint64 sent, qint64 rejected)
{
    return {{QStringLiteral("received"), received},
            {QStringLiteral("sent"), sent},
            {QStringLiteral("rejected"), rejected}};
}

} // namespace

class TestStoreTraffic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A zone half an hour off UTC, so that local midnight is not an hour boundary. A POSIX
        // TZ string needs no time zone database.
        qputenv("TZ", "XST-5:30");
        tzset();
    }

    void classifiesTransactions()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(sameCounts(TrafficCounter::classify(received(now)), 1, 0, 0));
        // An authenticated submission delivered locally: received and sent.
        QVERIFY(sameCounts(TrafficCounter::classify(
                               smtpRecord(now, {{QStringLiteral("result"), QStringLiteral("accepted")},
                                                {QStringLiteral("role"), QStringLiteral("submissions")},
                                                {QStringLiteral("user"), QStringLiteral("alice@example.org")},
                                                {QStringLiteral("file"), QStringLiteral("messages/y")}})),
                           1, 1, 0));
        // Accepted but stored nowhere (nothing does that yet): not received.
        QVERIFY(sameCounts(
            TrafficCounter::classify(smtpRecord(now, {{QStringLiteral("result"), QStringLiteral("accepted")},
                                                      {QStringLiteral("role"), QStringLiteral("smtp")}})),
            0, 0, 0));
        // A refused message with two refused recipients before it.
        QVERIFY(
            sameCounts(TrafficCounter::classify(smtpRecord(
                           now, {{QStringLiteral("result"), QStringLiteral("rejected")},
                                 {QStringLiteral("rejected"),
                                  QJsonArray{QStringLiteral("<a@x>: 550"), QStringLiteral("<b@x>: 550")}}})),
                       0, 0, 3));
        // A transaction that ended without a message, with one refused recipient.
        QVERIFY(
            sameCounts(TrafficCounter::classify(smtpRecord(
                           now, {{QStringLiteral("result"), QStringLiteral("abandoned")},
                                 {QStringLiteral("rejected"), QJsonArray{QStringLiteral("<a@x>: 550")}}})),
                       0, 0, 1));
        LogRecord other = received(now);
        other.category = QStringLiteral("imap");
        QVERIFY(TrafficCounter::classify(other).isEmpty());
    }

    void countsSurviveAndMerge()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("postwarden.db"));
        QStringList errors;
        const auto onError = [&errors](const QString& message) {
            errors.append(message);
        };
        const qint64 from = utc("2026-03-10T00:00:00Z").toSecsSinceEpoch();
        {
            Database db;
            QVERIFY(db.open(path).ok());
            QCOMPARE(db.schemaVersion(), pw::service::migrations().constLast().version);
            TrafficCounter counter(db, onError);
            counter.count(received(utc("2026-03-10T10:01:00Z")));
            counter.count(received(utc("2026-03-10T10:14:59Z")));
            counter.count(received(utc("2026-03-10T10:15:00Z")));
            // Not written yet, but counted.
            auto periods = counter.since(from);
            QCOMPARE(periods.size(), 2);
            QVERIFY(sameCounts(periods.value(utc("2026-03-10T10:00:00Z").toSecsSinceEpoch()), 2, 0, 0));
            QVERIFY(sameCounts(periods.value(utc("2026-03-10T10:15:00Z").toSecsSinceEpoch()), 1, 0, 0));
            counter.flush();
            counter.count(received(utc("2026-03-10T10:05:00Z")));
            periods = counter.since(from);
            QVERIFY(sameCounts(periods.value(utc("2026-03-10T10:00:00Z").toSecsSinceEpoch()), 3, 0, 0));
            counter.flush();
            // Periods before `from` are left out.
            QCOMPARE(counter.since(utc("2026-03-10T10:15:00Z").toSecsSinceEpoch()).size(), 1);
        }
        Database db;
        QVERIFY(db.open(path).ok());
        TrafficCounter counter(db, onError);
        const auto periods = counter.since(from);
        QCOMPARE(periods.size(), 2);
        QVERIFY(sameCounts(periods.value(utc("2026-03-10T10:00:00Z").toSecsSinceEpoch()), 3, 0, 0));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void statsCountTodayFromLocalMidnight()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("postwarden.db"))).ok());
        TrafficCounter counter(db, nullptr);
        // Local midnight of 2026-03-11 in UTC+5:30 is 2026-03-10T18:30Z.
        const QDateTime now = utc("2026-03-10T20:10:00Z");
        counter.count(received(utc("2026-03-10T18:29:59Z"))); // yesterday, local time
        counter.flush();
        counter.count(received(utc("2026-03-10T18:30:00Z")));
        counter.count(smtpRecord(utc("2026-03-10T19:59:00Z"),
                                 {{QStringLiteral("result"), QStringLiteral("rejected")}}));
        counter.count(received(utc("2026-03-10T20:09:00Z")));
        counter.count(received(utc("2026-03-09T20:59:00Z"))); // before the 24 hours

        const QJsonObject stats = pw::service::trafficStats(counter, now);
        QCOMPARE(stats.value(QStringLiteral("today")).toObject(), counts(2, 0, 1));
        const QJsonArray hours = stats.value(QStringLiteral("hours")).toArray();
        QCOMPARE(hours.size(), 24);
        QCOMPARE(hours.first().toObject().value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-03-09T21:00:00Z"));
        QJsonObject last = hours.last().toObject();
        QCOMPARE(last.take(QStringLiteral("start")).toString(), QStringLiteral("2026-03-10T20:00:00Z"));
        QCOMPARE(last, counts(1, 0, 0));
        QJsonObject sixPm = hours.at(21).toObject();
        QCOMPARE(sixPm.take(QStringLiteral("start")).toString(), QStringLiteral("2026-03-10T18:00:00Z"));
        QCOMPARE(sixPm, counts(2, 0, 0));
        QCOMPARE(hours.at(22).toObject().value(QStringLiteral("rejected")).toInteger(), 1);
        qint64 total = 0;
        for (const QJsonValue& hour : hours)
            total += hour.toObject().value(QStringLiteral("received")).toInteger();
        QCOMPARE(total, 3);
        QCOMPARE(stats.value(QStringLiteral("queue")).toObject(),
                 (QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("available"), false}}));
    }
};

QTEST_GUILESS_MAIN(TestStoreTraffic)
#include "tst_store_traffic.moc"
