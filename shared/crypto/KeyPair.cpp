#include "shared/crypto/KeyPair.h"

#include "shared/crypto/OpenSslError.h"

#include <limits>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace pw::crypto {

namespace {

struct BioDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

// Without a callback OpenSSL would prompt for a passphrase on the controlling terminal, which
// would hang the service; an encrypted key is an error we report instead.
int refusePassphrase(char*, int, int, void*)
{
    return -1;
}

BioPtr readBio(const QByteArray& bytes)
{
    if (bytes.size() > std::numeric_limits<int>::max())
        return nullptr;
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

} // namespace

void KeyPair::KeyDeleter::operator()(evp_pkey_st* key) const
{
    EVP_PKEY_free(key);
}

KeyPair::KeyPair() = default;
KeyPair::~KeyPair() = default;
KeyPair::KeyPair(KeyPair&& other) noexcept = default;
KeyPair& KeyPair::operator=(KeyPair&& other) noexcept = default;

Result<KeyPair> KeyPair::adopt(EVP_PKEY* key, bool hasPrivateKey, const QString& what)
{
    if (!key)
        return detail::openSslError(what);
    KeyPair pair;
    pair.m_key.reset(key);
    pair.m_hasPrivateKey = hasPrivateKey;
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        pair.m_type = KeyType::Rsa;
        return pair;
    case EVP_PKEY_ED25519:
        pair.m_type = KeyType::Ed25519;
        return pair;
    default:
        return CryptoError{what + QStringLiteral(": unsupported key type %1, only RSA and Ed25519 are")
                                      .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key)))};
    }
}

Result<KeyPair> KeyPair::generateRsa(int bits)
{
    if (bits < MinimumRsaBits || bits > MaximumRsaBits)
        return CryptoError{QStringLiteral("RSA key size %1 is outside %2..%3 bits")
                               .arg(bits)
                               .arg(MinimumRsaBits)
                               .arg(MaximumRsaBits)};
    detail::discardOpenSslErrors();
    return adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)), true,
                 QStringLiteral("cannot generate a %1-bit RSA key").arg(bits));
}

Result<KeyPair> KeyPair::generateEd25519()
{
    detail::discardOpenSslErrors();
    return adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), true,
                 QStringLiteral("cannot generate an Ed25519 key"));
}

Result<KeyPair> KeyPair::fromPrivatePem(const QByteArray& pem)
{
    // PKCS#8 and the traditional OpenSSL format mark encryption differently; OpenSSL's own
    // reason ("bad password read") would not tell an admin what to do.
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED"))
        return CryptoError{
            QStringLiteral("the private key is encrypted; store it unencrypted with mode 0600, "
                           "e.g. openssl pkey -in encrypted.pem -out key.pem")};
    detail::discardOpenSslErrors();
    const BioPtr bio = readBio(pem);
    if (!bio)
        return detail::openSslError(QStringLiteral("cannot read private key PEM"));
    return adopt(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr), true,
                 QStringLiteral("cannot read private key PEM"));
}

Result<KeyPair> KeyPair::fromPublicPem(const QByteArray& pem)
{
    detail::discardOpenSslErrors();
    const BioPtr bio = readBio(pem);
    if (!bio)
        return detail::openSslError(QStringLiteral("cannot read public key PEM"));
    return adopt(PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassphrase, nullptr), false,
                 QStringLiteral("cannot read public key PEM"));
}

Result<KeyPair> KeyPair::fromPublicDer(const QByteArray& spki)
{
    const QString what = QStringLiteral("cannot read SubjectPublicKeyInfo DER");
    detail::discardOpenSslErrors();
    auto* cursor = reinterpret_cast<const unsigned char*>(spki.constData());
    const auto* const end = cursor + spki.size();
    EVP_PKEY* key = d2i_PUBKEY(nullptr, &cursor, long(spki.size()));
    // A DKIM p= with bytes after the key is malformed, not a key with a comment.
    if (key && cursor != end) {
        EVP_PKEY_free(key);
        return CryptoError{what + QStringLiteral(": %1 trailing bytes").arg(end - cursor)};
    }
    return adopt(key, false, what);
}

Result<KeyPair> KeyPair::fromRawEd25519Public(const QByteArray& key)
{
    if (key.size() != Ed25519KeySize)
        return CryptoError{
            QStringLiteral("an Ed25519 public key is %1 bytes, not %2").arg(Ed25519KeySize).arg(key.size())};
    detail::discardOpenSslErrors();
    return adopt(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr,
                                                reinterpret_cast<const unsigned char*>(key.constData()),
                                                size_t(key.size())),
                 false, QStringLiteral("cannot read Ed25519 public key"));
}

Result<KeyPair> KeyPair::fromRawEd25519Private(const QByteArray& seed)
{
    if (seed.size() != Ed25519KeySize)
        return CryptoError{QStringLiteral("an Ed25519 private key is %1 bytes, not %2")
                               .arg(Ed25519KeySize)
                               .arg(seed.size())};
    detail::discardOpenSslErrors();
    return adopt(EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr,
                                                 reinterpret_cast<const unsigned char*>(seed.constData()),
                                                 size_t(seed.size())),
                 true, QStringLiteral("cannot read Ed25519 private key"));
}

int KeyPair::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

Result<QByteArray> KeyPair::privatePem() const
{
    if (!hasPrivateKey())
        return CryptoError{QStringLiteral("no private key to write")};
    detail::discardOpenSslErrors();
    // Secure-heap memory is wiped when freed, so the only copy left is the one we return.
    const BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return detail::openSslError(QStringLiteral("cannot write private key PEM"));
    return bioContents(bio.get());
}

Result<QByteArray> KeyPair::publicPem() const
{
    if (isNull())
        return CryptoError{QStringLiteral("no key to write")};
    detail::discardOpenSslErrors();
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return detail::openSslError(QStringLiteral("cannot write public key PEM"));
    return bioContents(bio.get());
}

Result<QByteArray> KeyPair::publicDer() const
{
    if (isNull())
        return CryptoError{QStringLiteral("no key to write")};
    const QString what = QStringLiteral("cannot write SubjectPublicKeyInfo DER");
    detail::discardOpenSslErrors();
    const int size = i2d_PUBKEY(m_key.get(), nullptr);
    if (size <= 0)
        return detail::openSslError(what);
    QByteArray der(size, Qt::Uninitialized);
    auto* cursor = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_PUBKEY(m_key.get(), &cursor) != size)
        return detail::openSslError(what);
    return der;
}

Result<QByteArray> KeyPair::rawPublicKey() const
{
    if (isNull() || m_type != KeyType::Ed25519)
        return CryptoError{QStringLiteral("only Ed25519 keys have a raw public key form")};
    const QString what = QStringLiteral("cannot write raw Ed25519 public key");
    detail::discardOpenSslErrors();
    size_t size = 0;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), nullptr, &size) != 1)
        return detail::openSslError(what);
    QByteArray raw(qsizetype(size), Qt::Uninitialized);
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char*>(raw.data()), &size) != 1)
        return detail::openSslError(what);
    raw.resize(qsizetype(size));
    return raw;
}

} // namespace pw::crypto
