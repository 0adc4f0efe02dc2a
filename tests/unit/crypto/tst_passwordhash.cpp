#include "shared/crypto/Base64.h"
#include "shared/crypto/PasswordHash.h"

#include <QTest>
#include <argon2.h>

namespace PasswordHash = pw::crypto::PasswordHash;

namespace {

// Phc-winner-argon2's src/test.c: password "password", salt "somesalt".
const QByteArray ReferenceHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
const QByteArray ReferenceWeakHash =
    "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

// Built the way the argon2 CLI builds its output, independent of PasswordHash::hash().
QByteArray referenceEncoded(const QByteArray& password, const QByteArray& salt, uint32_t t, uint32_t m,
                            uint32_t p, argon2_type type = Argon2_id)
{
    QByteArray encoded(qsizetype(argon2_encodedlen(t, m, p, uint32_t(salt.size()), 32, type)), '\0');
    const int status = argon2_hash(t, m, p, password.constData(), size_t(password.size()), salt.constData(),
                                   size_t(salt.size()), nullptr, 32, encoded.data(), size_t(encoded.size()),
                                   type, ARGON2_VERSION_13);
    if (status != ARGON2_OK)
        return {};
    encoded.truncate(encoded.indexOf('\0'));
    return encoded;
}

} // namespace

class TestPasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void hashFormat();
    void verifyGoodAndWrongPassword();
    void saltMakesHashesDiffer();
    void binaryAndEmptyPasswords();
    void referenceVectors();
    void externallyEncodedHash();
    void tamperedHashRejected_data();
    void tamperedHashRejected();
    void needsRehash_data();
    void needsRehash();
};

void TestPasswordHash::hashFormat()
{
    const auto hash = PasswordHash::hash("correct horse battery staple");
    QVERIFY2(hash.ok(), qPrintable(hash.error().message));
    const QByteArray prefix = "$argon2id$v=19$m=19456,t=2,p=1$";
    QVERIFY2(hash.value().startsWith(prefix), hash.value().constData());

    const QList<QByteArray> parts = hash.value().split('$');
    QCOMPARE(parts.size(), 6);
    // PHC strings drop the base64 padding; put it back to check the sizes.
    const auto decodedSize = [](QByteArray unpadded) {
        while (unpadded.size() % 4 != 0)
            unpadded += '=';
        bool ok = false;
        const qsizetype size = pw::crypto::Base64::decode(unpadded, &ok).size();
        return ok ? size : -1;
    };
    QCOMPARE(decodedSize(parts[4]), PasswordHash::SaltSize);
    QCOMPARE(decodedSize(parts[5]), PasswordHash::HashSize);
}

void TestPasswordHash::verifyGoodAndWrongPassword()
{
    const QByteArray hash = PasswordHash::hash("hunter2").value();
    QVERIFY(PasswordHash::verify("hunter2", hash));
    QVERIFY(!PasswordHash::verify("hunter3", hash));
    QVERIFY(!PasswordHash::verify("hunter", hash));
    QVERIFY(!PasswordHash::verify("Hunter2", hash));
    QVERIFY(!PasswordHash::verify("", hash));
}

void TestPasswordHash::saltMakesHashesDiffer()
{
    const QByteArray first = PasswordHash::hash("same password").value();
    const QByteArray second = PasswordHash::hash("same password").value();
    QVERIFY(first != second);
    QVERIFY(first.split('$')[4] != second.split('$')[4]);
    QVERIFY(PasswordHash::verify("same password", first));
    QVERIFY(PasswordHash::verify("same password", second));
}

void TestPasswordHash::binaryAndEmptyPasswords()
{
    const QByteArray withNul("pass\0word", 9);
    const QByteArray hash = PasswordHash::hash(withNul).value();
    QVERIFY(PasswordHash::verify(withNul, hash));
    QVERIFY(!PasswordHash::verify("pass", hash));

    const QByteArray utf8 = QStringLiteral("pässwörd✓").toUtf8();
    QVERIFY(PasswordHash::verify(utf8, PasswordHash::hash(utf8).value()));

    const QByteArray empty = PasswordHash::hash({}).value();
    QVERIFY(PasswordHash::verify({}, empty));
    QVERIFY(!PasswordHash::verify("x", empty));
}

void TestPasswordHash::referenceVectors()
{
    QVERIFY(PasswordHash::verify("password", ReferenceHash));
    QVERIFY(!PasswordHash::verify("passwore", ReferenceHash));
    QVERIFY(PasswordHash::verify("password", ReferenceWeakHash));
    QVERIFY(!PasswordHash::verify("Password", ReferenceWeakHash));
}

void TestPasswordHash::externallyEncodedHash()
{
    const QByteArray encoded = referenceEncoded("s3cret", "0123456789abcdef", 3, 4096, 2);
    QVERIFY(!encoded.isEmpty());
    QVERIFY(encoded.startsWith("$argon2id$v=19$m=4096,t=3,p=2$"));
    QVERIFY(PasswordHash::verify("s3cret", encoded));
    QVERIFY(!PasswordHash::verify("s3cre", encoded));
}

void TestPasswordHash::tamperedHashRejected_data()
{
    QTest::addColumn<QByteArray>("encoded");
    const QByteArray good = ReferenceWeakHash;
    QByteArray hashChanged = good;
    hashChanged[hashChanged.size() - 5] = hashChanged[hashChanged.size() - 5] == 'A' ? 'B' : 'A';
    QByteArray saltChanged = good;
    saltChanged.replace("c29tZXNhbHQ", "c29tZXNhbHR");

    QTest::newRow("hash changed") << hashChanged;
    QTest::newRow("salt changed") << saltChanged;
    QTest::newRow("memory changed") << QByteArray(good).replace("m=256", "m=512");
    QTest::newRow("passes changed") << QByteArray(good).replace("t=2", "t=3");
    QTest::newRow("type changed to argon2i") << QByteArray(good).replace("argon2id", "argon2i");
    QTest::newRow("version removed") << QByteArray(good).replace("v=19$", "");
    QTest::newRow("truncated") << good.chopped(4);
    QTest::newRow("trailing garbage") << good + "$x";
    QTest::newRow("embedded NUL") << good + QByteArray(1, '\0');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a hash") << QByteArray("password");
    QTest::newRow("memory bomb") << QByteArray(good).replace("m=256", "m=4294967295");
    QTest::newRow("time bomb") << QByteArray(good).replace("t=2", "t=100000");
}

void TestPasswordHash::tamperedHashRejected()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!PasswordHash::verify("password", encoded));
}

void TestPasswordHash::needsRehash_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<bool>("expected");
    QTest::newRow("current") << PasswordHash::hash("x").value() << false;
    QTest::newRow("stronger memory") << ReferenceHash << false;
    QTest::newRow("weaker memory") << ReferenceWeakHash << true;
    QTest::newRow("fewer passes") << QByteArray("$argon2id$v=19$m=19456,t=1,p=1$c29tZXNhbHQ$aGFzaA") << true;
    QTest::newRow("more passes") << QByteArray("$argon2id$v=19$m=19456,t=3,p=1$c29tZXNhbHQ$aGFzaA") << false;
    QTest::newRow("old version") << QByteArray("$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA") << true;
    QTest::newRow("argon2i") << referenceEncoded("x", "0123456789abcdef", 2, 19456, 1, Argon2_i) << true;
    QTest::newRow("garbage") << QByteArray("$2y$10$abcdefghijklmnopqrstuu") << true;
    QTest::newRow("empty") << QByteArray() << true;
}

void TestPasswordHash::needsRehash()
{
    QFETCH(QByteArray, encoded);
    QFETCH(bool, expected);
    QCOMPARE(PasswordHash::needsRehash(encoded), expected);
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
