#include "shared/crypto/CertificateChecks.h"

#include "shared/crypto/OpenSslError.h"

#include <limits>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace pw::crypto {

namespace {

struct OpenSslDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const { X509_free(certificate); }
};
template<class T> using Owned = std::unique_ptr<T, OpenSslDeleter>;

// An encrypted key is an error, never a passphrase prompt on the service's terminal.
int refusePassphrase(char*, int, int, void*)
{
    return -1;
}

Owned<BIO> readBio(const QByteArray& bytes)
{
    if (bytes.size() > std::numeric_limits<int>::max())
        return nullptr;
    return Owned<BIO>(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

Owned<X509> readCertificate(const QByteArray& pem)
{
    const Owned<BIO> bio = readBio(pem);
    return Owned<X509>(bio ? PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
}

} // namespace

Result<bool> certificateMatchesKey(const QByteArray& certificatePem, const QByteArray& keyPem)
{
    detail::discardOpenSslErrors();
    const Owned<X509> certificate = readCertificate(certificatePem);
    if (!certificate)
        return detail::openSslError(QStringLiteral("cannot read the certificate PEM"));
    const Owned<BIO> keyBio = readBio(keyPem);
    const Owned<EVP_PKEY> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    if (!key)
        return detail::openSslError(QStringLiteral("cannot read the private key PEM"));
    const bool matches = X509_check_private_key(certificate.get(), key.get()) == 1;
    // A mismatch leaves reasons in the queue that would otherwise surface in a later, unrelated error.
    detail::discardOpenSslErrors();
    return matches;
}

Result<bool> certificateIsSelfSigned(const QByteArray& certificatePem)
{
    detail::discardOpenSslErrors();
    const Owned<X509> certificate = readCertificate(certificatePem);
    if (!certificate)
        return detail::openSslError(QStringLiteral("cannot read the certificate PEM"));
    const int selfSigned = X509_self_signed(certificate.get(), 1);
    if (selfSigned < 0)
        return detail::openSslError(QStringLiteral("cannot check the certificate signature"));
    detail::discardOpenSslErrors();
    return selfSigned == 1;
}

} // namespace pw::crypto
