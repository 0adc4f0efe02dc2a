#include "shared/crypto/CertificateChecks.h"
#include "shared/crypto/KeyPair.h"
#include "shared/crypto/SelfSignedCertificate.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QTest>

using pw::crypto::KeyPair;
using pw::crypto::SelfSignedCertificate;

namespace {

QSslCertificate parse(const SelfSignedCertificate& generated)
{
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(generated.certificatePem, QSsl::Pem);
    return certificates.size() == 1 ? certificates.first() : QSslCertificate();
}

QSslCertificateExtension extension(const QSslCertificate& certificate, const QString& oid)
{
    for (const QSslCertificateExtension& candidate : certificate.extensions())
        if (candidate.oid() == oid)
            return candidate;
    return {};
}

} // namespace

class TestSelfSignedCertificate : public QObject
{
    Q_OBJECT

private slots:
    void certificateFields()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const auto generated = SelfSignedCertificate::generate(QStringLiteral("Mail.Example.TEST."));
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        const QSslCertificate certificate = parse(generated.value());
        QVERIFY(!certificate.isNull());

        QCOMPARE(certificate.version(), QByteArray("3"));
        const auto selfSigned = pw::crypto::certificateIsSelfSigned(generated.value().certificatePem);
        QVERIFY2(selfSigned.ok(), qPrintable(selfSigned.error().message));
        QVERIFY(selfSigned.value());
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("mail.example.test")});
        QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("mail.example.test")});
        const auto names = certificate.subjectAlternativeNames();
        QCOMPARE(names.values(QSsl::DnsEntry), QStringList{QStringLiteral("mail.example.test")});
        QVERIFY(names.values(QSsl::IpAddressEntry).isEmpty());

        QCOMPARE(certificate.publicKey().algorithm(), QSsl::Rsa);
        QCOMPARE(certificate.publicKey().length(), 2048);
        QVERIFY(certificate.toText().contains(QLatin1String("sha256WithRSAEncryption")));
        // 16 octets as colon-separated hex: 47 characters.
        QCOMPARE(certificate.serialNumber().size(), 47);

        const qint64 hour = 3600;
        QVERIFY(qAbs(certificate.effectiveDate().secsTo(before.addSecs(-hour))) < 120);
        QVERIFY(qAbs(certificate.expiryDate().secsTo(before.addDays(365))) < 120);

        const QSslCertificateExtension basic = extension(certificate, QStringLiteral("2.5.29.19"));
        QVERIFY(basic.isCritical());
        QCOMPARE(basic.value().toMap().value(QStringLiteral("ca")).toBool(), false);
        const QSslCertificateExtension usage = extension(certificate, QStringLiteral("2.5.29.15"));
        QVERIFY(usage.isCritical());
        QCOMPARE(usage.value().toStringList(),
                 (QStringList{QStringLiteral("Digital Signature"), QStringLiteral("Key Encipherment")}));
        const QSslCertificateExtension extendedUsage = extension(certificate, QStringLiteral("2.5.29.37"));
        QCOMPARE(extendedUsage.value().toStringList(),
                 QStringList{QStringLiteral("TLS Web Server Authentication")});

        const auto key = KeyPair::fromPrivatePem(generated.value().privateKeyPem);
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QCOMPARE(key.value().bits(), 2048);
    }

    void serialsDiffer()
    {
        const auto first = SelfSignedCertificate::generate(QStringLiteral("mail.example.test"));
        const auto second = SelfSignedCertificate::generate(QStringLiteral("mail.example.test"));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(parse(first.value()).serialNumber() != parse(second.value()).serialNumber());
        QVERIFY(first.value().privateKeyPem != second.value().privateKeyPem);
    }

    void addressHostnames_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("address");
        QTest::newRow("ipv4") << QStringLiteral("192.0.2.25") << QStringLiteral("192.0.2.25");
        QTest::newRow("ipv6") << QStringLiteral("2001:db8::25") << QStringLiteral("2001:db8::25");
    }

    void addressHostnames()
    {
        QFETCH(QString, host);
        QFETCH(QString, address);
        const auto generated = SelfSignedCertificate::generate(host);
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        const QSslCertificate certificate = parse(generated.value());
        const auto names = certificate.subjectAlternativeNames();
        QCOMPARE(names.values(QSsl::IpAddressEntry), QStringList{address});
        QCOMPARE(names.values(QSsl::DnsEntry), QStringList{address});
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{address});
    }

    void internationalHostname()
    {
        const auto generated = SelfSignedCertificate::generate(QStringLiteral("mail.bücher.example"));
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        QCOMPARE(parse(generated.value()).subjectAlternativeNames().values(QSsl::DnsEntry),
                 QStringList{QStringLiteral("mail.xn--bcher-kva.example")});
    }

    // Longer than the 64 characters a CN may have: the name is in the subjectAltName only.
    void longHostname()
    {
        const QString host = QString(60, QLatin1Char('a')) + QStringLiteral(".example.test");
        const auto generated = SelfSignedCertificate::generate(host);
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        const QSslCertificate certificate = parse(generated.value());
        QVERIFY(certificate.subjectInfo(QSslCertificate::CommonName).isEmpty());
        QCOMPARE(certificate.subjectAlternativeNames().values(QSsl::DnsEntry), QStringList{host});
    }

    void invalidHostnames_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("mail example.test");
        QTest::newRow("comma") << QStringLiteral("mail.example.test,DNS:evil.test");
        QTest::newRow("empty label") << QStringLiteral("mail..example.test");
        QTest::newRow("too long") << (QString(250, QLatin1Char('a')) + QStringLiteral(".test"));
    }

    void invalidHostnames()
    {
        QFETCH(QString, host);
        const auto generated = SelfSignedCertificate::generate(host);
        QVERIFY(!generated.ok());
        QVERIFY2(generated.error().message.contains(QLatin1String("not a host name")),
                 qPrintable(generated.error().message));
    }

    void explicitValidity()
    {
        const QDateTime notBefore = QDateTime::currentDateTimeUtc().addDays(-400);
        const QDateTime notAfter = notBefore.addDays(10);
        const auto generated =
            SelfSignedCertificate::generate(QStringLiteral("mail.example.test"), notBefore, notAfter);
        QVERIFY2(generated.ok(), qPrintable(generated.error().message));
        const QSslCertificate certificate = parse(generated.value());
        QCOMPARE(certificate.effectiveDate().toSecsSinceEpoch(), notBefore.toSecsSinceEpoch());
        QCOMPARE(certificate.expiryDate().toSecsSinceEpoch(), notAfter.toSecsSinceEpoch());

        QVERIFY(
            !SelfSignedCertificate::generate(QStringLiteral("mail.example.test"), notAfter, notBefore).ok());
    }

    void keyMatch()
    {
        const auto first = SelfSignedCertificate::generate(QStringLiteral("mail.example.test"));
        const auto second = SelfSignedCertificate::generate(QStringLiteral("mail.example.test"));
        QVERIFY(first.ok() && second.ok());
        const auto same =
            pw::crypto::certificateMatchesKey(first.value().certificatePem, first.value().privateKeyPem);
        QVERIFY2(same.ok(), qPrintable(same.error().message));
        QVERIFY(same.value());
        const auto other =
            pw::crypto::certificateMatchesKey(first.value().certificatePem, second.value().privateKeyPem);
        QVERIFY2(other.ok(), qPrintable(other.error().message));
        QVERIFY(!other.value());

        // An Ed25519 key is of another type altogether: a mismatch, not an error.
        const auto ed25519 = KeyPair::generateEd25519();
        QVERIFY(ed25519.ok());
        const auto edPem = ed25519.value().privatePem();
        QVERIFY(edPem.ok());
        const auto mixed = pw::crypto::certificateMatchesKey(first.value().certificatePem, edPem.value());
        QVERIFY2(mixed.ok(), qPrintable(mixed.error().message));
        QVERIFY(!mixed.value());

        // The same names with a signature its own key did not make: not self-signed. The
        // signature is the last field of the DER.
        QByteArray der = parse(first.value()).toDer();
        der[der.size() - 1] = char(der.at(der.size() - 1) ^ 0x01);
        const auto broken = pw::crypto::certificateIsSelfSigned(QSslCertificate(der, QSsl::Der).toPem());
        QVERIFY2(broken.ok(), qPrintable(broken.error().message));
        QVERIFY(!broken.value());
        QVERIFY(!pw::crypto::certificateIsSelfSigned("garbage").ok());

        const auto garbageKey = pw::crypto::certificateMatchesKey(first.value().certificatePem, "not a key");
        QVERIFY(!garbageKey.ok());
        QVERIFY(garbageKey.error().message.contains(QLatin1String("private key")));
        const auto garbageCertificate =
            pw::crypto::certificateMatchesKey("not a certificate", first.value().privateKeyPem);
        QVERIFY(!garbageCertificate.ok());
        QVERIFY(garbageCertificate.error().message.contains(QLatin1String("certificate")));
    }
};

QTEST_GUILESS_MAIN(TestSelfSignedCertificate)
#include "tst_selfsignedcertificate.moc"
