// DkimVerifier against a loopback DNS server: pass, and each way a signature fails, with its
// status and reason (RFC 6376 6.1, RFC 8463, RFC 8301).

#include "shared/auth/dkim/DkimHashing.h"
#include "shared/auth/dkim/DkimSignature.h"
#include "shared/auth/dkim/DkimSigner.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/dns/LdnsResolver.h"
#include "shared/mail/HeaderParser.h"
#include "tests/support/TestDnsServer.h"

#include <QTest>
#include <optional>

using namespace pw::auth;
using pw::crypto::KeyPair;
using pw::test::TestDnsServer;
namespace Base64 = pw::crypto::Base64;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

const QByteArray Message = "From: Alice <alice@example.com>\r\n"
                           "To: Bob <bob@example.net>\r\n"
                           "Subject: Lunch\r\n"
                           "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
                           "Message-ID: <1@example.com>\r\n"
                           "\r\n"
                           "Shall we meet at noon?\r\n";

KeyPair copyOf(const KeyPair& key)
{
    return KeyPair::fromPrivatePem(key.privatePem().value()).value();
}

// A TXT rdata in zone syntax: character-strings of at most 255 bytes (RFC 1035 3.3).
QString txt(const QByteArray& text)
{
    QStringList strings;
    for (qsizetype i = 0; i < text.size(); i += 255)
        strings.append(QLatin1Char('"') + QString::fromLatin1(text.mid(i, 255)) + QLatin1Char('"'));
    return strings.join(QLatin1Char(' '));
}

QByteArray publicKey(const KeyPair& key)
{
    if (key.type() == pw::crypto::KeyType::Ed25519)
        return Base64::encode(key.rawPublicKey().value());
    return Base64::encode(key.publicDer().value());
}

// A signature made by hand from the given tags (without bh= and b=), for the cases our
// signer never produces: l=, i= outside d=, h= without From, an unknown algorithm ...
QByteArray handSigned(const QByteArray& message, const KeyPair& key, const QByteArray& tags)
{
    const auto parse = DkimSignature::parse(tags + "; bh=AAAA; b=AAAA");
    const auto header = pw::mail::HeaderParser().parse(message).header;
    const auto body = DkimHashing::bodyHash(QByteArrayView(message).sliced(header.bodyOffset()),
                                            parse.signature.bodyCanonicalization, parse.signature.bodyLength);
    const auto field = pw::mail::HeaderField::create(
        "DKIM-Signature", " " + tags + ";\r\n bh=" + Base64::encode(body.digest) + ";\r\n b=");
    const QByteArray input = DkimHashing::headerHashInput(header, parse.signature.signedHeaders,
                                                          parse.signature.headerCanonicalization, field);
    const auto signature = key.type() == pw::crypto::KeyType::Ed25519
                               ? key.sign(pw::crypto::Digest::sha256(input))
                               : key.sign(input);
    return field.raw().chopped(2) + Base64::encode(signature.value()) + "\r\n" + message;
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void unsigned_();
    void passRsa();
    void passEd25519();
    void passWithBareLineFeeds();
    void keyMissing();
    void keyRevoked();
    void keySyntax();
    void firstParsableKeyRecordUsed();
    void tamperedBody();
    void tamperedHeader();
    void expired();
    void futureTimestamp();
    void bodyLengthAllowsAppendedBody();
    void bodyLengthBeyondBody();
    void severalSignaturesOneGoodOneBad();
    void dnsTimeoutIsTempError();
    void servFailIsTempError();
    void unsupportedAlgorithm();
    void fromNotSigned();
    void identityNotInDomain();
    void keyHashRestricted();
    void keyTypeMismatch();
    void keyNotForEmail();
    void strictKeyWithSubdomainIdentity();
    void testingKeyFailureIsNeutral();
    void signatureLimit();
    void unparseableHeader();
    void callbackIsNeverSynchronous();

private:
    DkimVerification verify(const QByteArray& message, const QDateTime& now = Now,
                            const DkimVerifier::Options& options = {});
    DkimResult verifyOne(const QByteArray& message, const QDateTime& now = Now);
    QByteArray signedWith(const KeyPair& key, const QString& selector, const QByteArray& message = Message,
                          const QDateTime& now = Now);

    TestDnsServer m_dns;
    KeyPair m_rsa;
    KeyPair m_ed25519;
    KeyPair m_otherEd25519; // not published anywhere
};

void TestVerifier::initTestCase()
{
    m_rsa = KeyPair::generateRsa(2048).value();
    m_ed25519 = KeyPair::generateEd25519().value();
    m_otherEd25519 = KeyPair::generateEd25519().value();
    const QByteArray ed = publicKey(m_ed25519);
    const QString zone =
        QStringLiteral("example.com. SOA ns.example.com. hostmaster.example.com. 1 3600 600 86400 60\n") +
        QStringLiteral("rsa._domainkey.example.com. TXT %1\n")
            .arg(txt("v=DKIM1; k=rsa; p=" + publicKey(m_rsa))) +
        QStringLiteral("ed._domainkey.example.com. TXT %1\n").arg(txt("v=DKIM1; k=ed25519; p=" + ed)) +
        QStringLiteral("revoked._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=\"\n") +
        QStringLiteral("garbage._domainkey.example.com. TXT \"v=DKIM1; k=ed25519; p=AAAA\"\n") +
        QStringLiteral("two._domainkey.example.com. TXT \"google-site-verification=x y\"\n") +
        QStringLiteral("two._domainkey.example.com. TXT %1\n").arg(txt("v=DKIM1; k=ed25519; p=" + ed)) +
        QStringLiteral("sha1only._domainkey.example.com. TXT %1\n")
            .arg(txt("v=DKIM1; k=ed25519; h=sha1; p=" + ed)) +
        QStringLiteral("wrongtype._domainkey.example.com. TXT %1\n").arg(txt("v=DKIM1; k=rsa; p=" + ed)) +
        QStringLiteral("tlsrpt._domainkey.example.com. TXT %1\n")
            .arg(txt("v=DKIM1; k=ed25519; s=tlsrpt; p=" + ed)) +
        QStringLiteral("strict._domainkey.example.com. TXT %1\n")
            .arg(txt("v=DKIM1; k=ed25519; t=s; p=" + ed)) +
        QStringLiteral("testing._domainkey.example.com. TXT %1\n")
            .arg(txt("v=DKIM1; k=ed25519; t=y; p=" + ed)) +
        QStringLiteral("timeout._domainkey.example.com. TIMEOUT\n") +
        QStringLiteral("servfail._domainkey.example.com. SERVFAIL\n");
    QVERIFY2(m_dns.start(zone), qPrintable(m_dns.errorString()));
}

DkimVerification TestVerifier::verify(const QByteArray& message, const QDateTime& now,
                                      const DkimVerifier::Options& options)
{
    pw::dns::ResolverOptions resolverOptions;
    resolverOptions.servers = {m_dns.address()};
    resolverOptions.timeout = std::chrono::milliseconds(300);
    resolverOptions.retries = 0;
    resolverOptions.cacheEnabled = false;
    pw::dns::LdnsResolver resolver(resolverOptions);
    const DkimVerifier verifier(resolver, options);
    std::optional<DkimVerification> outcome;
    QObject context;
    verifier.verify(message, now, &context,
                    [&](const DkimVerification& verification) { outcome = verification; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
        return {};
    return *outcome;
}

DkimResult TestVerifier::verifyOne(const QByteArray& message, const QDateTime& now)
{
    const DkimVerification verification = verify(message, now);
    return verification.results.size() == 1 ? verification.results.first() : DkimResult{};
}

QByteArray TestVerifier::signedWith(const KeyPair& key, const QString& selector, const QByteArray& message,
                                    const QDateTime& now)
{
    const DkimSigner signer(QStringLiteral("example.com"), selector, copyOf(key));
    return signer.sign(message, now).headerField + message;
}

void TestVerifier::unsigned_()
{
    m_dns.clearQueries();
    const DkimResult result = verifyOne(Message);
    QCOMPARE(result.status, DkimStatus::None);
    QCOMPARE(result.reason, DkimReason::NotSigned);
    QCOMPARE(m_dns.queryCount(), 0);
}

void TestVerifier::passRsa()
{
    const DkimResult result = verifyOne(signedWith(m_rsa, QStringLiteral("rsa")));
    QCOMPARE(result.status, DkimStatus::Pass);
    QCOMPARE(result.domain, QStringLiteral("example.com"));
    QCOMPARE(result.selector, QStringLiteral("rsa"));
    QCOMPARE(result.algorithm, QStringLiteral("rsa-sha256"));
    QCOMPARE(result.headerI, QStringLiteral("@example.com"));
    QCOMPARE(result.headerB.size(), 8);
    QVERIFY(!result.reasonText.isEmpty());
    QVERIFY(!result.testing);
}

void TestVerifier::passEd25519()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("ed")));
    QCOMPARE(result.status, DkimStatus::Pass);
    QCOMPARE(result.algorithm, QStringLiteral("ed25519-sha256"));
}

void TestVerifier::passWithBareLineFeeds()
{
    QByteArray message = signedWith(m_ed25519, QStringLiteral("ed"));
    message.replace("\r\n", "\n");
    QCOMPARE(verifyOne(message).status, DkimStatus::Pass);
}

void TestVerifier::keyMissing()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("missing")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyMissing);
    QVERIFY2(result.reasonText.contains(QStringLiteral("missing._domainkey.example.com")),
             qPrintable(result.reasonText));
}

void TestVerifier::keyRevoked()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("revoked")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyRevoked);
    QVERIFY(result.reasonText.contains(QStringLiteral("revoked")));
}

void TestVerifier::keySyntax()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("garbage")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeySyntax);
}

void TestVerifier::firstParsableKeyRecordUsed()
{
    QCOMPARE(verifyOne(signedWith(m_ed25519, QStringLiteral("two"))).status, DkimStatus::Pass);
}

void TestVerifier::tamperedBody()
{
    QByteArray message = signedWith(m_rsa, QStringLiteral("rsa"));
    message.replace("noon", "nine");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::Fail);
    QCOMPARE(result.reason, DkimReason::BodyHashMismatch);
    QVERIFY(result.reasonText.contains(QStringLiteral("body hash mismatch")));
}

void TestVerifier::tamperedHeader()
{
    QByteArray message = signedWith(m_rsa, QStringLiteral("rsa"));
    message.replace("Subject: Lunch", "Subject: Dinner");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::Fail);
    QCOMPARE(result.reason, DkimReason::SignatureMismatch);
    QVERIFY(result.reasonText.contains(QStringLiteral("signature mismatch")));
    // Whitespace changes do not matter to relaxed canonicalisation.
    QByteArray refolded = signedWith(m_rsa, QStringLiteral("rsa"));
    refolded.replace("Subject: Lunch", "subject:   Lunch ");
    QCOMPARE(verifyOne(refolded).status, DkimStatus::Pass);
}

void TestVerifier::expired()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_ed25519));
    signer.setValidity(std::chrono::hours(1));
    const QByteArray message = signer.sign(Message, Now).headerField + Message;
    QCOMPARE(verifyOne(message, Now.addSecs(1800)).status, DkimStatus::Pass);
    const DkimResult result = verifyOne(message, Now.addSecs(3 * 3600));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::Expired);
    QVERIFY(result.reasonText.contains(QStringLiteral("expired")));
}

void TestVerifier::futureTimestamp()
{
    const QByteArray message = signedWith(m_ed25519, QStringLiteral("ed"), Message, Now.addSecs(3600));
    const DkimResult result = verifyOne(message, Now);
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::FutureTimestamp);
    // A little clock skew is tolerated.
    QCOMPARE(verifyOne(signedWith(m_ed25519, QStringLiteral("ed"), Message, Now.addSecs(60)), Now).status,
             DkimStatus::Pass);
}

void TestVerifier::bodyLengthAllowsAppendedBody()
{
    const QByteArray tags =
        "v=1; a=ed25519-sha256; c=relaxed/simple; d=example.com; s=ed; h=From:To:Subject; "
        "l=" +
        QByteArray::number(QByteArray("Shall we meet at noon?\r\n").size());
    QByteArray message = handSigned(Message, m_ed25519, tags);
    QCOMPARE(verifyOne(message).status, DkimStatus::Pass);
    message += "\r\n-- \r\nAppended by a mailing list\r\n";
    QCOMPARE(verifyOne(message).status, DkimStatus::Pass);
    // Without l= the same appended text breaks it.
    QByteArray whole = handSigned(Message, m_ed25519, "v=1; a=ed25519-sha256; d=example.com; s=ed; h=From");
    whole += "Appended\r\n";
    QCOMPARE(verifyOne(whole).reason, DkimReason::BodyHashMismatch);
}

void TestVerifier::bodyLengthBeyondBody()
{
    const QByteArray message =
        handSigned(Message, m_ed25519, "v=1; a=ed25519-sha256; d=example.com; s=ed; h=From; l=100000");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::Fail);
    QCOMPARE(result.reason, DkimReason::BodyLengthExceeded);
}

void TestVerifier::severalSignaturesOneGoodOneBad()
{
    // Signed by a key nobody published (under the selector of another): fails; ours passes.
    const DkimSigner good(QStringLiteral("example.com"), QStringLiteral("rsa"), copyOf(m_rsa));
    const DkimSigner bad(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_otherEd25519));
    const DkimSigner missing(QStringLiteral("example.com"), QStringLiteral("missing"), copyOf(m_ed25519));
    const QByteArray message = bad.sign(Message, Now).headerField + good.sign(Message, Now).headerField +
                               missing.sign(Message, Now).headerField + Message;
    const DkimVerification verification = verify(message);
    QCOMPARE(verification.results.size(), 3);
    QCOMPARE(verification.results.at(0).status, DkimStatus::Fail);
    QCOMPARE(verification.results.at(0).reason, DkimReason::SignatureMismatch);
    QCOMPARE(verification.results.at(1).status, DkimStatus::Pass);
    QCOMPARE(verification.results.at(1).selector, QStringLiteral("rsa"));
    QCOMPARE(verification.results.at(2).status, DkimStatus::PermError);
    QVERIFY(verification.hasPass());
    QVERIFY(verification.results.at(0).headerB != verification.results.at(1).headerB);
}

void TestVerifier::dnsTimeoutIsTempError()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("timeout")));
    QCOMPARE(result.status, DkimStatus::TempError);
    QCOMPARE(result.reason, DkimReason::KeyLookupFailed);
    QVERIFY2(result.reasonText.contains(QStringLiteral("could not be fetched")),
             qPrintable(result.reasonText));
}

void TestVerifier::servFailIsTempError()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("servfail")));
    QCOMPARE(result.status, DkimStatus::TempError);
    QCOMPARE(result.reason, DkimReason::KeyLookupFailed);
}

void TestVerifier::unsupportedAlgorithm()
{
    m_dns.clearQueries();
    QByteArray message = signedWith(m_rsa, QStringLiteral("rsa"));
    message.replace("a=rsa-sha256", "a=rsa-sha1");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::UnsupportedAlgorithm);
    QCOMPARE(result.algorithm, QStringLiteral("rsa-sha1"));
    QCOMPARE(result.domain, QStringLiteral("example.com"));
    // Decided without asking the DNS.
    QCOMPARE(m_dns.queryCount(), 0);
}

void TestVerifier::fromNotSigned()
{
    const QByteArray message =
        handSigned(Message, m_ed25519, "v=1; a=ed25519-sha256; d=example.com; s=ed; h=To:Subject");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::FromNotSigned);
}

void TestVerifier::identityNotInDomain()
{
    const QByteArray message = handSigned(
        Message, m_ed25519, "v=1; a=ed25519-sha256; d=example.com; s=ed; i=alice@example.org; h=From");
    const DkimResult result = verifyOne(message);
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::IdentityNotInDomain);
    QCOMPARE(result.headerI, QStringLiteral("alice@example.org"));
}

void TestVerifier::keyHashRestricted()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("sha1only")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyHashRestricted);
}

void TestVerifier::keyTypeMismatch()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("wrongtype")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyTypeMismatch);
    // An RSA signature against an Ed25519 key record, likewise.
    QCOMPARE(verifyOne(signedWith(m_rsa, QStringLiteral("ed"))).reason, DkimReason::KeyTypeMismatch);
}

void TestVerifier::keyNotForEmail()
{
    const DkimResult result = verifyOne(signedWith(m_ed25519, QStringLiteral("tlsrpt")));
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyNotForEmail);
}

void TestVerifier::strictKeyWithSubdomainIdentity()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("strict"), copyOf(m_ed25519));
    QCOMPARE(verifyOne(signer.sign(Message, Now).headerField + Message).status, DkimStatus::Pass);
    signer.setIdentity("alice@mail.example.com");
    const DkimResult result = verifyOne(signer.sign(Message, Now).headerField + Message);
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::KeyStrictIdentity);
}

void TestVerifier::testingKeyFailureIsNeutral()
{
    const QByteArray message = signedWith(m_ed25519, QStringLiteral("testing"));
    const DkimResult pass = verifyOne(message);
    QCOMPARE(pass.status, DkimStatus::Pass);
    QVERIFY(pass.testing);
    QByteArray tampered = message;
    tampered.replace("noon", "nine");
    const DkimResult result = verifyOne(tampered);
    QCOMPARE(result.status, DkimStatus::Neutral);
    QCOMPARE(result.reason, DkimReason::BodyHashMismatch);
    QVERIFY(result.reasonText.contains(QStringLiteral("t=y")));
}

void TestVerifier::signatureLimit()
{
    QByteArray message = Message;
    for (int i = 0; i < 7; ++i)
        message = signedWith(m_ed25519, QStringLiteral("ed"), message, Now.addSecs(i));
    DkimVerifier::Options options;
    options.maxSignatures = 5;
    const DkimVerification verification = verify(message, Now.addSecs(10), options);
    QCOMPARE(verification.results.size(), 5);
    QCOMPARE(verification.ignoredSignatures, 2);
    for (const DkimResult& result : verification.results)
        QCOMPARE(result.status, DkimStatus::Pass);
}

void TestVerifier::unparseableHeader()
{
    const DkimResult result = verifyOne(QByteArray("DKIM-Signature: v=1\r\nFrom: a") + '\0' + "b\r\n\r\n");
    QCOMPARE(result.status, DkimStatus::PermError);
    QCOMPARE(result.reason, DkimReason::HeaderUnparseable);
    QVERIFY(result.reasonText.contains(QStringLiteral("NUL")));
}

void TestVerifier::callbackIsNeverSynchronous()
{
    pw::dns::ResolverOptions resolverOptions;
    resolverOptions.servers = {m_dns.address()};
    pw::dns::LdnsResolver resolver(resolverOptions);
    const DkimVerifier verifier(resolver);
    QObject context;
    int calls = 0;
    // Unsigned, and a signature decided without DNS: both answer from the event loop.
    verifier.verify(Message, Now, &context, [&](const DkimVerification&) { ++calls; });
    QByteArray sha1 = signedWith(m_rsa, QStringLiteral("rsa"));
    sha1.replace("a=rsa-sha256", "a=rsa-sha1");
    verifier.verify(sha1, Now, &context, [&](const DkimVerification&) { ++calls; });
    QCOMPARE(calls, 0);
    QTRY_COMPARE(calls, 2);
    // A destroyed context gets no call.
    auto doomed = std::make_unique<QObject>();
    verifier.verify(signedWith(m_ed25519, QStringLiteral("ed")), Now, doomed.get(),
                    [&](const DkimVerification&) { ++calls; });
    verifier.verify(Message, Now, doomed.get(), [&](const DkimVerification&) { ++calls; });
    doomed.reset();
    QTest::qWait(300);
    QCOMPARE(calls, 2);
}

QTEST_GUILESS_MAIN(TestVerifier)
#include "tests/support/TestPrinters.h"
#include "tst_verifier.moc"
