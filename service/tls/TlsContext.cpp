#include "service/tls/TlsContext.h"

#include "shared/core/LogCategories.h"
#include "shared/crypto/CertificateChecks.h"
#include "shared/crypto/KeyPair.h"
#include "shared/crypto/SelfSignedCertificate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QSaveFile>
#include <QSslSocket>
#include <QUrl>
#include <optional>
#include <sys/stat.h>
#include <utility>

namespace pw::service {

namespace {

// A PEM chain of a few certificates is a few KiB; a file far bigger is not one.
constexpr qint64 MaximumPemFileSize = 1024 * 1024;

std::optional<QByteArray> readSmallFile(const QString& path, const QString& what, QStringList* errors)
{
    QFile file(path);
    if (!file.exists()) {
        errors->append(TlsContext::tr("the TLS %1 file %2 does not exist").arg(what, path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(
            TlsContext::tr("cannot read the TLS %1 file %2: %3").arg(what, path, file.errorString()));
        return std::nullopt;
    }
    QByteArray contents = file.read(MaximumPemFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        errors->append(
            TlsContext::tr("cannot read the TLS %1 file %2: %3").arg(what, path, file.errorString()));
        return std::nullopt;
    }
    if (contents.size() > MaximumPemFileSize) {
        errors->append(TlsContext::tr("the TLS %1 file %2 is too large to be PEM").arg(what, path));
        return std::nullopt;
    }
    return contents;
}

// The forms the generator writes into the certificate, so that a reused certificate can be
// compared with the configured host name: A-labels in lower case, or an address as Qt prints it.
QString canonicalHostname(const QString& hostname)
{
    QString name = hostname.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    const QHostAddress address(name);
    if (!address.isNull())
        return address.toString();
    return QString::fromLatin1(QUrl::toAce(name)).toLower();
}

// RFC 6125 section 6.4.3: a wildcard stands for exactly one left-most label.
bool certificateNames(const QSslCertificate& certificate, const QString& hostname)
{
    const QString host = canonicalHostname(hostname);
    if (host.isEmpty())
        return false;
    const QMultiMap<QSsl::AlternativeNameEntryType, QString> alternatives =
        certificate.subjectAlternativeNames();
    QStringList names = alternatives.values(QSsl::DnsEntry) + alternatives.values(QSsl::IpAddressEntry);
    // RFC 6125 section 6.4.4: the CN counts only when there is no subjectAltName at all.
    if (alternatives.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    const qsizetype firstDot = host.indexOf(QLatin1Char('.'));
    for (const QString& name : std::as_const(names)) {
        if (name.startsWith(QLatin1String("*."))) {
            if (firstDot > 0 && host.mid(firstDot + 1) == canonicalHostname(name.mid(2)))
                return true;
        } else if (canonicalHostname(name) == host) {
            return true;
        }
    }
    return false;
}

// Qt needs the key's algorithm up front; these are the ones a server certificate has.
QSslKey readPrivateKey(const QByteArray& pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes =
        issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray& attribute : attributes) {
        const QStringList values =
            issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString& value : values)
            parts.append(QString::fromLatin1(attribute) + QLatin1Char('=') + value);
    }
    return parts.join(QLatin1String(", "));
}

bool restrictToOwner(const QString& path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

} // namespace

TlsContext::TlsContext(QString certPath, QString keyPath, QString keysDir, QString hostname, QObject* parent)
    : QObject(parent)
    , m_certPath(std::move(certPath))
    , m_keyPath(std::move(keyPath))
    , m_keysDir(std::move(keysDir))
    , m_hostname(std::move(hostname))
{}

bool TlsContext::load(QStringList* errors)
{
    QStringList problems;
    Loaded loaded;
    QString certPath = m_certPath;
    const bool selfSigned = m_certPath.isEmpty() && m_keyPath.isEmpty();
    const bool ok =
        selfSigned ? loadSelfSigned(&loaded, &certPath, &problems) : loadConfigured(&loaded, &problems);
    if (!ok) {
        if (errors)
            errors->append(problems);
        return false;
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    // Mail clients seldom have certificates and MTAs never present one we could check; asking
    // for one would only make some clients fail.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setLocalCertificateChain(loaded.chain);
    configuration.setPrivateKey(loaded.key);

    m_configuration = configuration;
    m_activeCertPath = certPath;
    m_generated = selfSigned;
    const pw::crypto::Result<bool> selfSignedCheck =
        pw::crypto::certificateIsSelfSigned(loaded.chain.first().toPem());
    m_selfSigned = selfSignedCheck.ok() && selfSignedCheck.value();
    m_warnings = loaded.warnings;
    qCInfo(lcService).noquote() << tr("TLS certificate %1 (%2), valid until %3")
                                       .arg(certPath, distinguishedName(loaded.chain.first(), false),
                                            loaded.chain.first().expiryDate().toString(Qt::ISODate));
    emit reloaded();
    return true;
}

bool TlsContext::loadConfigured(Loaded* loaded, QStringList* errors) const
{
    if (m_certPath.isEmpty() || m_keyPath.isEmpty()) {
        errors->append(
            tr("[tls] cert and key must be set together (both empty = a self-signed certificate)"));
        return false;
    }
    if (!loadPair(m_certPath, m_keyPath, loaded, errors))
        return false;

    const QSslCertificate& leaf = loaded->chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // An expired certificate still encrypts, and most MTAs do not check it; refusing to start
    // would stop the mail, which is worse than a warning the admin sees in status.
    if (leaf.expiryDate() < now)
        loaded->warnings.append(
            tr("the TLS certificate %1 expired on %2; clients that check it will refuse it")
                .arg(m_certPath, leaf.expiryDate().toString(Qt::ISODate)));
    else if (leaf.effectiveDate() > now)
        loaded->warnings.append(tr("the TLS certificate %1 is not valid before %2")
                                    .arg(m_certPath, leaf.effectiveDate().toString(Qt::ISODate)));
    if (!m_hostname.isEmpty() && !certificateNames(leaf, m_hostname))
        loaded->warnings.append(
            tr("the TLS certificate %1 is not issued for the host name %2").arg(m_certPath, m_hostname));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (QFile::permissions(m_keyPath) & others)
        loaded->warnings.append(
            tr("the TLS key %1 is readable by other users; make it mode 0600").arg(m_keyPath));
    return true;
}

bool TlsContext::loadPair(const QString& certPath, const QString& keyPath, Loaded* loaded,
                          QStringList* errors) const
{
    const std::optional<QByteArray> certificateBytes = readSmallFile(certPath, tr("certificate"), errors);
    if (!certificateBytes)
        return false;
    std::optional<QByteArray> keyBytes = readSmallFile(keyPath, tr("key"), errors);
    if (!keyBytes)
        return false;

    loaded->chain = QSslCertificate::fromData(*certificateBytes, QSsl::Pem);
    if (loaded->chain.isEmpty() || loaded->chain.first().isNull()) {
        errors->append(tr("the TLS certificate file %1 holds no PEM certificate").arg(certPath));
        return false;
    }
    if (keyBytes->contains("ENCRYPTED")) {
        errors->append(tr("the TLS key %1 is encrypted; store it unencrypted with mode 0600, "
                          "e.g. openssl pkey -in encrypted.pem -out key.pem")
                           .arg(keyPath));
        return false;
    }
    const pw::crypto::Result<bool> matches =
        pw::crypto::certificateMatchesKey(loaded->chain.first().toPem(), *keyBytes);
    if (!matches.ok()) {
        errors->append(tr("the TLS key %1 cannot be used: %2").arg(keyPath, matches.error().message));
        return false;
    }
    if (!matches.value()) {
        errors->append(tr("the TLS key %1 does not belong to the certificate %2").arg(keyPath, certPath));
        return false;
    }
    loaded->key = readPrivateKey(*keyBytes);
    keyBytes->fill('\0');
    if (loaded->key.isNull()) {
        errors->append(tr("the TLS key %1 is of a type the TLS library cannot use (RSA, ECDSA and DSA are)")
                           .arg(keyPath));
        return false;
    }
    return true;
}

bool TlsContext::loadSelfSigned(Loaded* loaded, QString* certPath, QStringList* errors) const
{
    if (m_keysDir.isEmpty()) {
        errors->append(tr("no directory for the self-signed TLS certificate"));
        return false;
    }
    if (!QDir().mkpath(m_keysDir)) {
        errors->append(tr("cannot create the key directory %1").arg(m_keysDir));
        return false;
    }
    // The directory holds every private key of the service.
    if (!restrictToOwner(m_keysDir, S_IRWXU)) {
        errors->append(tr("cannot make the key directory %1 private (mode 0700)").arg(m_keysDir));
        return false;
    }

    const QDir keys(m_keysDir);
    *certPath = keys.filePath(QLatin1String(SelfSignedCertificateName));
    const QString keyPath = keys.filePath(QLatin1String(SelfSignedKeyName));
    const QString stale = selfSignedStaleReason(*certPath, keyPath);
    if (!stale.isEmpty()) {
        qCInfo(lcService).noquote()
            << tr("generating a self-signed TLS certificate for %1: %2").arg(m_hostname, stale);
        if (!generateSelfSigned(*certPath, keyPath, errors))
            return false;
    }
    return loadPair(*certPath, keyPath, loaded, errors);
}

QString TlsContext::selfSignedStaleReason(const QString& certPath, const QString& keyPath) const
{
    if (!QFileInfo::exists(certPath) || !QFileInfo::exists(keyPath))
        return tr("there is none yet");
    Loaded existing;
    QStringList problems;
    if (!loadPair(certPath, keyPath, &existing, &problems))
        return problems.join(QLatin1String("; "));
    const QSslCertificate& leaf = existing.chain.first();
    if (!certificateNames(leaf, m_hostname))
        return tr("the host name changed");
    if (leaf.expiryDate() < QDateTime::currentDateTimeUtc().addDays(RenewDaysBeforeExpiry))
        return tr("the old one expires on %1").arg(leaf.expiryDate().toString(Qt::ISODate));
    return {};
}

bool TlsContext::generateSelfSigned(const QString& certPath, const QString& keyPath,
                                    QStringList* errors) const
{
    const pw::crypto::Result<pw::crypto::SelfSignedCertificate> generated =
        pw::crypto::SelfSignedCertificate::generate(m_hostname);
    if (!generated) {
        errors->append(
            tr("cannot generate a self-signed TLS certificate: %1").arg(generated.error().message));
        return false;
    }
    const pw::crypto::Result<pw::crypto::KeyPair> key =
        pw::crypto::KeyPair::fromPrivatePem(generated.value().privateKeyPem);
    // The key is written before the certificate: after a crash in between the pair does not
    // match and the next start generates both again.
    const pw::crypto::Result<void> savedKey =
        key ? key.value().savePrivatePem(keyPath) : pw::crypto::Result<void>(key.error());
    if (!savedKey) {
        errors->append(tr("cannot store the TLS key %1: %2").arg(keyPath, savedKey.error().message));
        return false;
    }
    QSaveFile certificate(certPath);
    if (!certificate.open(QIODevice::WriteOnly) || certificate.write(generated.value().certificatePem) < 0 ||
        !certificate.commit()) {
        errors->append(
            tr("cannot store the TLS certificate %1: %2").arg(certPath, certificate.errorString()));
        return false;
    }
    return true;
}

QJsonObject TlsContext::describe() const
{
    const QList<QSslCertificate> chain = m_configuration.localCertificateChain();
    if (chain.isEmpty())
        return {{QStringLiteral("loaded"), false}};
    const QSslCertificate& leaf = chain.first();
    return {
        {QStringLiteral("loaded"), true},
        {QStringLiteral("subject"), distinguishedName(leaf, false)},
        {QStringLiteral("issuer"), distinguishedName(leaf, true)},
        {QStringLiteral("sha256"),
         QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper())},
        {QStringLiteral("not_before"), leaf.effectiveDate().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("not_after"), leaf.expiryDate().toUTC().toString(Qt::ISODate)},
        {QStringLiteral("self_signed"), m_selfSigned},
        {QStringLiteral("generated"), m_generated},
        {QStringLiteral("path"), m_activeCertPath},
        {QStringLiteral("hostname_matches"), m_hostname.isEmpty() || certificateNames(leaf, m_hostname)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings)},
    };
}

} // namespace pw::service
