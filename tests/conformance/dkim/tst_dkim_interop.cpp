// Interoperability with an independent DKIM implementation, Debian's python3-dkim (dkimpy):
// what our signer signs (RSA and Ed25519) dkimpy verifies, and what dkimpy signs our verifier
// verifies. dkimpy gets our key records through its dnsfunc hook, so no real DNS is asked; our
// verifier gets its keys from a loopback DNS server.

#include "shared/auth/dkim/DkimSigner.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/KeyPair.h"
#include "shared/crypto/Random.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <optional>

using namespace pw::auth;
using pw::crypto::KeyPair;
using pw::test::TestDnsServer;
namespace Base64 = pw::crypto::Base64;

namespace {

// Debian's interpreter, not whatever python3 is first on PATH: python3-dkim lives only there.
const QString Python = QStringLiteral("/usr/bin/python3");

const QByteArray SimpleMessage = "From: Alice <alice@example.com>\r\n"
                                 "To: Bob <bob@example.net>\r\n"
                                 "Subject: Lunch\r\n"
                                 "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
                                 "Message-ID: <1@example.com>\r\n"
                                 "\r\n"
                                 "Shall we meet at noon?\r\n";

// Everything canonicalisation has to get right: folding, odd spacing, repeated fields, a
// field name in odd case, UTF-8, trailing whitespace and empty lines at the end of the body.
const QByteArray HardMessage =
    "Received: from mail.example.com by mx.example.net; Tue, 14 Nov 2023 22:13:21 +0000\r\n"
    "From:   \"Alice Example\"  <alice@example.com> \r\n"
    "To: Bob <bob@example.net>,\r\n"
    "\tCarol <carol@example.net>\r\n"
    "to: Dave <dave@example.net>\r\n"
    "CC: list@lists.example.com\r\n"
    "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= and a\r\n"
    "   long    folded\t subject\r\n"
    "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
    "Message-ID: <2@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "List-Id: Lunch <lunch.lists.example.com>\r\n"
    "List-Unsubscribe: <mailto:leave@lists.example.com>\r\n"
    "\r\n"
    "Gr\xc3\xbc\xc3\x9f"
    "e,  \t everyone!   \r\n"
    "\r\n"
    "\tIndented line\r\n"
    "Line with trailing tab\t\r\n"
    "\r\n"
    "\r\n";

// A TXT rdata in zone syntax: character-strings of at most 255 bytes (RFC 1035 3.3).
QString txt(const QByteArray& text)
{
    QStringList strings;
    for (qsizetype i = 0; i < text.size(); i += 255)
        strings.append(QLatin1Char('"') + QString::fromLatin1(text.mid(i, 255)) + QLatin1Char('"'));
    return strings.join(QLatin1Char(' '));
}

QByteArray keyRecord(const KeyPair& key)
{
    if (key.type() == pw::crypto::KeyType::Ed25519)
        return "v=DKIM1; k=ed25519; p=" + Base64::encode(key.rawPublicKey().value());
    return "v=DKIM1; k=rsa; p=" + Base64::encode(key.publicDer().value());
}

KeyPair copyOf(const KeyPair& key)
{
    return KeyPair::fromPrivatePem(key.privatePem().value()).value();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runHelper(const QStringList& arguments)
{
    QProcess process;
    // -I: isolated mode, so that PYTHONPATH set for another interpreter cannot interfere.
    process.start(Python,
                  QStringList{QStringLiteral("-I"), QStringLiteral(POSTWARDEN_PYDKIM_HELPER)} + arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        run.err = process.errorString().toUtf8();
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestDkimInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ourSignaturesVerifyWithDkimpy_data();
    void ourSignaturesVerifyWithDkimpy();
    void dkimpyRejectsOurTamperedMessage();
    void dkimpySignaturesVerifyWithUs_data();
    void dkimpySignaturesVerifyWithUs();

private:
    [[nodiscard]] Run dkimpyVerify(const QByteArray& message);
    [[nodiscard]] QByteArray dkimpySign(const QByteArray& message, const QString& algorithm,
                                        const QString& selector, const QString& canonicalize, bool length);
    [[nodiscard]] DkimVerification ourVerify(const QByteArray& message);

    QTemporaryDir m_dir;
    KeyPair m_rsa;
    KeyPair m_ed25519;
    QByteArray m_ed25519Seed;
};

void TestDkimInterop::initTestCase()
{
    if (!QFile::exists(Python))
        QSKIP("/usr/bin/python3 is not installed");
    QProcess probe;
    probe.start(Python, {QStringLiteral("-I"), QStringLiteral("-c"), QStringLiteral("import dkim, nacl")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        QSKIP("python3-dkim and python3-nacl are needed (installer/install-deps.sh)");
    QVERIFY(m_dir.isValid());

    auto rsa = KeyPair::generateRsa(2048);
    QVERIFY2(rsa.ok(), qPrintable(rsa.error().message));
    m_rsa = std::move(rsa).value();
    const auto seed = pw::crypto::Random::bytes(KeyPair::Ed25519KeySize);
    QVERIFY(seed.ok());
    m_ed25519Seed = seed.value();
    auto ed = KeyPair::fromRawEd25519Private(m_ed25519Seed);
    QVERIFY2(ed.ok(), qPrintable(ed.error().message));
    m_ed25519 = std::move(ed).value();

    const QByteArray keys = "rsa._domainkey.example.com " + keyRecord(m_rsa) + "\n" +
                            "ed._domainkey.example.com " + keyRecord(m_ed25519) + "\n";
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("keys.txt")), keys));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("rsa.pem")), m_rsa.privatePem().value()));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ed25519.b64")), Base64::encode(m_ed25519Seed) + "\n"));
}

Run TestDkimInterop::dkimpyVerify(const QByteArray& message)
{
    const QString path = m_dir.filePath(QStringLiteral("to-verify.eml"));
    if (!writeFile(path, message))
        return {};
    return runHelper({QStringLiteral("verify"), QStringLiteral("--keys"),
                      m_dir.filePath(QStringLiteral("keys.txt")), QStringLiteral("--message"), path});
}

QByteArray TestDkimInterop::dkimpySign(const QByteArray& message, const QString& algorithm,
                                       const QString& selector, const QString& canonicalize, bool length)
{
    const QString path = m_dir.filePath(QStringLiteral("to-sign.eml"));
    if (!writeFile(path, message))
        return {};
    const QString key =
        m_dir.filePath(algorithm == QStringLiteral("rsa-sha256") ? QStringLiteral("rsa.pem")
                                                                 : QStringLiteral("ed25519.b64"));
    QStringList arguments{QStringLiteral("sign"),
                          QStringLiteral("--message"),
                          path,
                          QStringLiteral("--key"),
                          key,
                          QStringLiteral("--domain"),
                          QStringLiteral("example.com"),
                          QStringLiteral("--selector"),
                          selector,
                          QStringLiteral("--algorithm"),
                          algorithm,
                          QStringLiteral("--canonicalize"),
                          canonicalize};
    if (length)
        arguments << QStringLiteral("--length");
    const Run run = runHelper(arguments);
    if (run.exitCode != 0) {
        qWarning().noquote() << "pydkim_helper.py sign failed:" << run.err;
        return {};
    }
    return run.out;
}

DkimVerification TestDkimInterop::ourVerify(const QByteArray& message)
{
    TestDnsServer dns;
    const QString zone =
        QStringLiteral("rsa._domainkey.example.com. TXT %1\ned._domainkey.example.com. TXT %2\n")
            .arg(txt(keyRecord(m_rsa)), txt(keyRecord(m_ed25519)));
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
    // dkimpy stamps t= with its own clock; allow for a slow machine.
    verifier.verify(message, QDateTime::currentDateTimeUtc().addSecs(5), &context,
                    [&](const DkimVerification& verification) { outcome = verification; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000))
        return {};
    return *outcome;
}

void TestDkimInterop::ourSignaturesVerifyWithDkimpy_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("simple") << SimpleMessage;
    QTest::newRow("hard") << HardMessage;
    QTest::newRow("no body") << QByteArray("From: alice@example.com\r\nSubject: empty\r\n\r\n");
}

void TestDkimInterop::ourSignaturesVerifyWithDkimpy()
{
    QFETCH(QByteArray, message);
    const DkimSigner ed(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_ed25519));
    const DkimSigner rsa(QStringLiteral("example.com"), QStringLiteral("rsa"), copyOf(m_rsa));
    const std::array<const DkimSigner*, 2> signers{&ed, &rsa};
    const DkimSignOutcome outcome = DkimSigner::signAll(signers, message, QDateTime::currentDateTimeUtc());
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));

    const Run run = dkimpyVerify(outcome.headerField + message);
    QVERIFY2(run.exitCode == 0, (run.out + run.err).constData());
    QCOMPARE(run.out, QByteArray("0 True\n1 True\n"));
}

void TestDkimInterop::dkimpyRejectsOurTamperedMessage()
{
    // The control: the helper does say False, for both signatures.
    const DkimSigner ed(QStringLiteral("example.com"), QStringLiteral("ed"), copyOf(m_ed25519));
    const DkimSigner rsa(QStringLiteral("example.com"), QStringLiteral("rsa"), copyOf(m_rsa));
    const std::array<const DkimSigner*, 2> signers{&ed, &rsa};
    const DkimSignOutcome outcome =
        DkimSigner::signAll(signers, SimpleMessage, QDateTime::currentDateTimeUtc());
    QVERIFY(outcome.ok());
    QByteArray tampered = outcome.headerField + SimpleMessage;
    tampered.replace("noon", "nine");
    const Run run = dkimpyVerify(tampered);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith("0 False") && run.out.contains("\n1 False"), run.out.constData());
}

void TestDkimInterop::dkimpySignaturesVerifyWithUs_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("simple") << SimpleMessage;
    QTest::newRow("hard") << HardMessage;
}

void TestDkimInterop::dkimpySignaturesVerifyWithUs()
{
    QFETCH(QByteArray, message);
    const QString rsa = QStringLiteral("rsa-sha256");
    const QString ed = QStringLiteral("ed25519-sha256");
    // Each signature over the original message; all four prepended.
    const QByteArray fields[] = {
        dkimpySign(message, rsa, QStringLiteral("rsa"), QStringLiteral("relaxed/simple"), false),
        dkimpySign(message, ed, QStringLiteral("ed"), QStringLiteral("relaxed/relaxed"), false),
        dkimpySign(message, rsa, QStringLiteral("rsa"), QStringLiteral("simple/simple"), false),
        dkimpySign(message, ed, QStringLiteral("ed"), QStringLiteral("simple/relaxed"), true),
    };
    QByteArray signedMessage = message;
    for (const QByteArray& field : fields) {
        QVERIFY(field.startsWith("DKIM-Signature:"));
        signedMessage.prepend(field);
    }
    const DkimVerification verification = ourVerify(signedMessage);
    QCOMPARE(verification.results.size(), 4);
    for (const DkimResult& result : verification.results) {
        QVERIFY2(result.status == DkimStatus::Pass,
                 qPrintable(result.algorithm + QStringLiteral(": ") + result.reasonText));
    }
    QCOMPARE(verification.results.at(0).algorithm, ed);
    QCOMPARE(verification.results.at(1).algorithm, rsa);

    // And a changed body fails every one (the same length, so that the l= one is not cut short).
    QByteArray tampered = signedMessage;
    tampered.replace("noon", "nine");
    tampered.replace("everyone", "everyOne");
    const DkimVerification broken = ourVerify(tampered);
    QCOMPARE(broken.results.size(), 4);
    for (const DkimResult& result : broken.results)
        QVERIFY2(result.reason == DkimReason::BodyHashMismatch, qPrintable(result.reasonText));
}

QTEST_GUILESS_MAIN(TestDkimInterop)
#include "tests/support/TestPrinters.h"
#include "tst_dkim_interop.moc"
