#include "shared/crypto/Digest.h"
#include "shared/crypto/Sha256.h"

#include <QTest>

using pw::crypto::Sha256;

class TestDigest : public QObject
{
    Q_OBJECT

private slots:
    void sha256_data();
    void sha256();
    void incrementalMatchesOneShot_data();
    void incrementalMatchesOneShot();
    void resultDoesNotFinish();
    void reset();
    void millionA();
};

void TestDigest::sha256_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    // FIPS 180-2 appendix B and the well-known empty-string digest.
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << QByteArray(
                                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestDigest::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const QByteArray digest = pw::crypto::Digest::sha256(input);
    QCOMPARE(digest.size(), Sha256::Size);
    QCOMPARE(digest.toHex(), expected);
}

void TestDigest::incrementalMatchesOneShot_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("64") << 64;
    QTest::newRow("1000") << 1000;
}

void TestDigest::incrementalMatchesOneShot()
{
    QFETCH(int, chunkSize);
    QByteArray body;
    for (int i = 0; i < 500; ++i)
        body += "line " + QByteArray::number(i) + "\r\n";

    // DKIM body hashing feeds the canonicalised body as it arrives, in whatever pieces.
    Sha256 hash;
    for (qsizetype offset = 0; offset < body.size(); offset += chunkSize)
        hash.addData(QByteArrayView(body).sliced(offset, qMin<qsizetype>(chunkSize, body.size() - offset)));
    hash.addData({});
    QCOMPARE(hash.result(), pw::crypto::Digest::sha256(body));
}

void TestDigest::resultDoesNotFinish()
{
    Sha256 hash;
    hash.addData("ab");
    QCOMPARE(hash.result(), pw::crypto::Digest::sha256("ab"));
    hash.addData("c");
    QCOMPARE(hash.result().toHex(),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestDigest::reset()
{
    Sha256 hash;
    hash.addData("something else");
    hash.reset();
    hash.addData("abc");
    QCOMPARE(hash.result(), pw::crypto::Digest::sha256("abc"));

    Sha256 moved = std::move(hash);
    QCOMPARE(moved.result(), pw::crypto::Digest::sha256("abc"));
}

void TestDigest::millionA()
{
    Sha256 hash;
    const QByteArray thousand(1000, 'a');
    for (int i = 0; i < 1000; ++i)
        hash.addData(thousand);
    QCOMPARE(hash.result().toHex(),
             QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
