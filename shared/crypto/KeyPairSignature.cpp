#include "shared/crypto/KeyPair.h"
#include "shared/crypto/OpenSslError.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace pw::crypto {

namespace {

struct MdContextDeleter
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using MdContextPtr = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

// Ed25519 hashes internally (PureEdDSA, RFC 8032 section 5.1.6), so it takes no digest name.
const char* digestFor(KeyType type)
{
    return type == KeyType::Rsa ? "SHA256" : nullptr;
}

// DKIM rsa-sha256 is PKCS#1 v1.5 (RFC 6376 section 3.3.1); pin it rather than trust the default.
bool usePkcs1Padding(KeyType type, EVP_PKEY_CTX* keyContext)
{
    return type != KeyType::Rsa || EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) > 0;
}

// An empty view may carry a null pointer; OpenSSL wants a valid one even for zero bytes.
const unsigned char* bytesOf(QByteArrayView data)
{
    static const unsigned char empty = 0;
    return data.isEmpty() ? &empty : reinterpret_cast<const unsigned char*>(data.data());
}

} // namespace

Result<QByteArray> KeyPair::sign(QByteArrayView data) const
{
    if (!hasPrivateKey())
        return CryptoError{QStringLiteral("cannot sign without a private key")};
    const QString what = QStringLiteral("cannot sign");
    detail::discardOpenSslErrors();

    const MdContextPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr;
    if (!context ||
        EVP_DigestSignInit_ex(context.get(), &keyContext, digestFor(m_type), nullptr, nullptr, m_key.get(),
                              nullptr) != 1 ||
        !usePkcs1Padding(m_type, keyContext))
        return detail::openSslError(what);

    size_t size = 0;
    if (EVP_DigestSign(context.get(), nullptr, &size, bytesOf(data), size_t(data.size())) != 1)
        return detail::openSslError(what);
    QByteArray signature(qsizetype(size), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       bytesOf(data), size_t(data.size())) != 1)
        return detail::openSslError(what);
    signature.resize(qsizetype(size));
    return signature;
}

bool KeyPair::verify(QByteArrayView data, QByteArrayView signature) const
{
    if (isNull())
        return false;
    detail::discardOpenSslErrors();

    const MdContextPtr context(EVP_MD_CTX_new());
    EVP_PKEY_CTX* keyContext = nullptr;
    const bool valid = context &&
                       EVP_DigestVerifyInit_ex(context.get(), &keyContext, digestFor(m_type), nullptr,
                                               nullptr, m_key.get(), nullptr) == 1 &&
                       usePkcs1Padding(m_type, keyContext) &&
                       EVP_DigestVerify(context.get(), bytesOf(signature), size_t(signature.size()),
                                        bytesOf(data), size_t(data.size())) == 1;
    // A forged or damaged signature is an answer, not an error; keep it out of later reports.
    detail::discardOpenSslErrors();
    return valid;
}

} // namespace pw::crypto
