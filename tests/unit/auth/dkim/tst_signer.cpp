// DkimSigner: the shape of the field it produces (tags, signed header list, folding), that it
// verifies with our own check, and the messages it refuses to sign.

#include "shared/auth/dkim/DkimSignature.h"
#include "shared/auth/dkim/DkimSignatureCheck.h"
#include "shared/auth/dkim/DkimSigner.h"
#include "shared/auth/dkim/DkimTagList.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/mail/HeaderParser.h"

#include <QTest>
#include <array>

using namespace pw::auth;
using pw::crypto::KeyPair;
namespace Base64 = pw::crypto::Base64;

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

const QByteArray Message = "From: Alice <alice@example.com>\r\n"
                           "To: Bob <bob@example.net>\r\n"
                           "To: Carol <carol@example.net>\r\n"
                           "Subject: Lunch\r\n"
                           "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
                           "Message-ID: <1@example.com>\r\n"
                           "List-Id: <lunch.example.com>\r\n"
                           "X-Mailer: not signed\r\n"
                           "Received: from somewhere\r\n"
                           "\r\n"
                           "Shall we?  \r\n"
                           "\r\n"
                           "\r\n";

// KeyPair is move-only; each signer gets its own copy of the test's key.
KeyPair copyOf(const KeyPair& key)
{
    return KeyPair::fromPrivatePem(key.privatePem().value()).value();
}

QByteArray keyRecord(const KeyPair& key)
{
    if (key.type() == pw::crypto::KeyType::Ed25519)
        return "v=DKIM1; k=ed25519; p=" + Base64::encode(key.rawPublicKey().value());
    return "v=DKIM1; k=rsa; p=" + Base64::encode(key.publicDer().value());
}

// Verifies the first field of signedMessage against the record, without DNS.
DkimResult check(const QByteArray& signedMessage, const QByteArray& record, const QDateTime& now = Now)
{
    const auto parsed = pw::mail::HeaderParser().parse(signedMessage);
    if (!parsed.ok())
        return {};
    DkimSignatureCheck check(parsed.header.at(0), now, std::chrono::seconds(300));
    check.finish(QList<QByteArray>{record}, parsed.header, 0,
                 QByteArrayView(signedMessage).sliced(parsed.header.bodyOffset()));
    return check.result();
}

DkimTagList tagsOf(const QByteArray& field)
{
    const qsizetype colon = field.indexOf(':');
    return DkimTagList::parse(field.mid(colon + 1)).list;
}

} // namespace

class TestSigner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rsaFieldShape();
    void signedHeaderList();
    void foldedLines();
    void bodyHashIsRelaxed();
    void ed25519Field();
    void verifiesWithOwnCheck();
    void bothKeysMeanTwoSignatures();
    void expiryAndIdentity();
    void unicodeDomainSignedAsAce();
    void refusals();

private:
    KeyPair m_rsa;
    KeyPair m_ed25519;
};

void TestSigner::initTestCase()
{
    auto rsa = KeyPair::generateRsa(2048);
    QVERIFY2(rsa.ok(), qPrintable(rsa.error().message));
    m_rsa = std::move(rsa).value();
    auto ed = KeyPair::generateEd25519();
    QVERIFY2(ed.ok(), qPrintable(ed.error().message));
    m_ed25519 = std::move(ed).value();
}

void TestSigner::rsaFieldShape()
{
    DkimSigner rsa(QStringLiteral("example.com"), QStringLiteral("mail2023"), copyOf(m_rsa));
    const DkimSignOutcome outcome = rsa.sign(Message, Now);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    const QByteArray& field = outcome.headerField;
    QVERIFY(field.startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;"));
    QVERIFY(field.endsWith("\r\n"));
    QVERIFY(!field.endsWith("\r\n\r\n"));

    const DkimTagList tags = tagsOf(field);
    QCOMPARE(tags.value("s"), QByteArray("mail2023"));
    QCOMPARE(tags.value("t"), QByteArray("1700000000"));
    QVERIFY(!tags.contains("x"));
    QVERIFY(!tags.contains("l"));
    QVERIFY(!tags.contains("i"));
    // b= is the last tag, so that it can be folded freely.
    QCOMPARE(tags.tags().last().name, QByteArray("b"));

    const auto parse = DkimSignature::parse(field.mid(field.indexOf(':') + 1));
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.signature.algorithm, DkimAlgorithm::RsaSha256);
    QCOMPARE(parse.signature.signature.size(), 256);
    QCOMPARE(parse.signature.bodyHash.size(), 32);
    QCOMPARE(rsa.algorithm(), DkimAlgorithm::RsaSha256);
}

void TestSigner::signedHeaderList()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_rsa));
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY(outcome.ok());
    QByteArray h = tagsOf(outcome.headerField).value("h");
    h.replace("\r\n\t", "");
    // Only fields present; each as often as it occurs; From once more (oversigned); nothing of
    // X-Mailer or Received.
    QCOMPARE(h, QByteArray("From:From:Subject:Date:Message-ID:To:To:List-Id"));
}

void TestSigner::foldedLines()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_rsa));
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY(outcome.ok());
    const QList<QByteArray> lines = outcome.headerField.chopped(2).split('\n');
    QVERIFY(lines.size() > 3);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i + 1 < lines.size()) {
            QVERIFY(line.endsWith('\r'));
            line.chop(1);
        }
        QVERIFY2(line.size() <= 78, line.constData());
        if (i > 0)
            QVERIFY2(line.startsWith('\t'), line.constData());
        QVERIFY(!line.contains('\r'));
    }
    // b= starts on a line of its own and goes on over several.
    qsizetype bLine = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith("\tb="))
            bLine = i;
    }
    QVERIFY(bLine > 0);
    QVERIFY(lines.size() - bLine >= 4);
}

void TestSigner::bodyHashIsRelaxed()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_rsa));
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY(outcome.ok());
    // Relaxed body: trailing whitespace and the empty lines at the end gone.
    const QByteArray expected = Base64::encode(pw::crypto::Digest::sha256("Shall we?\r\n"));
    QCOMPARE(tagsOf(outcome.headerField).value("bh"), expected);
}

void TestSigner::ed25519Field()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_ed25519));
    QCOMPARE(signer.algorithm(), DkimAlgorithm::Ed25519Sha256);
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    QVERIFY(outcome.headerField.startsWith("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;"));
    const auto parse = DkimSignature::parse(outcome.headerField.mid(outcome.headerField.indexOf(':') + 1));
    QVERIFY2(parse.ok(), qPrintable(parse.error));
    QCOMPARE(parse.signature.signature.size(), 64); // RFC 8032 5.1.6
}

void TestSigner::verifiesWithOwnCheck()
{
    for (const KeyPair* key : {&m_rsa, &m_ed25519}) {
        DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(*key));
        const DkimSignOutcome outcome = signer.sign(Message, Now);
        QVERIFY(outcome.ok());
        const DkimResult result = check(outcome.headerField + Message, keyRecord(*key));
        QCOMPARE(dkimStatusName(result.status), QStringLiteral("pass"));
        QCOMPARE(result.domain, QStringLiteral("example.com"));
        QCOMPARE(result.headerI, QStringLiteral("@example.com"));
        // The oversigned From: adding another one breaks the signature.
        const DkimResult added =
            check(outcome.headerField + "From: mallory@evil.example\r\n" + Message, keyRecord(*key));
        QCOMPARE(added.reason, DkimReason::SignatureMismatch);
    }
}

void TestSigner::bothKeysMeanTwoSignatures()
{
    const DkimSigner ed(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_ed25519));
    const DkimSigner rsa(QStringLiteral("example.com"), QStringLiteral("rsa"), copyOf(m_rsa));
    const std::array<const DkimSigner*, 2> signers{&ed, &rsa};
    const DkimSignOutcome outcome = DkimSigner::signAll(signers, Message, Now);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    const QByteArray signedMessage = outcome.headerField + Message;
    const auto parsed = pw::mail::HeaderParser().parse(signedMessage);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.header.count("DKIM-Signature"), 2);
    QVERIFY(parsed.header.at(0).value().contains("a=ed25519-sha256"));
    QVERIFY(parsed.header.at(1).value().contains("a=rsa-sha256"));
    // Each verifies (the second field is checked in place, below the first).
    QCOMPARE(check(signedMessage, keyRecord(m_ed25519)).status, DkimStatus::Pass);
    DkimSignatureCheck second(parsed.header.at(1), Now, std::chrono::seconds(300));
    second.finish(QList<QByteArray>{keyRecord(m_rsa)}, parsed.header, 1,
                  QByteArrayView(signedMessage).sliced(parsed.header.bodyOffset()));
    QCOMPARE(second.result().status, DkimStatus::Pass);
}

void TestSigner::expiryAndIdentity()
{
    DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_ed25519));
    signer.setValidity(std::chrono::hours(24 * 7));
    signer.setIdentity("alice@mail.example.com");
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    const DkimTagList tags = tagsOf(outcome.headerField);
    QCOMPARE(tags.value("x"), QByteArray::number(1700000000 + 7 * 24 * 3600));
    QCOMPARE(tags.value("i"), QByteArray("alice@mail.example.com"));
    QCOMPARE(check(outcome.headerField + Message, keyRecord(m_ed25519)).status, DkimStatus::Pass);
}

void TestSigner::unicodeDomainSignedAsAce()
{
    DkimSigner signer(QStringLiteral("Bücher.example"), QStringLiteral("sel"), copyOf(m_ed25519));
    QCOMPARE(signer.domain(), QByteArray("xn--bcher-kva.example"));
    const DkimSignOutcome outcome = signer.sign(Message, Now);
    QVERIFY(outcome.ok());
    QCOMPARE(tagsOf(outcome.headerField).value("d"), QByteArray("xn--bcher-kva.example"));
}

void TestSigner::refusals()
{
    // A public key alone cannot sign.
    const DkimSigner publicOnly(QStringLiteral("example.com"), QStringLiteral("sel"),
                                KeyPair::fromPublicDer(m_rsa.publicDer().value()).value());
    QVERIFY(!publicOnly.sign(Message, Now).ok());

    const DkimSigner signer(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_ed25519));
    // RFC 6376 5.4: From must be signed; so there must be exactly one.
    DkimSignOutcome outcome = signer.sign("To: b@example.net\r\n\r\nbody\r\n", Now);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error.contains(QStringLiteral("From")));
    QVERIFY(!signer.sign("From: a@example.com\r\nFrom: b@example.com\r\n\r\nbody\r\n", Now).ok());
    // Garbage header.
    outcome = signer.sign(QByteArray("From: a\0b\r\n\r\n", 13), Now);
    QVERIFY(!outcome.ok());
    QVERIFY(outcome.error.contains(QStringLiteral("NUL")));
    // A bad selector, an identity outside the domain.
    const DkimSigner badSelector(QStringLiteral("example.com"), QStringLiteral("a;b"), copyOf(m_ed25519));
    QVERIFY(!badSelector.sign(Message, Now).ok());
    DkimSigner badIdentity(QStringLiteral("example.com"), QStringLiteral("sel"), copyOf(m_ed25519));
    badIdentity.setIdentity("alice@example.org");
    QVERIFY(!badIdentity.sign(Message, Now).ok());
}

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
