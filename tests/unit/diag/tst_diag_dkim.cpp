// DkimCheck over LdnsResolver against the loopback TestDnsServer: a right key (split into
// several TXT strings), a key with copy/paste spaces, a revoked key, a wrong key, a wrong key
// type, 1024- and 512-bit RSA keys (RFC 8301 3.2), a missing record, no keys, DNS failures.

#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/auth/records/GeneratedRecord.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/KeyPair.h"
#include "shared/diag/checks/DkimCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"
#include "tests/unit/diag/CheckRunner.h"

#include <QTest>
#include <memory>
#include <optional>

using namespace pw::diag;
using pw::crypto::KeyPair;
using pw::crypto::KeyType;
using pw::test::findResult;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

// A 512-bit RSA key (SPKI DER, base64): too short for KeyPair::generateRsa to make.
const char* const kRsa512 = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAO8/j/iwgst8qzXDEORtGmDGm7ybozd3SBsCfUaYMKc1nK/"
                            "kVFq5E54t3LsysR3RUf3yZhBuv2yVezDBerRQVHECAwEAAQ==";

QByteArray publicDer(const KeyPair& key)
{
    return key.type() == KeyType::Ed25519 ? key.rawPublicKey().value() : key.publicDer().value();
}

QString txtLine(const QString& name, const QString& text)
{
    return name + QStringLiteral(". TXT ") + pw::auth::txtPresentation(text) + QLatin1Char('\n');
}

} // namespace

class TestDiagDkim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchingKey();
    void matchingEd25519Key();
    void keyWithWhitespace();
    void revokedKey();
    void wrongKey();
    void wrongKeyType();
    void rsa1024Warns();
    void rsa512Fails();
    void missingRecord();
    void noKeysConfigured();
    void timeoutIsUnknown();
    void severalKeys();

private:
    CheckResults run(const QList<DkimKeyExpectation>& keys);
    DkimKeyExpectation expect(const QString& selector, const KeyPair& key) const
    {
        return {selector, key.type(), publicDer(key)};
    }
    static QString status(const CheckResults& results, const QString& id);

    TestDnsServer m_dns;
    std::unique_ptr<pw::dns::LdnsResolver> m_resolver;
    KeyPair m_rsa;
    KeyPair m_other;
    KeyPair m_rsa1024;
    KeyPair m_ed25519;
};

void TestDiagDkim::initTestCase()
{
    m_rsa = KeyPair::generateRsa(2048).value();
    m_other = KeyPair::generateRsa(2048).value();
    m_rsa1024 = KeyPair::generateRsa(1024).value();
    m_ed25519 = KeyPair::generateEd25519().value();
    using pw::auth::DnsRecordGenerator;
    const auto record = [](const KeyPair& key) {
        return DnsRecordGenerator::dkimText({QString(), key.type(), publicDer(key)});
    };
    const QString base64 = QString::fromLatin1(pw::crypto::Base64::encode(publicDer(m_rsa)));
    QString zone = QStringLiteral("$TTL 300\n");
    zone += txtLine(QStringLiteral("good._domainkey.example.test"), record(m_rsa));
    zone += txtLine(QStringLiteral("ed._domainkey.example.test"), record(m_ed25519));
    zone += txtLine(QStringLiteral("spaces._domainkey.example.test"),
                    QStringLiteral("v=DKIM1; k=rsa; p=%1 %2 %3")
                        .arg(base64.left(64), base64.mid(64, 64), base64.mid(128)));
    zone += txtLine(QStringLiteral("revoked._domainkey.example.test"), QStringLiteral("v=DKIM1; k=rsa; p="));
    zone += txtLine(QStringLiteral("wrong._domainkey.example.test"), record(m_other));
    zone += txtLine(QStringLiteral("type._domainkey.example.test"), record(m_rsa));
    zone += txtLine(QStringLiteral("short._domainkey.example.test"), record(m_rsa1024));
    zone += txtLine(QStringLiteral("tiny._domainkey.example.test"),
                    QStringLiteral("v=DKIM1; k=rsa; p=") + QLatin1String(kRsa512));
    zone += QStringLiteral("slow._domainkey.example.test. TIMEOUT\n");
    QVERIFY2(m_dns.start(zone), qPrintable(m_dns.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {m_dns.address()};
    options.timeout = 500ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<pw::dns::LdnsResolver>(options);
}

CheckResults TestDiagDkim::run(const QList<DkimKeyExpectation>& keys)
{
    DiagnosticsInput input;
    input.domain = QStringLiteral("example.test");
    input.hostname = QStringLiteral("mail.example.test");
    input.dkimKeys = keys;
    DkimCheck check;
    return pw::test::runChecked(check, input, *m_resolver, this);
}

QString TestDiagDkim::status(const CheckResults& results, const QString& id)
{
    return pw::test::statusOf(results, id);
}

void TestDiagDkim::matchingKey()
{
    const CheckResults r = run({expect(QStringLiteral("good"), m_rsa)});
    QCOMPARE(r.size(), 1);
    QCOMPARE(status(r, QStringLiteral("dkim.good")), QStringLiteral("pass"));
    const CheckResult* result = findResult(r, QStringLiteral("dkim.good"));
    QVERIFY(!result->explanation.isEmpty());
    QVERIFY(result->evidence.first().startsWith(
        QStringLiteral("good._domainkey.example.test. TXT \"v=DKIM1; k=rsa; p=")));
}

void TestDiagDkim::matchingEd25519Key()
{
    const CheckResults r = run({expect(QStringLiteral("ed"), m_ed25519)});
    QCOMPARE(status(r, QStringLiteral("dkim.ed")), QStringLiteral("pass"));
}

void TestDiagDkim::keyWithWhitespace()
{
    const CheckResults r = run({expect(QStringLiteral("spaces"), m_rsa)});
    QCOMPARE(status(r, QStringLiteral("dkim.spaces")), QStringLiteral("warn"));
    const CheckResult* result = findResult(r, QStringLiteral("dkim.spaces"));
    QVERIFY(result->summary.contains(QStringLiteral("spaces")));
    QVERIFY(result->fix.contains(
        pw::auth::DnsRecordGenerator::dkimText({QString(), KeyType::Rsa, publicDer(m_rsa)}).left(200)));
}

void TestDiagDkim::revokedKey()
{
    const CheckResults r = run({expect(QStringLiteral("revoked"), m_rsa)});
    QCOMPARE(status(r, QStringLiteral("dkim.revoked")), QStringLiteral("fail"));
    const CheckResult* result = findResult(r, QStringLiteral("dkim.revoked"));
    QVERIFY(result->summary.contains(QStringLiteral("revoked")));
    QVERIFY(result->fix.contains(QStringLiteral("revoked._domainkey.example.test.")));
    QVERIFY(result->fix.contains(QStringLiteral("v=DKIM1; k=rsa; p=MII")));
}

void TestDiagDkim::wrongKey()
{
    const CheckResults r = run({expect(QStringLiteral("wrong"), m_rsa)});
    QCOMPARE(status(r, QStringLiteral("dkim.wrong")), QStringLiteral("fail"));
    const QString ours = QString::fromLatin1(pw::crypto::Base64::encode(publicDer(m_rsa)));
    // The fix splits the value into TXT strings of 255 bytes: the start of the key is whole.
    QVERIFY(findResult(r, QStringLiteral("dkim.wrong"))->fix.contains(ours.left(200)));
}

void TestDiagDkim::wrongKeyType()
{
    const CheckResults r = run({expect(QStringLiteral("type"), m_ed25519)});
    QCOMPARE(status(r, QStringLiteral("dkim.type")), QStringLiteral("fail"));
    const CheckResult* result = findResult(r, QStringLiteral("dkim.type"));
    QVERIFY(result->summary.contains(QStringLiteral("ed25519")));
    QVERIFY(result->fix.contains(QStringLiteral("v=DKIM1; k=ed25519; p=")));
}

void TestDiagDkim::rsa1024Warns()
{
    const CheckResults r = run({expect(QStringLiteral("short"), m_rsa1024)});
    QCOMPARE(status(r, QStringLiteral("dkim.short")), QStringLiteral("warn"));
    QVERIFY(findResult(r, QStringLiteral("dkim.short"))->summary.contains(QStringLiteral("1024")));
    QVERIFY(findResult(r, QStringLiteral("dkim.short"))->explanation.contains(QStringLiteral("RFC 8301")));
}

void TestDiagDkim::rsa512Fails()
{
    const DkimKeyExpectation key{QStringLiteral("tiny"), KeyType::Rsa, pw::crypto::Base64::decode(kRsa512)};
    const CheckResults r = run({key});
    QCOMPARE(status(r, QStringLiteral("dkim.tiny")), QStringLiteral("fail"));
    QVERIFY(findResult(r, QStringLiteral("dkim.tiny"))->summary.contains(QStringLiteral("512")));
}

void TestDiagDkim::missingRecord()
{
    const CheckResults r = run({expect(QStringLiteral("absent"), m_ed25519)});
    QCOMPARE(status(r, QStringLiteral("dkim.absent")), QStringLiteral("fail"));
    const CheckResult* result = findResult(r, QStringLiteral("dkim.absent"));
    const QString expected =
        pw::auth::DnsRecordGenerator::dkimText({QString(), KeyType::Ed25519, publicDer(m_ed25519)});
    QVERIFY(result->fix.contains(expected));
    QVERIFY(result->fix.contains(QStringLiteral("absent._domainkey.example.test.")));
    QVERIFY(result->fix.contains(QStringLiteral("TXT")));
    QCOMPARE(result->evidence.size(), 1);
}

void TestDiagDkim::noKeysConfigured()
{
    const CheckResults r = run({});
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().id, QStringLiteral("dkim"));
    QCOMPARE(r.first().status, CheckStatus::Info);
    QVERIFY(r.first().summary.contains(QStringLiteral("No DKIM keys configured")));
}

void TestDiagDkim::timeoutIsUnknown()
{
    const CheckResults r = run({expect(QStringLiteral("slow"), m_rsa)});
    QCOMPARE(status(r, QStringLiteral("dkim.slow")), QStringLiteral("unknown"));
    QVERIFY(!findResult(r, QStringLiteral("dkim.slow"))->evidence.isEmpty());
}

void TestDiagDkim::severalKeys()
{
    const CheckResults r =
        run({expect(QStringLiteral("good"), m_rsa), expect(QStringLiteral("ed"), m_ed25519),
             expect(QStringLiteral("wrong"), m_rsa)});
    QCOMPARE(r.size(), 3);
    QCOMPARE(r[0].id, QStringLiteral("dkim.good"));
    QCOMPARE(r[1].id, QStringLiteral("dkim.ed"));
    QCOMPARE(r[2].id, QStringLiteral("dkim.wrong"));
    QCOMPARE(worstStatus(r), CheckStatus::Fail);
}

QTEST_GUILESS_MAIN(TestDiagDkim)
#include "tst_diag_dkim.moc"
