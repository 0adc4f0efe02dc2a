#include "shared/crypto/Base64.h"
#include "shared/crypto/Random.h"

#include <QTest>

namespace Base64 = pw::crypto::Base64;

class TestBase64 : public QObject
{
    Q_OBJECT

private slots:
    void rfc4648_data();
    void rfc4648();
    void roundTripMatchesQt();
    void foldedInput_data();
    void foldedInput();
    void invalidInput_data();
    void invalidInput();
};

void TestBase64::rfc4648_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    // RFC 4648 section 10.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg==");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    QTest::newRow("all bits") << QByteArray::fromHex("fbff") << QByteArray("+/8=");
}

void TestBase64::rfc4648()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Base64::encode(plain), encoded);
    bool ok = false;
    QCOMPARE(Base64::decode(encoded, &ok), plain);
    QVERIFY(ok);
}

void TestBase64::roundTripMatchesQt()
{
    for (int size = 0; size < 70; ++size) {
        const QByteArray data = pw::crypto::Random::bytes(size).value();
        const QByteArray encoded = Base64::encode(data);
        QCOMPARE(encoded, data.toBase64());
        bool ok = false;
        QCOMPARE(Base64::decode(encoded, &ok), data);
        QVERIFY(ok);
    }
}

void TestBase64::foldedInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("plain");
    QTest::newRow("CRLF and space") << QByteArray("Zm9v\r\n YmFy") << QByteArray("foobar");
    QTest::newRow("tab") << QByteArray("Zm9v\tYmFy") << QByteArray("foobar");
    QTest::newRow("inside a group") << QByteArray("Zm 9v Ym Fy") << QByteArray("foobar");
    // RFC 6376 section 2.4 allows FWS between the padding characters too.
    QTest::newRow("between padding") << QByteArray("Zm9vYg=\r\n =") << QByteArray("foob");
    QTest::newRow("leading and trailing") << QByteArray("\r\n\t Zm9vYmE= \r\n") << QByteArray("fooba");
    QTest::newRow("only whitespace") << QByteArray(" \r\n\t") << QByteArray();
    QTest::newRow("DKIM b= tag") << QByteArray("/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n"
                                               " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==")
                                 << QByteArray::fromBase64(
                                        "/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus"
                                        "Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==");
}

void TestBase64::foldedInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, plain);
    bool ok = false;
    QCOMPARE(Base64::decode(text, &ok), plain);
    QVERIFY(ok);
}

void TestBase64::invalidInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("bad character") << QByteArray("Zm9v!mFy");
    QTest::newRow("url-safe alphabet") << QByteArray("-_8=");
    QTest::newRow("NUL") << QByteArray("Zm9v\0YmFy", 9);
    QTest::newRow("vertical tab") << QByteArray("Zm9v\vYmFy");
    QTest::newRow("missing padding") << QByteArray("Zm9vYg");
    QTest::newRow("short padding") << QByteArray("Zm9vYg=");
    QTest::newRow("incomplete group") << QByteArray("Zm9vY");
    QTest::newRow("too much padding") << QByteArray("Zg===");
    QTest::newRow("three pads") << QByteArray("Z===");
    QTest::newRow("only padding") << QByteArray("====");
    QTest::newRow("padding first") << QByteArray("=Zg=");
    QTest::newRow("data after padding") << QByteArray("Zg=a");
    QTest::newRow("group after padding") << QByteArray("Zg==Zg==");
    QTest::newRow("text after padding") << QByteArray("Zm8= x");
}

void TestBase64::invalidInput()
{
    QFETCH(QByteArray, text);
    bool ok = true;
    QCOMPARE(Base64::decode(text, &ok), QByteArray());
    QVERIFY(!ok);
    QCOMPARE(Base64::decode(text), QByteArray());
}

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
