#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/crypto/KeyPair.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using pw::crypto::KeyPair;
using pw::crypto::KeyType;
namespace Base64 = pw::crypto::Base64;

namespace {

// The team's reference folder sits beside the checkout; tests/CMakeLists.txt sets the variable.
QString conformanceDir()
{
    const QString sourceDir = qEnvironmentVariable("POSTWARDEN_SOURCE_DIR");
    if (sourceDir.isEmpty())
        return {};
    return QDir::cleanPath(sourceDir + QStringLiteral("/../shared/conformance"));
}

// Empty when the RFC 8463 files are there; otherwise why the test cannot run.
QString missingRfc8463(const QString& file)
{
    const QString dir = conformanceDir();
    if (dir.isEmpty())
        return QStringLiteral(
            "POSTWARDEN_SOURCE_DIR is not set; run through ctest, or set it to the checkout");
    const QString path = dir + QStringLiteral("/dkim/rfc8463/") + file;
    if (!QFile::exists(path))
        return QStringLiteral("%1 not found: the conformance folder is expected at "
                              "POSTWARDEN_SOURCE_DIR/../shared/conformance, beside the checkout")
            .arg(path);
    return {};
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The p= tag of the record of `dns.txt` whose rdata contains `keyTag` (e.g. "k=ed25519").
QByteArray dkimRecordKey(const QByteArray& zone, const QByteArray& keyTag)
{
    for (const QByteArray& line : zone.split('\n')) {
        if (line.startsWith('#') || !line.contains(keyTag))
            continue;
        for (const QByteArray& tag : line.mid(line.indexOf(' ') + 1).split(';')) {
            const QByteArray trimmed = tag.trimmed();
            if (trimmed.startsWith("p="))
                return trimmed.mid(2);
        }
    }
    return {};
}

mode_t fileMode(const QString& path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

QByteArray flipBit(QByteArray bytes, qsizetype index)
{
    bytes[index] = char(bytes[index] ^ 0x01);
    return bytes;
}

const QByteArray EncryptedPem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                                "MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAguBtsOcnYeMAICCAAw\n"
                                "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEPtl2iiPfzYS/iIyfPgCoycEQOnj\n"
                                "tLb+JJf4Blijw3GNFCh22WMST902tf+U+b6q+QgHqHwrWBPKcH74F4hCHF5ci5jH\n"
                                "x0QWhXYmvxqktCnD554=\n"
                                "-----END ENCRYPTED PRIVATE KEY-----\n";

// An EC P-256 SubjectPublicKeyInfo: valid DER, but no DKIM algorithm uses it.
const QByteArray EcP256Spki =
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEI++wRVSR6itAu3UTTndFzCVkhpG/ob/rGcYx8Z6DmesRkr1/"
    "TmiowIbSSwLNht5G/P/cT4Uza6nF5cSLiAhPaw==";

} // namespace

class TestKeyPair : public QObject
{
    Q_OBJECT

private slots:
    void rfc8032Ed25519_data();
    void rfc8032Ed25519();
    void ed25519RoundTrip();
    void ed25519RawKeySizes();
    void rsaGenerateSignVerify_data();
    void rsaGenerateSignVerify();
    void rsaRejectsSmallKeys();
    void rsaSignatureIsPkcs1Sha256();
    void savePrivatePemIsMode0600_data();
    void savePrivatePemIsMode0600();
    void savePrivatePemReplacesWiderFile();
    void savePrivatePemReportsFailure();
    void loadPrivatePemMissingFile();
    void publicKeyCannotSign();
    void publicDerRejectsTrailingBytes();
    void unsupportedKeyType();
    void encryptedPemIsRefused();
    void garbagePemCarriesOpenSslReason();
    void nullKey();
    void moveLeavesNull();
    void rfc8463Ed25519Record();
    void rfc8463RsaRecord();
};

void TestKeyPair::rfc8032Ed25519_data()
{
    QTest::addColumn<QByteArray>("secretKey");
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("signature");

    // RFC 8032 section 7.1.
    QTest::newRow("TEST 1")
        << QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        << QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        << QByteArray()
        << QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                               "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    QTest::newRow("TEST 2")
        << QByteArray::fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
        << QByteArray::fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
        << QByteArray::fromHex("72")
        << QByteArray::fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                               "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    QTest::newRow("TEST 3")
        << QByteArray::fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
        << QByteArray::fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
        << QByteArray::fromHex("af82")
        << QByteArray::fromHex("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                               "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
    // The message is SHA-512("abc").
    QTest::newRow("TEST SHA(abc)")
        << QByteArray::fromHex("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")
        << QByteArray::fromHex("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")
        << QByteArray::fromHex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                               "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        << QByteArray::fromHex("dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                               "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
}

void TestKeyPair::rfc8032Ed25519()
{
    QFETCH(QByteArray, secretKey);
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, signature);

    auto key = KeyPair::fromRawEd25519Private(secretKey);
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QCOMPARE(key.value().type(), KeyType::Ed25519);
    QVERIFY(key.value().hasPrivateKey());
    QCOMPARE(key.value().rawPublicKey().value(), publicKey);

    const auto signed_ = key.value().sign(message);
    QVERIFY2(signed_.ok(), qPrintable(signed_.error().message));
    QCOMPARE(signed_.value().toHex(), signature.toHex());

    auto verifier = KeyPair::fromRawEd25519Public(publicKey);
    QVERIFY2(verifier.ok(), qPrintable(verifier.error().message));
    QVERIFY(!verifier.value().hasPrivateKey());
    QVERIFY(verifier.value().verify(message, signature));
    QVERIFY(!verifier.value().verify(message, flipBit(signature, 0)));
    QVERIFY(!verifier.value().verify(message, flipBit(signature, 63)));
    QVERIFY(!verifier.value().verify(message + QByteArray(1, '\0'), signature));
    if (!message.isEmpty())
        QVERIFY(!verifier.value().verify(flipBit(message, 0), signature));
}

void TestKeyPair::ed25519RoundTrip()
{
    auto key = KeyPair::generateEd25519();
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QCOMPARE(key.value().type(), KeyType::Ed25519);
    QCOMPARE(key.value().rawPublicKey().value().size(), KeyPair::Ed25519KeySize);

    // DKIM ed25519-sha256 signs the SHA-256 of the header hash input (RFC 8463 section 3).
    const QByteArray digest = pw::crypto::Digest::sha256("from:Joe <joe@example.com>\r\n");
    const auto signature = key.value().sign(digest);
    QVERIFY(signature.ok());
    QCOMPARE(signature.value().size(), 64);

    const auto pem = key.value().privatePem();
    QVERIFY(pem.ok());
    QVERIFY(pem.value().startsWith("-----BEGIN PRIVATE KEY-----"));
    auto reloaded = KeyPair::fromPrivatePem(pem.value());
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.error().message));
    QCOMPARE(reloaded.value().rawPublicKey().value(), key.value().rawPublicKey().value());

    auto fromDer = KeyPair::fromPublicDer(key.value().publicDer().value());
    QVERIFY2(fromDer.ok(), qPrintable(fromDer.error().message));
    QVERIFY(fromDer.value().verify(digest, signature.value()));

    auto fromPem = KeyPair::fromPublicPem(key.value().publicPem().value());
    QVERIFY2(fromPem.ok(), qPrintable(fromPem.error().message));
    QVERIFY(fromPem.value().verify(digest, signature.value()));
    QVERIFY(!fromPem.value().privatePem().ok());
}

void TestKeyPair::ed25519RawKeySizes()
{
    const auto shortSeed = KeyPair::fromRawEd25519Private(QByteArray(31, 'x'));
    QVERIFY(!shortSeed.ok());
    QVERIFY(shortSeed.error().message.contains(QStringLiteral("32")));
    QVERIFY(!KeyPair::fromRawEd25519Public(QByteArray(33, 'x')).ok());
    QVERIFY(!KeyPair::fromRawEd25519Public({}).ok());
}

void TestKeyPair::rsaGenerateSignVerify_data()
{
    QTest::addColumn<int>("bits");
    QTest::newRow("2048") << 2048;
    QTest::newRow("3072") << 3072;
}

void TestKeyPair::rsaGenerateSignVerify()
{
    QFETCH(int, bits);
    auto key = KeyPair::generateRsa(bits);
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QCOMPARE(key.value().type(), KeyType::Rsa);
    QCOMPARE(key.value().bits(), bits);
    QVERIFY(key.value().hasPrivateKey());
    QVERIFY(!key.value().rawPublicKey().ok());

    const QByteArray data = "dkim-signature:v=1; a=rsa-sha256; b=";
    const auto signature = key.value().sign(data);
    QVERIFY2(signature.ok(), qPrintable(signature.error().message));
    QCOMPARE(signature.value().size(), bits / 8);

    auto verifier = KeyPair::fromPublicDer(key.value().publicDer().value());
    QVERIFY2(verifier.ok(), qPrintable(verifier.error().message));
    QCOMPARE(verifier.value().bits(), bits);
    QVERIFY(verifier.value().verify(data, signature.value()));
    QVERIFY(!verifier.value().verify(data, flipBit(signature.value(), 10)));
    QVERIFY(!verifier.value().verify(flipBit(data, 3), signature.value()));
    QVERIFY(!verifier.value().verify(data, signature.value().left(bits / 8 - 1)));
    QVERIFY(!verifier.value().verify(data, {}));
}

void TestKeyPair::rsaRejectsSmallKeys()
{
    const auto key = KeyPair::generateRsa(512);
    QVERIFY(!key.ok());
    QVERIFY(key.error().message.contains(QStringLiteral("512")));
    QVERIFY(!KeyPair::generateRsa(1023).ok());
    QVERIFY(!KeyPair::generateRsa(-1).ok());
}

void TestKeyPair::rsaSignatureIsPkcs1Sha256()
{
    // PKCS#1 v1.5 signatures are deterministic; PSS ones are not. Two equal signatures of the
    // same data prove the padding DKIM rsa-sha256 needs.
    auto key = KeyPair::generateRsa(2048);
    QVERIFY(key.ok());
    const auto first = key.value().sign("abc");
    const auto second = key.value().sign("abc");
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first.value(), second.value());
}

void TestKeyPair::savePrivatePemIsMode0600_data()
{
    QTest::addColumn<bool>("ed25519");
    QTest::newRow("RSA") << false;
    QTest::newRow("Ed25519") << true;
}

void TestKeyPair::savePrivatePemIsMode0600()
{
    QFETCH(bool, ed25519);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("dkim.pem"));

    auto key = ed25519 ? KeyPair::generateEd25519() : KeyPair::generateRsa(2048);
    QVERIFY(key.ok());

    // Even a permissive umask must not widen the key file's mode.
    const mode_t previousUmask = ::umask(0);
    const auto saved = key.value().savePrivatePem(path);
    ::umask(previousUmask);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    QCOMPARE(fileMode(path), mode_t(0600));
    // The temporary file was renamed, not left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("dkim.pem")});

    auto loaded = KeyPair::loadPrivatePem(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
    QVERIFY(loaded.value().hasPrivateKey());
    QCOMPARE(loaded.value().type(), key.value().type());
    QCOMPARE(loaded.value().publicDer().value(), key.value().publicDer().value());
}

void TestKeyPair::savePrivatePemReplacesWiderFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("key.pem"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents");
    old.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);

    auto key = KeyPair::generateEd25519();
    QVERIFY(key.ok());
    QVERIFY(key.value().savePrivatePem(path).ok());
    QCOMPARE(fileMode(path), mode_t(0600));
    QCOMPARE(KeyPair::loadPrivatePem(path).value().rawPublicKey().value(),
             key.value().rawPublicKey().value());
}

void TestKeyPair::savePrivatePemReportsFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto key = KeyPair::generateEd25519();
    QVERIFY(key.ok());
    const auto saved = key.value().savePrivatePem(dir.filePath(QStringLiteral("missing/key.pem")));
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().message.contains(QStringLiteral("missing")), qPrintable(saved.error().message));

    const auto publicOnly = KeyPair::fromRawEd25519Public(key.value().rawPublicKey().value());
    QVERIFY(!publicOnly.value().savePrivatePem(dir.filePath(QStringLiteral("public.pem"))).ok());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("public.pem"))));
}

void TestKeyPair::loadPrivatePemMissingFile()
{
    const auto loaded = KeyPair::loadPrivatePem(QStringLiteral("/nonexistent/postwarden/key.pem"));
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().message.contains(QStringLiteral("/nonexistent/postwarden/key.pem")));
}

void TestKeyPair::publicKeyCannotSign()
{
    auto key = KeyPair::generateRsa(2048);
    QVERIFY(key.ok());
    auto publicOnly = KeyPair::fromPublicPem(key.value().publicPem().value());
    QVERIFY2(publicOnly.ok(), qPrintable(publicOnly.error().message));
    QVERIFY(!publicOnly.value().hasPrivateKey());
    QVERIFY(!publicOnly.value().sign("data").ok());
}

void TestKeyPair::publicDerRejectsTrailingBytes()
{
    auto key = KeyPair::generateEd25519();
    QVERIFY(key.ok());
    const QByteArray der = key.value().publicDer().value();
    QVERIFY(KeyPair::fromPublicDer(der).ok());
    QVERIFY(!KeyPair::fromPublicDer(der + "x").ok());
    QVERIFY(!KeyPair::fromPublicDer(der.chopped(1)).ok());
    QVERIFY(!KeyPair::fromPublicDer({}).ok());
}

void TestKeyPair::unsupportedKeyType()
{
    const auto key = KeyPair::fromPublicDer(Base64::decode(EcP256Spki));
    QVERIFY(!key.ok());
    QVERIFY2(key.error().message.contains(QStringLiteral("unsupported key type")),
             qPrintable(key.error().message));
}

void TestKeyPair::encryptedPemIsRefused()
{
    // Must fail at once instead of prompting on the terminal for a passphrase.
    const auto key = KeyPair::fromPrivatePem(EncryptedPem);
    QVERIFY(!key.ok());
    QVERIFY2(key.error().message.contains(QStringLiteral("encrypted")), qPrintable(key.error().message));
}

void TestKeyPair::garbagePemCarriesOpenSslReason()
{
    const auto key =
        KeyPair::fromPrivatePem("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
    QVERIFY(!key.ok());
    // ERR_error_string_n's format: "error:<code>:<library>:<function>:<reason>".
    QVERIFY2(key.error().message.contains(QStringLiteral("error:")), qPrintable(key.error().message));

    QVERIFY(!KeyPair::fromPrivatePem({}).ok());
    QVERIFY(!KeyPair::fromPublicPem("garbage").ok());
}

void TestKeyPair::nullKey()
{
    const KeyPair key;
    QVERIFY(key.isNull());
    QVERIFY(!key.hasPrivateKey());
    QCOMPARE(key.bits(), 0);
    QVERIFY(!key.sign("x").ok());
    QVERIFY(!key.verify("x", "y"));
    QVERIFY(!key.publicDer().ok());
    QVERIFY(!key.publicPem().ok());
    QVERIFY(!key.privatePem().ok());
    QVERIFY(!key.rawPublicKey().ok());
}

void TestKeyPair::moveLeavesNull()
{
    auto generated = KeyPair::generateEd25519();
    QVERIFY(generated.ok());
    KeyPair key = std::move(generated).value();
    QVERIFY(!key.isNull());
    KeyPair other;
    other = std::move(key);
    QVERIFY(key.isNull()); // NOLINT(bugprone-use-after-move): the moved-from state is the point
    QVERIFY(other.hasPrivateKey());
}

void TestKeyPair::rfc8463Ed25519Record()
{
    if (const QString missing = missingRfc8463(QStringLiteral("ed25519-private-seed.b64"));
        !missing.isEmpty())
        QSKIP(qPrintable(missing));
    const QString dir = conformanceDir() + QStringLiteral("/dkim/rfc8463");

    bool ok = false;
    const QByteArray seed = Base64::decode(readFile(dir + QStringLiteral("/ed25519-private-seed.b64")), &ok);
    QVERIFY(ok);
    const QByteArray p = dkimRecordKey(readFile(dir + QStringLiteral("/dns.txt")), "k=ed25519");
    QVERIFY(!p.isEmpty());

    auto key = KeyPair::fromRawEd25519Private(seed);
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QCOMPARE(Base64::encode(key.value().rawPublicKey().value()), p);
    QVERIFY(KeyPair::fromRawEd25519Public(Base64::decode(p)).ok());
}

void TestKeyPair::rfc8463RsaRecord()
{
    if (const QString missing = missingRfc8463(QStringLiteral("rsa-private.pem")); !missing.isEmpty())
        QSKIP(qPrintable(missing));
    const QString dir = conformanceDir() + QStringLiteral("/dkim/rfc8463");

    auto key = KeyPair::loadPrivatePem(dir + QStringLiteral("/rsa-private.pem"));
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QCOMPARE(key.value().type(), KeyType::Rsa);
    QCOMPARE(key.value().bits(), 1024);
    const QByteArray p = dkimRecordKey(readFile(dir + QStringLiteral("/dns.txt")), "k=rsa");
    QVERIFY(!p.isEmpty());
    QCOMPARE(Base64::encode(key.value().publicDer().value()), p);

    bool ok = false;
    auto verifier = KeyPair::fromPublicDer(Base64::decode(p, &ok));
    QVERIFY(ok);
    QVERIFY2(verifier.ok(), qPrintable(verifier.error().message));
    const auto signature = key.value().sign("abc");
    QVERIFY(signature.ok());
    QVERIFY(verifier.value().verify("abc", signature.value()));
}

QTEST_GUILESS_MAIN(TestKeyPair)
#include "tst_keypair.moc"
