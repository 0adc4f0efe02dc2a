#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace pw::service {

// The server side of TLS for every listener: the certificate chain and key from the config, or
// a self-signed certificate for the host name generated on first start into keys/ (key 0600,
// RSA-2048, valid one year, subjectAltName = the host name). TLS 1.2 is the minimum.
// reload() reads the files again; sessions already running keep their old configuration, new
// ones get the new one.
class TlsContext : public QObject
{
    Q_OBJECT

public:
    // certPath/keyPath empty = self-signed in keysDir ("tls-selfsigned.crt"/".key").
    TlsContext(QString certPath, QString keyPath, QString keysDir, QString hostname,
               QObject* parent = nullptr);

    [[nodiscard]] bool load(QStringList* errors);
    [[nodiscard]] bool reload(QStringList* errors) { return load(errors); }

    [[nodiscard]] QSslConfiguration serverConfiguration() const { return m_configuration; }
    [[nodiscard]] bool isSelfSigned() const { return m_selfSigned; }
    [[nodiscard]] QString certificatePath() const { return m_activeCertPath; }
    // Subject, issuer, SHA-256 fingerprint and expiry, for status and the console.
    [[nodiscard]] QJsonObject describe() const;

signals:
    void reloaded();

private:
    QString m_certPath;
    QString m_keyPath;
    QString m_keysDir;
    QString m_hostname;
    QString m_activeCertPath;
    QSslConfiguration m_configuration;
    bool m_selfSigned = false;
};

} // namespace pw::service
