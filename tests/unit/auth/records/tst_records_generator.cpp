// DnsRecordGenerator and ZoneFragment: the exact records for a fixed setup, TXT splitting of a
// 2048-bit RSA key, TLSA from a certificate, and a zone fragment that a DNS server loads and
// answers with the same texts.

#include "shared/auth/records/CertificateSpki.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/auth/records/ZoneFragment.h"
#include "shared/crypto/Base64.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <optional>

using namespace pw::auth;
using pw::crypto::KeyPair;
using pw::crypto::KeyType;
using pw::dns::RecordType;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

// openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj /CN=mail.example.com
const char* const certificatePem = R"(-----BEGIN CERTIFICATE-----
MIIBjTCCATOgAwIBAgIUKua4J3iTbskLFweYCzTW9+Yq3bswCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQbWFpbC5leGFtcGxlLmNvbTAgFw0yNjExMjUxNDIwNTlaGA8y
MTI2MTEwMTE0MjA1OVowGzEZMBcGA1UEAwwQbWFpbC5leGFtcGxlLmNvbTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABGTAEMOonJ48NPH8mnO/zggRwSiKlgWbT3Q0
jKZn4KPWmwEnDeO9OecpMj0yuNFgIVulky7oqZD4QhZIiD2LJJCjUzBRMB0GA1Ud
DgQWBBSz8LZK2CdAvNDqRc9VvfmgQylEEjAfBgNVHSMEGDAWgBSz8LZK2CdAvNDq
Rc9VvfmgQylEEjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIG5u
mfNFAdrMhK+mBEmt9d7T7oS+xxWY8gxdHXLbQUf3AiEAkB1qP57R2Q78d1wsmny1
YTDfneARcG9i77KBaoLcx+w=
-----END CERTIFICATE-----
)";
// openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum
const char* const certificateSpkiSha256 = "e6a2e0d5ccf6609b703cfa199df7e4cec6b6efb177968ce07cb0eeb86f1521a6";

QByteArray certificateDer()
{
    return QSslCertificate(QByteArray(certificatePem), QSsl::Pem).toDer();
}

QByteArray ed25519Key()
{
    QByteArray key;
    for (char i = 0; i < 32; ++i)
        key.append(i);
    return key;
}

MailDomainSetup fixedSetup()
{
    MailDomainSetup setup;
    setup.domain = QStringLiteral("example.com");
    setup.mailHost = QStringLiteral("mail.example.com");
    setup.addresses = {QHostAddress(QStringLiteral("2001:db8::25")),
                       QHostAddress(QStringLiteral("192.0.2.25"))};
    setup.dkimKeys = {{QStringLiteral("pw202405e"), KeyType::Ed25519, ed25519Key()},
                      {QStringLiteral("pw202405r"), KeyType::Rsa, QByteArray("not-a-real-key")}};
    setup.dmarcStage = DmarcStage::Quarantine;
    setup.dmarcReportAddress = QStringLiteral("dmarc@example.com");
    setup.certificateDer = certificateDer();
    setup.mtaStsId = QStringLiteral("20240501T000000");
    return setup;
}

} // namespace

class TestDnsRecordGenerator : public QObject
{
    Q_OBJECT

private slots:
    void exactOutput();
    void mtaStsPolicy();
    void list();
    void dmarcStages();
    void txtSplitting();
    void rsa2048KeySplits();
    void certificateSpkiMatchesOpenSsl();
    void missingInputs();
    void idnDomain();
    void zoneFragmentLoadsAndAnswers();
};

void TestDnsRecordGenerator::exactOutput()
{
    const GeneratedRecords out = DnsRecordGenerator::generate(fixedSetup());
    QVERIFY2(out.ok(), qPrintable(out.errors.join(QLatin1Char('\n'))));
    QVERIFY(out.warnings.isEmpty());

    QStringList lines;
    for (const QString& line : ZoneFragment::toBindZone(out.records).split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1Char(';')) && !line.isEmpty())
            lines.append(line);
    const QStringList expected{
        "example.com.\t3600\tIN\tMX\t10 mail.example.com.",
        "mail.example.com.\t3600\tIN\tAAAA\t2001:db8::25",
        "mail.example.com.\t3600\tIN\tA\t192.0.2.25",
        "example.com.\t3600\tIN\tTXT\t\"v=spf1 mx ip4:192.0.2.25 ip6:2001:db8::25 -all\"",
        "pw202405e._domainkey.example.com.\t3600\tIN\tTXT\t\"v=DKIM1; k=ed25519; "
        "p=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"",
        "pw202405r._domainkey.example.com.\t3600\tIN\tTXT\t\"v=DKIM1; k=rsa; p=bm90LWEtcmVhbC1rZXk=\"",
        "_dmarc.example.com.\t3600\tIN\tTXT\t\"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"",
        "_mta-sts.example.com.\t3600\tIN\tTXT\t\"v=STSv1; id=20240501T000000\"",
        "mta-sts.example.com.\t3600\tIN\tCNAME\tmail.example.com.",
        "_smtp._tls.example.com.\t3600\tIN\tTXT\t\"v=TLSRPTv1; rua=mailto:dmarc@example.com\"",
        "_submissions._tcp.example.com.\t3600\tIN\tSRV\t0 1 465 mail.example.com.",
        "_submission._tcp.example.com.\t3600\tIN\tSRV\t0 1 587 mail.example.com.",
        "_imaps._tcp.example.com.\t3600\tIN\tSRV\t0 1 993 mail.example.com.",
        "_imap._tcp.example.com.\t3600\tIN\tSRV\t0 1 143 mail.example.com.",
        "autoconfig.example.com.\t3600\tIN\tCNAME\tmail.example.com.",
        "autodiscover.example.com.\t3600\tIN\tCNAME\tmail.example.com.",
        QStringLiteral("_25._tcp.mail.example.com.\t3600\tIN\tTLSA\t3 1 1 ") +
            QLatin1String(certificateSpkiSha256),
    };
    QCOMPARE(lines, expected);

    // A comment before every record, naming the purpose and whether it is required.
    const QStringList zone = ZoneFragment::toBindZone(out.records).split(QLatin1Char('\n'));
    QCOMPARE(zone.size(), 2 * expected.size() + 1);
    QVERIFY(zone[0].startsWith(QLatin1String("; Tells other mail servers")));
    QVERIFY(zone[0].endsWith(QLatin1String("(required)")));
    QVERIFY(zone[2 * 10].endsWith(QLatin1String("(optional)"))); // _submissions._tcp
    QCOMPARE(out.records[0].requirement, RecordRequirement::Required);
    QCOMPARE(out.records[3].text, QStringLiteral("v=spf1 mx ip4:192.0.2.25 ip6:2001:db8::25 -all"));
}

void TestDnsRecordGenerator::mtaStsPolicy()
{
    MailDomainSetup setup = fixedSetup();
    QCOMPARE(DnsRecordGenerator::generate(setup).mtaStsPolicy,
             QStringLiteral("version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 604800\n"));
    setup.mtaStsMode = MtaStsMode::Enforce;
    setup.mtaStsMaxAgeSeconds = 1209600;
    QCOMPARE(DnsRecordGenerator::generate(setup).mtaStsPolicy,
             QStringLiteral("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 1209600\n"));
    setup.mtaStsId.clear();
    const GeneratedRecords out = DnsRecordGenerator::generate(setup);
    QVERIFY(out.mtaStsPolicy.isEmpty());
    for (const GeneratedRecord& record : out.records)
        QVERIFY(!record.name.contains(QLatin1String("mta-sts")));
    QCOMPARE(out.warnings.size(), 1);
}

void TestDnsRecordGenerator::list()
{
    const QStringList lines = ZoneFragment::toList(DnsRecordGenerator::generate(fixedSetup()).records);
    QCOMPARE(lines.size(), 17);
    QCOMPARE(lines[0], QStringLiteral("example.com. MX 10 mail.example.com."));
    QCOMPARE(
        lines[6],
        QStringLiteral("_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\""));
}

void TestDnsRecordGenerator::dmarcStages()
{
    QCOMPARE(DnsRecordGenerator::dmarcText(DmarcStage::None, QStringLiteral("r@example.com")),
             QStringLiteral("v=DMARC1; p=none; rua=mailto:r@example.com"));
    QCOMPARE(DnsRecordGenerator::dmarcText(DmarcStage::Reject, QStringLiteral("r@example.com")),
             QStringLiteral("v=DMARC1; p=reject; rua=mailto:r@example.com"));
    QCOMPARE(DnsRecordGenerator::dmarcText(DmarcStage::Reject, QString()),
             QStringLiteral("v=DMARC1; p=reject"));
}

void TestDnsRecordGenerator::txtSplitting()
{
    QCOMPARE(txtPresentation(QString()), QStringLiteral("\"\""));
    QCOMPARE(txtPresentation(QStringLiteral("a\"b\\c")), QStringLiteral("\"a\\\"b\\\\c\""));
    const QString exact(255, QLatin1Char('x'));
    QCOMPARE(txtPresentation(exact), QLatin1Char('"') + exact + QLatin1Char('"'));
    QCOMPARE(txtPresentation(exact + QLatin1Char('y')),
             QLatin1Char('"') + exact + QStringLiteral("\" \"y\""));
    // A two-byte character straddling byte 255 moves whole into the second string.
    const QString text = QString(254, QLatin1Char('x')) + QStringLiteral("é");
    QCOMPARE(txtPresentation(text),
             QLatin1Char('"') + QString(254, QLatin1Char('x')) + QStringLiteral("\" \"é\""));
}

void TestDnsRecordGenerator::rsa2048KeySplits()
{
    const auto key = KeyPair::generateRsa(2048);
    QVERIFY2(key.ok(), qPrintable(key.error().message));
    QString error;
    const std::optional<DkimKeyInfo> info =
        DkimKeyInfo::fromKeyPair(QStringLiteral("pw202405r"), key.value(), &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->type, KeyType::Rsa);
    QCOMPARE(info->publicKey, key.value().publicDer().value());

    const QString text = DnsRecordGenerator::dkimText(*info);
    QVERIFY(text.size() > 255);
    const QString value = txtPresentation(text);
    QStringList strings = value.split(QStringLiteral("\" \""));
    QCOMPARE(strings.size(), 2);
    strings.first().remove(0, 1);
    strings.last().chop(1);
    QCOMPARE(strings.first().size(), 255);
    QCOMPARE(strings.join(QString()), text);

    const auto ed = KeyPair::generateEd25519();
    const std::optional<DkimKeyInfo> edInfo =
        DkimKeyInfo::fromKeyPair(QStringLiteral("pw202405e"), ed.value());
    QVERIFY(edInfo);
    QCOMPARE(edInfo->publicKey.size(), 32);
    QVERIFY(DnsRecordGenerator::dkimText(*edInfo).startsWith(QLatin1String("v=DKIM1; k=ed25519; p=")));
    QVERIFY(!DkimKeyInfo::fromKeyPair(QStringLiteral("x"), KeyPair()));
}

void TestDnsRecordGenerator::certificateSpkiMatchesOpenSsl()
{
    const QByteArray der = certificateDer();
    QVERIFY(!der.isEmpty());
    const QByteArray spki = certificateSpki(der);
    QCOMPARE(spki, QSslCertificate(der, QSsl::Der).publicKey().toDer());
    QCOMPARE(DnsRecordGenerator::tlsaValue(der),
             QStringLiteral("3 1 1 ") + QLatin1String(certificateSpkiSha256));
    QVERIFY(certificateSpki(QByteArray("garbage")).isEmpty());
    QVERIFY(certificateSpki(der.left(100)).isEmpty());

    MailDomainSetup setup = fixedSetup();
    setup.certificateDer = QByteArray("\x30\x03\x02\x01\x01", 5);
    QVERIFY(!DnsRecordGenerator::generate(setup).ok());
}

void TestDnsRecordGenerator::missingInputs()
{
    MailDomainSetup setup;
    setup.domain = QStringLiteral("bad..domain");
    setup.mailHost = QStringLiteral("mail.example.com");
    GeneratedRecords out = DnsRecordGenerator::generate(setup);
    QVERIFY(!out.ok());
    QVERIFY(out.records.isEmpty());

    setup.domain = QStringLiteral("example.com");
    out = DnsRecordGenerator::generate(setup);
    QCOMPARE(out.errors.size(), 2); // no address, no DKIM key
    QVERIFY(out.errors.join(QLatin1Char(' ')).contains(QLatin1String("address")));
    QVERIFY(out.errors.join(QLatin1Char(' ')).contains(QLatin1String("DKIM")));
    QVERIFY(out.warnings.join(QLatin1Char(' ')).contains(QLatin1String("DMARC report")));
    for (const GeneratedRecord& record : out.records)
        QVERIFY(record.type != RecordType::TLSA && !record.name.startsWith(QLatin1String("_smtp._tls")));
}

void TestDnsRecordGenerator::idnDomain()
{
    MailDomainSetup setup = fixedSetup();
    setup.domain = QStringLiteral("bücher.example");
    setup.mailHost = QStringLiteral("mail.bücher.example");
    const GeneratedRecords out = DnsRecordGenerator::generate(setup);
    QVERIFY(out.ok());
    QCOMPARE(out.records[0].name, QStringLiteral("xn--bcher-kva.example"));
    QCOMPARE(out.records[0].value, QStringLiteral("10 mail.xn--bcher-kva.example."));
}

void TestDnsRecordGenerator::zoneFragmentLoadsAndAnswers()
{
    MailDomainSetup setup = fixedSetup();
    const auto rsa = KeyPair::generateRsa(2048);
    QVERIFY(rsa.ok());
    setup.dkimKeys[1] = *DkimKeyInfo::fromKeyPair(QStringLiteral("pw202405r"), rsa.value());
    const GeneratedRecords out = DnsRecordGenerator::generate(setup);
    QVERIFY(out.ok());

    TestDnsServer server;
    QVERIFY2(server.start(ZoneFragment::toBindZone(out.records)), qPrintable(server.errorString()));
    pw::dns::ResolverOptions options;
    options.servers = {server.address()};
    options.cacheEnabled = false;
    pw::dns::LdnsResolver resolver(options);

    const auto lookup = [&](const QString& name, RecordType type) {
        std::optional<pw::dns::LookupResult> result;
        resolver.lookup(name, type, this, [&](const pw::dns::LookupResult& r) { result = r; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        }();
        return result.value_or(pw::dns::LookupResult{});
    };

    // Every published TXT comes back as the text we generated, joined from its strings.
    for (const GeneratedRecord& record : out.records) {
        if (record.type != RecordType::TXT)
            continue;
        const pw::dns::LookupResult answer = lookup(record.name, RecordType::TXT);
        QVERIFY2(answer.isOk(), qPrintable(record.name + QLatin1Char(' ') + answer.errorString));
        QCOMPARE(answer.texts(), QStringList{record.text});
    }
    const pw::dns::LookupResult dkim =
        lookup(QStringLiteral("pw202405r._domainkey.example.com"), RecordType::TXT);
    QCOMPARE(dkim.records.first().strings.size(), 2);
    QCOMPARE(dkim.records.first().strings.first().size(), 255);

    const pw::dns::LookupResult mx = lookup(QStringLiteral("example.com"), RecordType::MX);
    QCOMPARE(mx.records.size(), 1);
    QCOMPARE(mx.records.first().exchange, QStringLiteral("mail.example.com"));
    QCOMPARE(mx.records.first().preference, quint16(10));
    QCOMPARE(lookup(QStringLiteral("mail.example.com"), RecordType::A).addresses(),
             QList<QHostAddress>{QHostAddress(QStringLiteral("192.0.2.25"))});
    const pw::dns::LookupResult srv =
        lookup(QStringLiteral("_submissions._tcp.example.com"), RecordType::SRV);
    QCOMPARE(srv.records.first().srv.port, quint16(465));
    const pw::dns::LookupResult tlsa = lookup(QStringLiteral("_25._tcp.mail.example.com"), RecordType::TLSA);
    QCOMPARE(tlsa.records.first().tlsa.data.toHex(), QByteArray(certificateSpkiSha256));
    QCOMPARE(lookup(QStringLiteral("autoconfig.example.com"), RecordType::CNAME).targets(),
             QStringList{QStringLiteral("mail.example.com")});
}

QTEST_GUILESS_MAIN(TestDnsRecordGenerator)
#include "tst_records_generator.moc"
