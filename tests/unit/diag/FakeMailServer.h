#pragma once

// A scripted mail server on 127.0.0.1, port 0, for the network check tests: an SMTP server with
// STARTTLS, an IMAP greeting, implicit TLS, or one that accepts and never speaks. Header-only;
// used by the tests of shared/diag/checks and by tst_ctl_check.

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>

namespace pw::test {

// A self-signed certificate from the openssl command line (QSsl cannot generate one).
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    [[nodiscard]] static TestCertificate generate(const QString& commonName, int days)
    {
        QTemporaryDir dir;
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=") + commonName, QStringLiteral("-days"), QString::number(days),
                       QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
        openssl.waitForFinished(30000);
        TestCertificate result;
        QFile keyFile(keyPath);
        QFile certFile(certPath);
        if (keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly)) {
            result.key = QSslKey(keyFile.readAll(), QSsl::Rsa);
            result.certificate = QSslCertificate(certFile.readAll());
        }
        return result;
    }
};

class FakeMailServer : public QTcpServer
{
public:
    enum class Mode
    {
        Smtp,    // 220 banner, EHLO (offers STARTTLS when a certificate is set), STARTTLS, QUIT
        SmtpTls, // implicit TLS, then as Smtp
        Imap,    // "* OK" greeting, STARTTLS, LOGOUT
        ImapTls, // implicit TLS, then as Imap
        Silent   // accepts and never says a word
    };

    explicit FakeMailServer(Mode mode, TestCertificate certificate = TestCertificate(),
                            QObject* parent = nullptr)
        : QTcpServer(parent)
        , m_mode(mode)
        , m_certificate(std::move(certificate))
    {}

    [[nodiscard]] bool start() { return listen(QHostAddress::LocalHost, 0); }
    [[nodiscard]] int connections() const { return m_connections; }
    [[nodiscard]] QStringList received() const { return m_received; }

    static constexpr const char* kSmtpBanner = "220 mail.example.org ESMTP fake ready";

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++m_connections;
        auto* socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (!m_certificate.certificate.isNull()) {
            socket->setLocalCertificate(m_certificate.certificate);
            socket->setPrivateKey(m_certificate.key);
        }
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
        if (m_mode == Mode::Silent)
            return;
        if (m_mode == Mode::SmtpTls || m_mode == Mode::ImapTls) {
            connect(socket, &QSslSocket::encrypted, socket, [this, socket] { greet(socket); });
            socket->startServerEncryption();
            return;
        }
        greet(socket);
    }

private:
    [[nodiscard]] bool imap() const { return m_mode == Mode::Imap || m_mode == Mode::ImapTls; }

    void greet(QSslSocket* socket)
    {
        socket->write(imap() ? QByteArray("* OK [CAPABILITY IMAP4rev1 STARTTLS] fake ready\r\n")
                             : QByteArray(kSmtpBanner) + "\r\n");
    }

    void onReadyRead(QSslSocket* socket)
    {
        while (socket->canReadLine()) {
            const QByteArray line = socket->readLine().trimmed();
            m_received.append(QString::fromUtf8(line));
            const QByteArray verb = line.split(' ').value(imap() ? 1 : 0).toUpper();
            if (imap()) {
                const QByteArray tag = line.split(' ').value(0);
                if (verb == "STARTTLS") {
                    socket->write(tag + " OK begin TLS\r\n");
                    socket->startServerEncryption();
                } else if (verb == "LOGOUT") {
                    socket->write("* BYE\r\n" + tag + " OK bye\r\n");
                    socket->disconnectFromHost();
                } else {
                    socket->write(tag + " BAD unknown\r\n");
                }
            } else if (verb == "EHLO") {
                const bool tls = !m_certificate.certificate.isNull() && !socket->isEncrypted();
                socket->write(tls ? "250-mail.example.org\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
                                  : "250-mail.example.org\r\n250 PIPELINING\r\n");
            } else if (verb == "STARTTLS") {
                socket->write("220 go ahead\r\n");
                socket->startServerEncryption();
            } else if (verb == "QUIT") {
                socket->write("221 bye\r\n");
                socket->disconnectFromHost();
            } else {
                socket->write("502 unknown\r\n");
            }
        }
    }

    Mode m_mode;
    TestCertificate m_certificate;
    int m_connections = 0;
    QStringList m_received;
};

// A port nothing listens on: bound, then closed again.
[[nodiscard]] inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace pw::test
