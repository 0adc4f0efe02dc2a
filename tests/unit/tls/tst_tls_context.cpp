#include "service/tls/TlsContext.h"
#include "shared/crypto/KeyPair.h"
#include "shared/crypto/SelfSignedCertificate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <sys/stat.h>
#include <utility>

using pw::crypto::SelfSignedCertificate;
using pw::service::TlsContext;

namespace {

const QString Host = QStringLiteral("mail.example.test");
constexpr int HandshakeTimeoutMs = 10000;

mode_t modeOf(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return mode_t(-1);
    return info.st_mode & 07777;
}

QSslCertificate certificateIn(const QString& path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

// A certificate and its key written where an admin would put them.
struct PemPair
{
    QString certPath;
    QString keyPath;
    QSslCertificate certificate;
};

PemPair writePair(const QString& dir, const QString& name, const QString& host = Host,
                  const QDateTime& notBefore = QDateTime(), const QDateTime& notAfter = QDateTime(),
                  const QByteArray& extraChain = QByteArray())
{
    const auto generated = notBefore.isValid() ? SelfSignedCertificate::generate(host, notBefore, notAfter)
                                               : SelfSignedCertificate::generate(host);
    if (!generated.ok())
        qFatal("cannot generate a certificate: %s", qPrintable(generated.error().message));
    PemPair pair{dir + QLatin1Char('/') + name + QStringLiteral(".crt"),
                 dir + QLatin1Char('/') + name + QStringLiteral(".key"),
                 QSslCertificate(generated.value().certificatePem, QSsl::Pem)};
    QFile certificate(pair.certPath);
    if (!certificate.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        certificate.write(generated.value().certificatePem + extraChain) < 0)
        qFatal("cannot write %s", qPrintable(pair.certPath));
    const auto key = pw::crypto::KeyPair::fromPrivatePem(generated.value().privateKeyPem);
    if (!key.ok() || !key.value().savePrivatePem(pair.keyPath).ok())
        qFatal("cannot write %s", qPrintable(pair.keyPath));
    return pair;
}

// What a listener does: TCP accept, then TLS with the configuration current at that moment,
// then echo, so a test can see that a connection still works after a reload.
class EchoTlsServer : public QTcpServer
{
public:
    explicit EchoTlsServer(std::function<QSslConfiguration()> configuration)
        : m_configuration(std::move(configuration))
    {}
    explicit EchoTlsServer(const TlsContext* context)
        : EchoTlsServer([context] { return context->serverConfiguration(); })
    {}

    QStringList failures;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            failures.append(socket->errorString());
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_configuration());
        connect(socket, &QSslSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
        connect(socket, &QSslSocket::errorOccurred, socket,
                [this, socket] { failures.append(socket->errorString()); });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }

private:
    std::function<QSslConfiguration()> m_configuration;
};

struct Client
{
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    bool encrypted = false;
    QString error;
};

// trusted empty = no verification, as an MTA does; otherwise the peer must chain to it and
// name Host.
Client connectClient(quint16 port, QSsl::SslProtocol protocol, const QList<QSslCertificate>& trusted = {})
{
    Client client;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(protocol);
    if (trusted.isEmpty()) {
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        configuration.setCaCertificates(trusted);
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    client.socket->setSslConfiguration(configuration);
    QSslSocket* socket = client.socket.get();
    QObject::connect(socket, &QSslSocket::encrypted, socket, [&client] { client.encrypted = true; });
    QObject::connect(socket, &QSslSocket::errorOccurred, socket,
                     [&client, socket] { client.error = socket->errorString(); });
    QObject::connect(socket, &QSslSocket::sslErrors, socket, [&client](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            client.error += error.errorString() + QLatin1Char(';');
    });
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, Host);
    if (!QTest::qWaitFor([&client] { return client.encrypted || !client.error.isEmpty(); },
                         HandshakeTimeoutMs))
        client.error = QStringLiteral("no handshake result within %1 ms").arg(HandshakeTimeoutMs);
    QObject::disconnect(socket, nullptr, socket, nullptr);
    return client;
}

bool echoes(QSslSocket* socket, const QByteArray& line)
{
    socket->write(line);
    QByteArray received;
    const bool complete = QTest::qWaitFor(
        [&] {
            received += socket->readAll();
            return received.size() >= line.size();
        },
        HandshakeTimeoutMs);
    return complete && received == line;
}

} // namespace

class TestTlsContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_case = 0;

    // A fresh directory per test, so no test sees another's files.
    QString caseDir()
    {
        const QString dir = m_dir.filePath(QString::number(++m_case));
        QDir().mkpath(dir);
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Debian's OpenSSL refuses TLS 1.0 and 1.1 at its default security level whatever an
        // application asks for. Lowering the process-wide policy lets the TLS 1.1 test prove that
        // our own minimum refuses it, not the library's; it must be set before OpenSSL starts.
        const QString conf = m_dir.filePath(QStringLiteral("openssl.cnf"));
        QFile file(conf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("openssl_conf = default_conf\n"
                   "[default_conf]\nssl_conf = ssl_sect\n"
                   "[ssl_sect]\nsystem_default = system_default_sect\n"
                   "[system_default_sect]\nMinProtocol = TLSv1\nCipherString = DEFAULT:@SECLEVEL=0\n");
        file.close();
        qputenv("OPENSSL_CONF", QFile::encodeName(conf));
        QVERIFY(QSslSocket::supportsSsl());
    }

    void generatesSelfSignedOnFirstStart()
    {
        const QString keysDir = caseDir() + QStringLiteral("/keys");
        TlsContext context(QString(), QString(), keysDir, Host);
        QSignalSpy reloaded(&context, &TlsContext::reloaded);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(reloaded.count(), 1);

        const QString certPath = keysDir + QStringLiteral("/tls-selfsigned.crt");
        const QString keyPath = keysDir + QStringLiteral("/tls-selfsigned.key");
        QCOMPARE(context.certificatePath(), certPath);
        QVERIFY(context.isSelfSigned());
        QCOMPARE(modeOf(keysDir), mode_t(0700));
        QCOMPARE(modeOf(keyPath), mode_t(0600));

        const QSslCertificate onDisk = certificateIn(certPath);
        QVERIFY(!onDisk.isNull());
        QCOMPARE(onDisk.subjectAlternativeNames().values(QSsl::DnsEntry), QStringList{Host});

        const QSslConfiguration configuration = context.serverConfiguration();
        QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
        QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyNone);
        QCOMPARE(configuration.localCertificate(), onDisk);
        QVERIFY(!configuration.privateKey().isNull());

        const QJsonObject description = context.describe();
        QCOMPARE(description.value(QLatin1String("subject")).toString(), QStringLiteral("CN=") + Host);
        QCOMPARE(description.value(QLatin1String("issuer")).toString(), QStringLiteral("CN=") + Host);
        QCOMPARE(description.value(QLatin1String("sha256")).toString(),
                 QString::fromLatin1(onDisk.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
        QCOMPARE(description.value(QLatin1String("not_after")).toString(),
                 onDisk.expiryDate().toUTC().toString(Qt::ISODate));
        QCOMPARE(description.value(QLatin1String("self_signed")).toBool(), true);
        QCOMPARE(description.value(QLatin1String("generated")).toBool(), true);
        QCOMPARE(description.value(QLatin1String("path")).toString(), certPath);
        QVERIFY(description.value(QLatin1String("warnings")).toArray().isEmpty());
    }

    void reusesSelfSigned()
    {
        const QString keysDir = caseDir();
        QStringList errors;
        TlsContext first(QString(), QString(), keysDir, Host);
        QVERIFY2(first.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        const QString certPath = first.certificatePath();
        const QDateTime written = QFileInfo(certPath).lastModified();
        const QByteArray keyBytes = [&] {
            QFile key(keysDir + QStringLiteral("/tls-selfsigned.key"));
            return key.open(QIODevice::ReadOnly) ? key.readAll() : QByteArray();
        }();
        QVERIFY(!keyBytes.isEmpty());

        TlsContext second(QString(), QString(), keysDir, Host);
        QVERIFY2(second.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(second.serverConfiguration().localCertificate(),
                 first.serverConfiguration().localCertificate());
        QCOMPARE(QFileInfo(certPath).lastModified(), written);
        QFile key(keysDir + QStringLiteral("/tls-selfsigned.key"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QCOMPARE(key.readAll(), keyBytes);

        // A reload with nothing changed keeps the certificate too.
        QVERIFY(second.reload(&errors));
        QCOMPARE(second.serverConfiguration().localCertificate(),
                 first.serverConfiguration().localCertificate());
    }

    void regeneratesWhenHostnameChanges()
    {
        const QString keysDir = caseDir();
        QStringList errors;
        TlsContext first(QString(), QString(), keysDir, Host);
        QVERIFY2(first.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));

        TlsContext renamed(QString(), QString(), keysDir, QStringLiteral("mx.example.test"));
        QVERIFY2(renamed.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        const QSslCertificate certificate = renamed.serverConfiguration().localCertificate();
        QVERIFY(certificate != first.serverConfiguration().localCertificate());
        QCOMPARE(certificate.subjectAlternativeNames().values(QSsl::DnsEntry),
                 QStringList{QStringLiteral("mx.example.test")});
        QCOMPARE(certificateIn(renamed.certificatePath()), certificate);
        QCOMPARE(modeOf(keysDir + QStringLiteral("/tls-selfsigned.key")), mode_t(0600));
    }

    void regeneratesWhenExpiringSoon()
    {
        const QString keysDir = caseDir();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PemPair old =
            writePair(keysDir, QStringLiteral("tls-selfsigned"), Host, now.addDays(-300), now.addDays(20));

        TlsContext context(QString(), QString(), keysDir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        const QSslCertificate renewed = context.serverConfiguration().localCertificate();
        QVERIFY(renewed != old.certificate);
        QVERIFY(renewed.expiryDate() > now.addDays(360));
    }

    void keepsSelfSignedThatExpiresLater()
    {
        const QString keysDir = caseDir();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PemPair existing =
            writePair(keysDir, QStringLiteral("tls-selfsigned"), Host, now.addDays(-300), now.addDays(40));
        TlsContext context(QString(), QString(), keysDir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(context.serverConfiguration().localCertificate(), existing.certificate);
    }

    void regeneratesBrokenSelfSigned()
    {
        const QString keysDir = caseDir();
        const PemPair first = writePair(keysDir, QStringLiteral("tls-selfsigned"));
        const PemPair other = writePair(caseDir(), QStringLiteral("other"));
        // A crash between writing the key and the certificate leaves a pair that does not match.
        QVERIFY(QFile::remove(first.keyPath));
        QVERIFY(QFile::copy(other.keyPath, first.keyPath));

        TlsContext context(QString(), QString(), keysDir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        const QSslCertificate certificate = context.serverConfiguration().localCertificate();
        QVERIFY(certificate != first.certificate);
        QVERIFY(certificate != other.certificate);
        QCOMPARE(certificateIn(first.certPath), certificate);
    }

    void tightensKeysDirectory()
    {
        const QString keysDir = caseDir();
        QVERIFY(::chmod(QFile::encodeName(keysDir).constData(), 0755) == 0);
        TlsContext context(QString(), QString(), keysDir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(modeOf(keysDir), mode_t(0700));
    }

    void loadsConfiguredPair()
    {
        const QString dir = caseDir();
        const QString keysDir = dir + QStringLiteral("/keys");
        const PemPair intermediate =
            writePair(dir, QStringLiteral("intermediate"), QStringLiteral("ca.example.test"));
        const PemPair pair = writePair(dir, QStringLiteral("server"), Host, QDateTime(), QDateTime(),
                                       intermediate.certificate.toPem());

        TlsContext context(pair.certPath, pair.keyPath, keysDir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(errors.isEmpty());
        QVERIFY2(context.warnings().isEmpty(), qPrintable(context.warnings().join(QLatin1Char('\n'))));
        QCOMPARE(context.certificatePath(), pair.certPath);
        const QList<QSslCertificate> chain = context.serverConfiguration().localCertificateChain();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0), pair.certificate);
        QCOMPARE(chain.at(1), intermediate.certificate);
        QCOMPARE(context.describe().value(QLatin1String("generated")).toBool(), false);
        // Nothing is generated when a certificate is configured.
        QVERIFY(!QFileInfo::exists(keysDir + QStringLiteral("/tls-selfsigned.crt")));
    }

    void refusesMismatchedKey()
    {
        const QString dir = caseDir();
        const PemPair first = writePair(dir, QStringLiteral("first"));
        const PemPair second = writePair(dir, QStringLiteral("second"));
        TlsContext context(first.certPath, second.keyPath, dir, Host);
        QStringList errors;
        QVERIFY(!context.load(&errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QLatin1String("does not belong")), qPrintable(errors.first()));
        QVERIFY(errors.first().contains(second.keyPath));
        QVERIFY(context.serverConfiguration().localCertificate().isNull());
    }

    void refusesMissingAndUnreadable_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("certificate missing")
            << QStringLiteral("cert-missing") << QStringLiteral("does not exist");
        QTest::newRow("key missing") << QStringLiteral("key-missing") << QStringLiteral("does not exist");
        QTest::newRow("certificate is a directory")
            << QStringLiteral("cert-dir") << QStringLiteral("cannot read");
        QTest::newRow("certificate garbage")
            << QStringLiteral("cert-garbage") << QStringLiteral("no PEM certificate");
        QTest::newRow("key garbage") << QStringLiteral("key-garbage") << QStringLiteral("cannot be used");
        QTest::newRow("key encrypted") << QStringLiteral("key-encrypted") << QStringLiteral("encrypted");
        QTest::newRow("only certificate set")
            << QStringLiteral("key-unset") << QStringLiteral("set together");
    }

    void refusesMissingAndUnreadable()
    {
        QFETCH(QString, which);
        QFETCH(QString, expected);
        const QString dir = caseDir();
        PemPair pair = writePair(dir, QStringLiteral("server"));
        const auto overwrite = [](const QString& path, const QByteArray& bytes) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
        };
        if (which == QLatin1String("cert-missing"))
            QVERIFY(QFile::remove(pair.certPath));
        else if (which == QLatin1String("key-missing"))
            QVERIFY(QFile::remove(pair.keyPath));
        else if (which == QLatin1String("cert-dir"))
            pair.certPath = dir;
        else if (which == QLatin1String("cert-garbage"))
            QVERIFY(overwrite(pair.certPath, "hello\n"));
        else if (which == QLatin1String("key-garbage"))
            QVERIFY(
                overwrite(pair.keyPath, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
        else if (which == QLatin1String("key-encrypted"))
            QVERIFY(overwrite(pair.keyPath, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                                            "-----END ENCRYPTED PRIVATE KEY-----\n"));
        else if (which == QLatin1String("key-unset"))
            pair.keyPath.clear();

        TlsContext context(pair.certPath, pair.keyPath, dir, Host);
        QStringList errors;
        QVERIFY(!context.load(&errors));
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.join(QLatin1Char('\n')).contains(expected),
                 qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void expiredConfiguredCertificateIsAWarning()
    {
        const QString dir = caseDir();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const PemPair pair =
            writePair(dir, QStringLiteral("server"), Host, now.addDays(-400), now.addDays(-35));
        TlsContext context(pair.certPath, pair.keyPath, dir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(context.warnings().size(), 1);
        QVERIFY2(context.warnings().first().contains(QLatin1String("expired")),
                 qPrintable(context.warnings().first()));
        QCOMPARE(context.describe().value(QLatin1String("warnings")).toArray().size(), 1);
        // A configured certificate is the admin's to renew; nothing is generated in its place.
        QCOMPARE(context.serverConfiguration().localCertificate(), pair.certificate);
    }

    void configuredCertificateForAnotherHostIsAWarning()
    {
        const QString dir = caseDir();
        const PemPair pair = writePair(dir, QStringLiteral("server"), QStringLiteral("other.example.test"));
        QVERIFY(::chmod(QFile::encodeName(pair.keyPath).constData(), 0644) == 0);
        TlsContext context(pair.certPath, pair.keyPath, dir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        const QString warnings = context.warnings().join(QLatin1Char('\n'));
        QCOMPARE(context.warnings().size(), 2);
        QVERIFY2(warnings.contains(QLatin1String("not issued for the host name")), qPrintable(warnings));
        QVERIFY2(warnings.contains(QLatin1String("readable by other users")), qPrintable(warnings));
        QCOMPARE(context.describe().value(QLatin1String("hostname_matches")).toBool(), false);
    }

    void failedReloadKeepsTheOldCertificate()
    {
        const QString dir = caseDir();
        const PemPair pair = writePair(dir, QStringLiteral("server"));
        TlsContext context(pair.certPath, pair.keyPath, dir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QSignalSpy reloaded(&context, &TlsContext::reloaded);
        QVERIFY(QFile::remove(pair.keyPath));
        QVERIFY(!context.reload(&errors));
        QCOMPARE(reloaded.count(), 0);
        QCOMPARE(context.serverConfiguration().localCertificate(), pair.certificate);
        QVERIFY(!context.serverConfiguration().privateKey().isNull());
    }

    void handshake_data()
    {
        QTest::addColumn<QSsl::SslProtocol>("protocol");
        QTest::newRow("TLS 1.2") << QSsl::TlsV1_2;
        QTest::newRow("TLS 1.3") << QSsl::TlsV1_3;
    }

    void handshake()
    {
        QFETCH(QSsl::SslProtocol, protocol);
        TlsContext context(QString(), QString(), caseDir(), Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        EchoTlsServer server(&context);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        // The client trusts the self-signed certificate and checks it names Host.
        const Client client =
            connectClient(server.serverPort(), protocol, {context.serverConfiguration().localCertificate()});
        QVERIFY2(client.encrypted, qPrintable(client.error + server.failures.join(QLatin1Char(';'))));
        QCOMPARE(client.socket->sessionProtocol(), protocol);
        QCOMPARE(client.socket->peerCertificate(), context.serverConfiguration().localCertificate());
        QVERIFY(echoes(client.socket.get(), "EHLO client.example.test\r\n"));
    }

    void refusesTls11()
    {
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        const QSsl::SslProtocol tls11 = QSsl::TlsV1_1;
        const QSsl::SslProtocol anyProtocol = QSsl::AnyProtocol;
        QT_WARNING_POP

        TlsContext context(QString(), QString(), caseDir(), Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));

        // The control: the same certificate on a server that allows old versions shows that
        // this OpenSSL can still speak TLS 1.1.
        QSslConfiguration permissive = context.serverConfiguration();
        permissive.setProtocol(anyProtocol);
        {
            EchoTlsServer controlServer([permissive] { return permissive; });
            QVERIFY(controlServer.listen(QHostAddress::LocalHost, 0));
            const Client control = connectClient(controlServer.serverPort(), tls11);
            if (!control.encrypted)
                QSKIP(qPrintable(
                    QStringLiteral("this OpenSSL build cannot negotiate TLS 1.1 at all (%1), so the "
                                   "server's minimum cannot be told apart from the library's")
                        .arg(control.error)));
            QCOMPARE(control.socket->sessionProtocol(), tls11);
        }

        EchoTlsServer server(&context);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const Client client = connectClient(server.serverPort(), tls11);
        QVERIFY2(!client.encrypted, "a TLS 1.1 client completed a handshake");
        QVERIFY(!client.error.isEmpty());
    }

    void reloadServesNewCertificateToNewConnections()
    {
        const QString dir = caseDir();
        const PemPair first = writePair(dir, QStringLiteral("server"));
        TlsContext context(first.certPath, first.keyPath, dir, Host);
        QStringList errors;
        QVERIFY2(context.load(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        EchoTlsServer server(&context);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        const Client before = connectClient(server.serverPort(), QSsl::TlsV1_2OrLater);
        QVERIFY2(before.encrypted, qPrintable(before.error));
        QCOMPARE(before.socket->peerCertificate(), first.certificate);

        // The admin puts a renewed certificate in place and asks for a reload.
        const PemPair renewed = writePair(caseDir(), QStringLiteral("renewed"));
        QVERIFY(QFile::remove(first.certPath) && QFile::copy(renewed.certPath, first.certPath));
        QVERIFY(QFile::remove(first.keyPath) && QFile::copy(renewed.keyPath, first.keyPath));
        QSignalSpy reloaded(&context, &TlsContext::reloaded);
        QVERIFY2(context.reload(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(reloaded.count(), 1);

        const Client after = connectClient(server.serverPort(), QSsl::TlsV1_2OrLater);
        QVERIFY2(after.encrypted, qPrintable(after.error));
        QCOMPARE(after.socket->peerCertificate(), renewed.certificate);
        // The session that started before the reload goes on with the old certificate.
        QVERIFY(echoes(before.socket.get(), "NOOP\r\n"));
        QCOMPARE(before.socket->peerCertificate(), first.certificate);
        QVERIFY(echoes(after.socket.get(), "NOOP\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestTlsContext)
#include "tst_tls_context.moc"
