#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
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

    static constexpr const char* SelfSignedCertificateName = "tls-selfsigned.crt";
    static constexpr const char* SelfSignedKeyName = "tls-selfsigned.key";
    // The self-signed certificate is made anew when it has less than this left, so that a
    // service restarted now and then never serves an expired one.
    static constexpr int RenewDaysBeforeExpiry = 30;

    // On failure the configuration of the last successful load stays in use; errors and
    // warnings() are the caller's to log.
    [[nodiscard]] bool load(QStringList* errors);
    [[nodiscard]] bool reload(QStringList* errors) { return load(errors); }

    [[nodiscard]] QSslConfiguration serverConfiguration() const { return m_configuration; }
    [[nodiscard]] bool isSelfSigned() const { return m_selfSigned; }
    [[nodiscard]] QString certificatePath() const { return m_activeCertPath; }
    // Subject, issuer, SHA-256 fingerprint and expiry, for status and the console.
    [[nodiscard]] QJsonObject describe() const;
    // Problems of the last successful load that do not stop the service (an expired configured
    // certificate, one that does not name the host, a key readable by others), for the caller to log.
    [[nodiscard]] QStringList warnings() const { return m_warnings; }

signals:
    void reloaded();

private:
    struct Loaded
    {
        QList<QSslCertificate> chain;
        QSslKey key;
        QStringList warnings;
    };

    bool loadPair(const QString& certPath, const QString& keyPath, Loaded* loaded, QStringList* errors) const;
    bool loadConfigured(Loaded* loaded, QStringList* errors) const;
    bool loadSelfSigned(Loaded* loaded, QString* certPath, QStringList* errors) const;
    bool generateSelfSigned(const QString& certPath, const QString& keyPath, QStringList* errors) const;
    [[nodiscard]] QString selfSignedStaleReason(const QString& certPath, const QString& keyPath) const;

    QString m_certPath;
    QString m_keyPath;
    QString m_keysDir;
    QString m_hostname;
    QString m_activeCertPath;
    QSslConfiguration m_configuration;
    bool m_selfSigned = false;
    bool m_generated = false;
    QStringList m_warnings;
};

} // namespace pw::service
