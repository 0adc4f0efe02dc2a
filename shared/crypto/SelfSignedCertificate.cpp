#include "shared/crypto/SelfSignedCertificate.h"

#include "shared/crypto/KeyPair.h"
#include "shared/crypto/OpenSslError.h"
#include "shared/crypto/Random.h"

#include <QHostAddress>
#include <QUrl>
#include <limits>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <utility>

namespace pw::crypto {

namespace {

struct OpenSslDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
    void operator()(BIGNUM* number) const { BN_free(number); }
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const { X509_free(certificate); }
    void operator()(X509_EXTENSION* extension) const { X509_EXTENSION_free(extension); }
    void operator()(GENERAL_NAMES* names) const { GENERAL_NAMES_free(names); }
    void operator()(GENERAL_NAME* name) const { GENERAL_NAME_free(name); }
};
template<class T> using Owned = std::unique_ptr<T, OpenSslDeleter>;

// RFC 5280 appendix A: ub-common-name. OpenSSL refuses a longer CN, and the subjectAltName is
// what clients match anyway (RFC 6125 section 6.4.4), so a long name goes only there.
constexpr qsizetype MaximumCommonNameLength = 64;
constexpr qsizetype MaximumHostnameLength = 253;
constexpr int SerialBytes = 16;

struct Subject
{
    QByteArray dnsName; // ASCII (A-labels), lower case
    QByteArray address; // network byte order, empty unless the host name is an IP address
};

Result<Subject> parseHostname(const QString& hostname)
{
    QString name = hostname.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    const CryptoError invalid{
        QStringLiteral("\"%1\" is not a host name a certificate can be issued for").arg(hostname)};
    if (name.isEmpty())
        return invalid;

    Subject subject;
    const QHostAddress address(name);
    if (!address.isNull()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 ipv4 = address.toIPv4Address();
            subject.address = QByteArray(4, Qt::Uninitialized);
            for (int i = 0; i < 4; ++i)
                subject.address[i] = char((ipv4 >> (24 - 8 * i)) & 0xff);
        } else {
            const Q_IPV6ADDR ipv6 = address.toIPv6Address();
            subject.address = QByteArray(reinterpret_cast<const char*>(ipv6.c), 16);
        }
        subject.dnsName = address.toString().toLatin1();
        return subject;
    }

    subject.dnsName = QUrl::toAce(name).toLower();
    if (subject.dnsName.isEmpty() || subject.dnsName.size() > MaximumHostnameLength)
        return invalid;
    // The name goes into the certificate as it is; anything outside LDH and dots would make a
    // certificate no client matches, so it is an error here rather than a puzzle later.
    for (const char c : std::as_const(subject.dnsName)) {
        const bool ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ldh)
            return invalid;
    }
    if (subject.dnsName.startsWith('.') || subject.dnsName.contains(".."))
        return invalid;
    return subject;
}

Result<void> addExtension(X509* certificate, X509V3_CTX* context, int nid, const char* value)
{
    const Owned<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        return detail::openSslError(
            QStringLiteral("cannot add the %1 extension").arg(QLatin1String(OBJ_nid2sn(nid))));
    return {};
}

Result<void> addGeneralName(GENERAL_NAMES* names, int type, const QByteArray& value)
{
    Owned<GENERAL_NAME> name(GENERAL_NAME_new());
    ASN1_STRING* string = ASN1_STRING_type_new(type == GEN_IPADD ? V_ASN1_OCTET_STRING : V_ASN1_IA5STRING);
    if (!name || !string || ASN1_STRING_set(string, value.constData(), int(value.size())) != 1) {
        ASN1_STRING_free(string);
        return detail::openSslError(QStringLiteral("cannot build the subjectAltName"));
    }
    GENERAL_NAME_set0_value(name.get(), type, string);
    if (sk_GENERAL_NAME_push(names, name.get()) <= 0)
        return detail::openSslError(QStringLiteral("cannot build the subjectAltName"));
    name.release();
    return {};
}

// Built from GENERAL_NAMEs rather than from a config string such as "DNS:host", so that no
// character in the name can be read as config syntax.
Result<void> addSubjectAltName(X509* certificate, const Subject& subject)
{
    const Owned<GENERAL_NAMES> names(sk_GENERAL_NAME_new_null());
    if (!names)
        return detail::openSslError(QStringLiteral("cannot build the subjectAltName"));
    if (Result<void> dns = addGeneralName(names.get(), GEN_DNS, subject.dnsName); !dns)
        return dns;
    if (!subject.address.isEmpty())
        if (Result<void> ip = addGeneralName(names.get(), GEN_IPADD, subject.address); !ip)
            return ip;
    if (X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return detail::openSslError(QStringLiteral("cannot add the subjectAltName extension"));
    return {};
}

Result<void> setRandomSerial(X509* certificate)
{
    Result<QByteArray> random = Random::bytes(SerialBytes);
    if (!random)
        return random.error();
    QByteArray serial = random.value();
    // RFC 5280 section 4.1.2.2: positive and at most 20 octets; clearing the top bit keeps the
    // DER encoding at 16 octets without a sign byte.
    serial[0] = char(serial[0] & 0x7f);
    const Owned<BIGNUM> number(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.constData()), int(serial.size()), nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)))
        return detail::openSslError(QStringLiteral("cannot set the certificate serial number"));
    return {};
}

Result<void> setSubject(X509* certificate, const Subject& subject)
{
    X509_NAME* name = X509_get_subject_name(certificate);
    if (subject.dnsName.size() <= MaximumCommonNameLength &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(subject.dnsName.constData()),
                                   int(subject.dnsName.size()), -1, 0) != 1)
        return detail::openSslError(QStringLiteral("cannot set the certificate subject"));
    if (X509_set_issuer_name(certificate, name) != 1)
        return detail::openSslError(QStringLiteral("cannot set the certificate issuer"));
    return {};
}

Result<void> setValidity(X509* certificate, const QDateTime& notBefore, const QDateTime& notAfter)
{
    if (!notBefore.isValid() || !notAfter.isValid() || notAfter <= notBefore)
        return CryptoError{QStringLiteral("the certificate validity period is empty")};
    if (!ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(notBefore.toSecsSinceEpoch())) ||
        !ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(notAfter.toSecsSinceEpoch())))
        return detail::openSslError(QStringLiteral("cannot set the certificate validity"));
    return {};
}

Result<QByteArray> writeCertificatePem(X509* certificate)
{
    const Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate) != 1)
        return detail::openSslError(QStringLiteral("cannot write the certificate PEM"));
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

// KeyPair keeps its EVP_PKEY to itself; the PEM round trip costs microseconds next to the
// RSA key generation.
Result<Owned<EVP_PKEY>> openSslKey(const QByteArray& privatePem)
{
    if (privatePem.size() > std::numeric_limits<int>::max())
        return CryptoError{QStringLiteral("the private key is too large")};
    const Owned<BIO> bio(BIO_new_mem_buf(privatePem.constData(), int(privatePem.size())));
    Owned<EVP_PKEY> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        return detail::openSslError(QStringLiteral("cannot read the generated key"));
    return key;
}

} // namespace

Result<SelfSignedCertificate> SelfSignedCertificate::generate(const QString& hostname)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return generate(hostname, now.addSecs(-3600), now.addDays(ValidDays));
}

Result<SelfSignedCertificate> SelfSignedCertificate::generate(const QString& hostname,
                                                              const QDateTime& notBefore,
                                                              const QDateTime& notAfter)
{
    Result<Subject> subject = parseHostname(hostname);
    if (!subject)
        return subject.error();

    Result<KeyPair> pair = KeyPair::generateRsa(RsaBits);
    if (!pair)
        return pair.error();
    Result<QByteArray> privatePem = pair.value().privatePem();
    if (!privatePem)
        return privatePem.error();
    SelfSignedCertificate result;
    result.privateKeyPem = std::move(privatePem).value();

    detail::discardOpenSslErrors();
    Result<Owned<EVP_PKEY>> key = openSslKey(result.privateKeyPem);
    if (!key)
        return key.error();
    const Owned<X509> certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1 ||
        X509_set_pubkey(certificate.get(), key.value().get()) != 1)
        return detail::openSslError(QStringLiteral("cannot create the certificate"));

    X509* const x509 = certificate.get();
    if (Result<void> step = setRandomSerial(x509); !step)
        return step.error();
    if (Result<void> step = setValidity(x509, notBefore, notAfter); !step)
        return step.error();
    if (Result<void> step = setSubject(x509, subject.value()); !step)
        return step.error();

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, x509, x509, nullptr, nullptr, 0);
    const std::pair<int, const char*> extensions[] = {
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
        {NID_ext_key_usage, "serverAuth"},
        {NID_subject_key_identifier, "hash"},
    };
    for (const auto& [nid, value] : extensions)
        if (Result<void> step = addExtension(x509, &context, nid, value); !step)
            return step.error();
    if (Result<void> step = addSubjectAltName(x509, subject.value()); !step)
        return step.error();

    if (X509_sign(certificate.get(), key.value().get(), EVP_sha256()) <= 0)
        return detail::openSslError(QStringLiteral("cannot sign the certificate"));
    Result<QByteArray> pem = writeCertificatePem(x509);
    if (!pem)
        return pem.error();
    result.certificatePem = std::move(pem).value();
    return result;
}

} // namespace pw::crypto
