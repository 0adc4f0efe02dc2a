// postwardenctl verify: DKIM and DMARC of saved messages, against a loopback DNS server.

#include "shared/auth/dkim/DkimSigner.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/auth/records/MailDomainSetup.h"
#include "shared/crypto/KeyPair.h"
#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pw::test::ProgramResult;
using pw::test::TestDnsServer;
using pw::test::TestService;

namespace {

// Character-strings of at most 255 bytes (RFC 1035 3.3), in zone syntax.
QString txt(const QString& text)
{
    QStringList strings;
    for (qsizetype i = 0; i < text.size(); i += 255)
        strings.append(QLatin1Char('"') + text.mid(i, 255) + QLatin1Char('"'));
    return strings.join(QLatin1Char(' '));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray kMessage = "From: Alice <alice@example.org>\n"
                            "To: bob@example.net\n"
                            "Subject: Lunch\n"
                            "Date: Wed, 25 Nov 2026 12:00:00 +0000\n"
                            "Message-ID: <lunch.1@example.org>\n"
                            "\n"
                            "Shall we meet at noon?\n";

} // namespace

class TestCtlVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signedMessagePasses();
    void signedMessageJson();
    void tamperedBodyFails();
    void unsignedMessageIsRejected();
    void missingFileIsUsageError();
    void rfc6376Example();

private:
    QString writeMessage(const QByteArray& content);
    ProgramResult verify(const QStringList& extra, TestDnsServer& dns);

    QTemporaryDir m_dir;
    QByteArray m_signed; // LF line ends, as a file saved on Unix
    QString m_zone;
    TestDnsServer m_dns;
    int m_files = 0;
};

void TestCtlVerify::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto key = pw::crypto::KeyPair::generateEd25519();
    QVERIFY(key.ok());
    QString error;
    const auto info = pw::auth::DkimKeyInfo::fromKeyPair(QStringLiteral("sel"), key.value(), &error);
    QVERIFY2(info.has_value(), qPrintable(error));
    const QString dkimRecord = pw::auth::DnsRecordGenerator::dkimText(*info);

    const pw::auth::DkimSigner signer(QStringLiteral("example.org"), QStringLiteral("sel"),
                                      std::move(key.value()));
    const auto outcome = signer.sign(kMessage, QDateTime::currentDateTimeUtc());
    QVERIFY2(outcome.ok(), qPrintable(outcome.error));
    m_signed = QByteArray(outcome.headerField).replace("\r\n", "\n") + kMessage;

    m_zone = QStringLiteral("sel._domainkey.example.org. TXT %1\n"
                            "_dmarc.example.org. TXT \"v=DMARC1; p=reject\"\n"
                            "example.org. A 192.0.2.1\n")
                 .arg(txt(dkimRecord));
    QVERIFY2(m_dns.start(m_zone), qPrintable(m_dns.errorString()));
}

QString TestCtlVerify::writeMessage(const QByteArray& content)
{
    const QString path = m_dir.filePath(QStringLiteral("message%1.eml").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

ProgramResult TestCtlVerify::verify(const QStringList& extra, TestDnsServer& dns)
{
    return TestService::run(TestService::program(QStringLiteral("postwardenctl")),
                            QStringList{QStringLiteral("verify")} + extra +
                                QStringList{QStringLiteral("--dns-server"), dns.address()});
}

void TestCtlVerify::signedMessagePasses()
{
    const QString path = writeMessage(m_signed);
    const ProgramResult result = verify({path}, m_dns);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdOut + result.stdErr));
    QVERIFY2(result.stdOut.contains(QStringLiteral("DKIM pass  d=example.org s=sel ed25519-sha256")),
             qPrintable(result.stdOut));
    QVERIFY2(result.stdOut.contains(QStringLiteral("DMARC pass")), qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains(QStringLiteral("SPF was not checked")));
    QVERIFY(result.stdOut.contains(QStringLiteral("Verdict: pass")));

    // CRLF files verify the same.
    const QString crlf = writeMessage(QByteArray(m_signed).replace("\n", "\r\n"));
    QCOMPARE(verify({crlf}, m_dns).exitCode, 0);
}

void TestCtlVerify::signedMessageJson()
{
    const QString path = writeMessage(m_signed);
    const ProgramResult result = verify({path, QStringLiteral("--json")}, m_dns);
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdOut + result.stdErr));
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(result.stdOut.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(result.stdOut));
    QCOMPARE(object.value(QStringLiteral("file")).toString(), path);
    QCOMPARE(object.value(QStringLiteral("from_domain")).toString(), QStringLiteral("example.org"));
    QCOMPARE(object.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
    const QJsonArray dkim = object.value(QStringLiteral("dkim")).toArray();
    QCOMPARE(dkim.size(), 1);
    const QJsonObject signature = dkim.first().toObject();
    QCOMPARE(signature.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
    QCOMPARE(signature.value(QStringLiteral("domain")).toString(), QStringLiteral("example.org"));
    QCOMPARE(signature.value(QStringLiteral("selector")).toString(), QStringLiteral("sel"));
    QCOMPARE(signature.value(QStringLiteral("algorithm")).toString(), QStringLiteral("ed25519-sha256"));
    const QJsonObject dmarc = object.value(QStringLiteral("dmarc")).toObject();
    QCOMPARE(dmarc.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
    QCOMPARE(dmarc.value(QStringLiteral("policy")).toString(), QStringLiteral("reject"));
    QCOMPARE(dmarc.value(QStringLiteral("disposition")).toString(), QStringLiteral("none"));
    QCOMPARE(dmarc.value(QStringLiteral("record")).toString(), QStringLiteral("v=DMARC1; p=reject"));
    QVERIFY(!dmarc.value(QStringLiteral("explanation")).toString().isEmpty());
    QVERIFY(!dmarc.value(QStringLiteral("spf_note")).toString().isEmpty());

    // The global --json before the command works too.
    const ProgramResult global = TestService::run(TestService::program(QStringLiteral("postwardenctl")),
                                                  {QStringLiteral("--json"), QStringLiteral("verify"), path,
                                                   QStringLiteral("--dns-server"), m_dns.address()});
    QCOMPARE(global.exitCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(global.stdOut.toUtf8()).object().value(QStringLiteral("verdict")).toString(),
        QStringLiteral("pass"));
}

void TestCtlVerify::tamperedBodyFails()
{
    const QString path = writeMessage(QByteArray(m_signed).replace("noon", "one"));
    const ProgramResult result = verify({path}, m_dns);
    QVERIFY2(result.exitCode == 1, qPrintable(result.stdOut + result.stdErr));
    QVERIFY2(result.stdOut.contains(QStringLiteral("DKIM fail  d=example.org")), qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains(
        QStringLiteral("body hash does not match: the message was changed after signing")));
    QVERIFY(result.stdOut.contains(QStringLiteral("DMARC fail")));
    QVERIFY(result.stdOut.contains(QStringLiteral("Verdict: fail")));

    const ProgramResult json = verify({path, QStringLiteral("--json")}, m_dns);
    QCOMPARE(json.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(json.stdOut.toUtf8()).object();
    const QJsonObject signature = object.value(QStringLiteral("dkim")).toArray().first().toObject();
    QCOMPARE(signature.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    QVERIFY(signature.value(QStringLiteral("reason")).toString().contains(QStringLiteral("body hash")));
    QCOMPARE(object.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
}

void TestCtlVerify::unsignedMessageIsRejected()
{
    const QString path = writeMessage(kMessage);
    const ProgramResult result = verify({path}, m_dns);
    QVERIFY2(result.exitCode == 1, qPrintable(result.stdOut + result.stdErr));
    QVERIFY2(result.stdOut.contains(QStringLiteral("DKIM none")), qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains(QStringLiteral("DMARC fail")));
    QVERIFY(result.stdOut.contains(QStringLiteral("disposition: reject")));

    const ProgramResult json = verify({path, QStringLiteral("--json")}, m_dns);
    QCOMPARE(json.exitCode, 1);
    const QJsonObject dmarc =
        QJsonDocument::fromJson(json.stdOut.toUtf8()).object().value(QStringLiteral("dmarc")).toObject();
    QCOMPARE(dmarc.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    QCOMPARE(dmarc.value(QStringLiteral("policy")).toString(), QStringLiteral("reject"));
    QCOMPARE(dmarc.value(QStringLiteral("disposition")).toString(), QStringLiteral("reject"));
}

void TestCtlVerify::missingFileIsUsageError()
{
    const ProgramResult missing = verify({m_dir.filePath(QStringLiteral("nope.eml"))}, m_dns);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.stdErr.contains(QStringLiteral("nope.eml")));

    const ProgramResult noFile =
        TestService::run(TestService::program(QStringLiteral("postwardenctl")), {QStringLiteral("verify")});
    QCOMPARE(noFile.exitCode, 2);

    const QString notMail = writeMessage("just some text without any header\n");
    QCOMPARE(verify({notMail}, m_dns).exitCode, 2);
}

void TestCtlVerify::rfc6376Example()
{
    const QString sourceDir = qEnvironmentVariable("POSTWARDEN_SOURCE_DIR");
    const QString dir = QDir::cleanPath(sourceDir + QStringLiteral("/../shared/conformance/dkim/rfc6376"));
    if (sourceDir.isEmpty() || !QFile::exists(dir + QStringLiteral("/signed.eml")))
        QSKIP("the conformance folder is expected at POSTWARDEN_SOURCE_DIR/../shared/conformance");
    QString zone;
    for (const QByteArray& rawLine : readFile(dir + QStringLiteral("/dns.txt")).split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.indexOf(' ');
        zone += QString::fromLatin1(line.left(space)) + QStringLiteral(". TXT ") +
                txt(QString::fromLatin1(line.mid(space + 1).trimmed())) + QLatin1Char('\n');
    }
    TestDnsServer dns;
    QVERIFY2(dns.start(zone), qPrintable(dns.errorString()));
    const ProgramResult result = verify({dir + QStringLiteral("/signed.eml")}, dns);
    // football.example.com publishes no DMARC record, so the passing signature decides.
    QVERIFY2(result.exitCode == 0, qPrintable(result.stdOut + result.stdErr));
    QVERIFY2(result.stdOut.contains(QStringLiteral("DKIM pass  d=example.com s=brisbane rsa-sha256")),
             qPrintable(result.stdOut));
    QVERIFY(result.stdOut.contains(QStringLiteral("DMARC none")));
}

QTEST_GUILESS_MAIN(TestCtlVerify)
#include "tst_ctl_verify.moc"
