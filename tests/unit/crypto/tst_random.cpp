#include "shared/crypto/Random.h"

#include <QSet>
#include <QTest>

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void sizes();
    void distinct();
    void negativeCountIsAnError();
};

void TestRandom::sizes()
{
    for (const qsizetype count : {0, 1, 16, 32, 4096}) {
        const auto random = pw::crypto::Random::bytes(count);
        QVERIFY2(random.ok(), qPrintable(random.error().message));
        QCOMPARE(random.value().size(), count);
    }
}

void TestRandom::distinct()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(pw::crypto::Random::bytes(16).value());
    QCOMPARE(seen.size(), 100);
}

void TestRandom::negativeCountIsAnError()
{
    QVERIFY(!pw::crypto::Random::bytes(-1).ok());
}

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
