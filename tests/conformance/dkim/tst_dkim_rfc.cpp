// The DKIM examples of the RFCs, verified with their DNS key records served by a loopback DNS
// server: RFC 6376 Appendix A.2 against the Appendix C key, and both signatures of RFC 8463
// Appendix A. Being deterministic (RSASSA-PKCS1-v1_5, Ed25519), the signatures are also made
// again from the RFCs' private keys with our canonicalisation and must come out identical.

#include "shared/auth/dkim/DkimHashing.h"
#include "shared/auth/dkim/DkimSignature.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/crypto/KeyPair.h"
#include "shared/dns/LdnsResolver.h"
#include "shared/mail/HeaderParser.h"
#include "tests/support/TestDnsServer.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <optional>

using namespace pw::auth;
using pw::crypto::KeyPair;
using pw::test::TestDnsServer;
namespace Base64 = pw::crypto::Base64;

namespace {

// RFC 8463 A.3 signs at t=1528637909 (June 2018); the check runs a minute later.
const QDateTime Rfc8463Time = QDateTime::fromSecsSinceEpoch(1528637909 + 60, Qt::UTC);

QString conformanceDir()
{
    const QString sourceDir = qEnvironmentVariable("POSTWARDEN_SOURCE_DIR");
    if (sourceDir.isEmpty())
        return {};
    return QDir::cleanPath(sourceDir + QStringLiteral("/../shared/conformance/dkim"));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A TXT rdata in zone syntax: character-strings of at most 255 bytes (RFC 1035 3.3).
QString txt(const QByteArray& text)
{
    QStringList strings;
    for (qsizetype i = 0; i < text.size(); i += 255)
        strings.append(QLatin1Char('"') + QString::fromLatin1(text.mid(i, 255)) + QLatin1Char('"'));
    return strings.join(QLatin1Char(' '));
}

// dns.txt of the conformance folder ("name rdata" per line) as a zone for TestDnsServer.
QString zoneFrom(const QByteArray& dnsTxt)
{
    QString zone;
    for (const QByteArray& rawLine : dnsTxt.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.indexOf(' ');
        zone += QString::fromLatin1(line.left(space)) + QStringLiteral(". TXT ") +
                txt(line.mid(space + 1).trimmed()) + QLatin1Char('\n');
    }
    return zone;
}

// The header hash input of field `index` of `message`, as our verifier computes it.
QByteArray hashInput(const QByteArray& message, qsizetype index)
{
    const auto header = pw::mail::HeaderParser().parse(message).header;
    const auto parse = DkimSignature::parse(header.at(index).rawValue());
    const auto emptied = DkimHashing::withEmptySignature(header.at(index));
    return DkimHashing::headerHashInput(header, parse.signature.signedHeaders,
                                        parse.signature.headerCanonicalization, *emptied, index);
}

QByteArray signatureOf(const QByteArray& message, qsizetype index)
{
    const auto header = pw::mail::HeaderParser().parse(message).header;
    return DkimSignature::parse(header.at(index).rawValue()).signature.signature;
}

} // namespace

class TestDkimRfc : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfc6376AppendixA2();
    void rfc6376BodyHashOfAppendixA1();
    void rfc6376SignatureReproduced();
    void rfc8463BothSignatures();
    void rfc8463SignaturesReproduced();
    void rfc8463TamperedBodyFailsBoth();

private:
    DkimVerification verify(const QString& zone, const QByteArray& message, const QDateTime& now);

    QString m_dir;
};

void TestDkimRfc::initTestCase()
{
    m_dir = conformanceDir();
    if (m_dir.isEmpty() || !QFile::exists(m_dir + QStringLiteral("/rfc8463/signed.eml")))
        QSKIP("the conformance folder is expected at POSTWARDEN_SOURCE_DIR/../shared/conformance");
}

DkimVerification TestDkimRfc::verify(const QString& zone, const QByteArray& message, const QDateTime& now)
{
    TestDnsServer dns;
    if (!dns.start(zone)) {
        qWarning() << dns.errorString();
        return {};
    }
    pw::dns::ResolverOptions options;
    options.servers = {dns.address()};
    options.cacheEnabled = false;
    pw::dns::LdnsResolver resolver(options);
    const DkimVerifier verifier(resolver);
    std::optional<DkimVerification> outcome;
    QObject context;
    verifier.verify(message, now, &context,
                    [&](const DkimVerification& verification) { outcome = verification; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
        return {};
    return *outcome;
}

void TestDkimRfc::rfc6376AppendixA2()
{
    const QByteArray message = readFile(m_dir + QStringLiteral("/rfc6376/signed.eml"));
    const QString zone = zoneFrom(readFile(m_dir + QStringLiteral("/rfc6376/dns.txt")));
    // A.2 has neither t= nor x=, so any verification time will do.
    const DkimVerification verification = verify(zone, message, QDateTime::currentDateTimeUtc());
    QCOMPARE(verification.results.size(), 1);
    const DkimResult& result = verification.results.first();
    QVERIFY2(result.status == DkimStatus::Pass, qPrintable(result.reasonText));
    QCOMPARE(result.domain, QStringLiteral("example.com"));
    QCOMPARE(result.selector, QStringLiteral("brisbane"));
    QCOMPARE(result.headerI, QStringLiteral("joe@football.example.com"));
    QCOMPARE(result.headerB, QStringLiteral("AuUoFEfD"));
}

void TestDkimRfc::rfc6376BodyHashOfAppendixA1()
{
    // RFC 6376 A.2's bh= is the simple body hash of A.1's body.
    const QByteArray message = readFile(m_dir + QStringLiteral("/rfc6376/unsigned.eml"));
    const auto header = pw::mail::HeaderParser().parse(message).header;
    const auto hash = DkimHashing::bodyHash(QByteArrayView(message).sliced(header.bodyOffset()),
                                            DkimCanonicalization::Simple);
    QCOMPARE(Base64::encode(hash.digest), QByteArray("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8="));
}

void TestDkimRfc::rfc6376SignatureReproduced()
{
    const QByteArray message = readFile(m_dir + QStringLiteral("/rfc6376/signed.eml"));
    auto key = KeyPair::fromPrivatePem(readFile(m_dir + QStringLiteral("/rfc6376/private.pem")));
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    const auto signature = key.value().sign(hashInput(message, 0));
    QVERIFY(signature.ok());
    QCOMPARE(Base64::encode(signature.value()), Base64::encode(signatureOf(message, 0)));
}

void TestDkimRfc::rfc8463BothSignatures()
{
    const QByteArray message = readFile(m_dir + QStringLiteral("/rfc8463/signed.eml"));
    const QString zone = zoneFrom(readFile(m_dir + QStringLiteral("/rfc8463/dns.txt")));
    const DkimVerification verification = verify(zone, message, Rfc8463Time);
    QCOMPARE(verification.results.size(), 2);
    const DkimResult& ed = verification.results.at(0);
    QVERIFY2(ed.status == DkimStatus::Pass, qPrintable(ed.reasonText));
    QCOMPARE(ed.algorithm, QStringLiteral("ed25519-sha256"));
    QCOMPARE(ed.selector, QStringLiteral("brisbane"));
    QCOMPARE(ed.headerI, QStringLiteral("@football.example.com"));
    const DkimResult& rsa = verification.results.at(1);
    QVERIFY2(rsa.status == DkimStatus::Pass, qPrintable(rsa.reasonText));
    QCOMPARE(rsa.algorithm, QStringLiteral("rsa-sha256"));
    QCOMPARE(rsa.selector, QStringLiteral("test"));

    // Checked today, t= is years old but there is no x=: still a pass.
    const DkimVerification today = verify(zone, message, QDateTime::currentDateTimeUtc());
    QCOMPARE(today.results.size(), 2);
    QCOMPARE(today.results.at(0).status, DkimStatus::Pass);
    QCOMPARE(today.results.at(1).status, DkimStatus::Pass);
    // Checked before it was made, it is dated in the future.
    const DkimVerification before = verify(zone, message, Rfc8463Time.addDays(-1));
    QCOMPARE(before.results.at(0).reason, DkimReason::FutureTimestamp);
}

void TestDkimRfc::rfc8463SignaturesReproduced()
{
    const QByteArray message = readFile(m_dir + QStringLiteral("/rfc8463/signed.eml"));
    bool ok = false;
    const QByteArray seed =
        Base64::decode(readFile(m_dir + QStringLiteral("/rfc8463/ed25519-private-seed.b64")), &ok);
    QVERIFY(ok);
    auto ed = KeyPair::fromRawEd25519Private(seed);
    QVERIFY2(ed.ok(), qPrintable(ed.error().message));
    // RFC 8463 3: Ed25519 signs the SHA-256 of the header hash input.
    const auto edSignature = ed.value().sign(pw::crypto::Digest::sha256(hashInput(message, 0)));
    QVERIFY(edSignature.ok());
    QCOMPARE(Base64::encode(edSignature.value()), Base64::encode(signatureOf(message, 0)));

    auto rsa = KeyPair::fromPrivatePem(readFile(m_dir + QStringLiteral("/rfc8463/rsa-private.pem")));
    QVERIFY2(rsa.ok(), qPrintable(rsa.error().message));
    const auto rsaSignature = rsa.value().sign(hashInput(message, 1));
    QVERIFY(rsaSignature.ok());
    QCOMPARE(Base64::encode(rsaSignature.value()), Base64::encode(signatureOf(message, 1)));
}

void TestDkimRfc::rfc8463TamperedBodyFailsBoth()
{
    QByteArray message = readFile(m_dir + QStringLiteral("/rfc8463/signed.eml"));
    message.replace("hungry", "thirsty");
    const QString zone = zoneFrom(readFile(m_dir + QStringLiteral("/rfc8463/dns.txt")));
    const DkimVerification verification = verify(zone, message, Rfc8463Time);
    QCOMPARE(verification.results.size(), 2);
    for (const DkimResult& result : verification.results) {
        QCOMPARE(result.status, DkimStatus::Fail);
        QCOMPARE(result.reason, DkimReason::BodyHashMismatch);
    }
}

QTEST_GUILESS_MAIN(TestDkimRfc)
#include "tests/support/TestPrinters.h"
#include "tst_dkim_rfc.moc"
