#include "shared/crypto/ConstantTime.h"

#include <QTest>

using pw::crypto::ConstantTime::equals;

class TestConstantTime : public QObject
{
    Q_OBJECT

private slots:
    void equals_data();
    void equals();
};

void TestConstantTime::equals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("expected");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("equal") << QByteArray("token-123") << QByteArray("token-123") << true;
    QTest::newRow("first byte differs") << QByteArray("xoken-123") << QByteArray("token-123") << false;
    QTest::newRow("last byte differs") << QByteArray("token-124") << QByteArray("token-123") << false;
    QTest::newRow("prefix") << QByteArray("token") << QByteArray("token-123") << false;
    QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("binary equal") << QByteArray("\0\1\2", 3) << QByteArray("\0\1\2", 3) << true;
    QTest::newRow("binary differs") << QByteArray("\0\1\2", 3) << QByteArray("\0\1\3", 3) << false;
}

void TestConstantTime::equals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, expected);
    QCOMPARE(pw::crypto::ConstantTime::equals(a, b), expected);
    QCOMPARE(pw::crypto::ConstantTime::equals(b, a), expected);
}

QTEST_GUILESS_MAIN(TestConstantTime)
#include "tst_constanttime.moc"
