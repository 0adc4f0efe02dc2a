#pragma once

#include "shared/crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

// OpenSSL stays out of this header: postwarden_shared links it PRIVATE.
struct evp_pkey_st;

namespace pw::crypto {

// The two key types DKIM signs with: rsa-sha256 (RFC 6376) and ed25519-sha256 (RFC 8463).
enum class KeyType
{
    Rsa,
    Ed25519,
};

// An RSA or Ed25519 key, public only or with its private half. Move-only, because it owns the
// OpenSSL key and a copy would have to be a deep one of secret material.
class KeyPair
{
public:
    // RFC 8301 section 3.2: verifiers must not accept RSA keys below 1024 bits, so we never make one.
    static constexpr int MinimumRsaBits = 1024;
    // Beyond this generation takes minutes and the DKIM record no longer fits a sane TXT record.
    static constexpr int MaximumRsaBits = 16384;
    static constexpr qsizetype Ed25519KeySize = 32;

    KeyPair();
    ~KeyPair();
    KeyPair(KeyPair&& other) noexcept;
    KeyPair& operator=(KeyPair&& other) noexcept;
    KeyPair(const KeyPair&) = delete;
    KeyPair& operator=(const KeyPair&) = delete;

    static Result<KeyPair> generateRsa(int bits);
    static Result<KeyPair> generateEd25519();

    // PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY"); encrypted PEM is refused rather
    // than prompting for a passphrase on the terminal.
    static Result<KeyPair> fromPrivatePem(const QByteArray& pem);
    static Result<KeyPair> fromPublicPem(const QByteArray& pem);
    // SubjectPublicKeyInfo DER: the decoded p= of an RSA DKIM record.
    static Result<KeyPair> fromPublicDer(const QByteArray& spki);
    // RFC 8463 section 4.2: the p= of an ed25519 DKIM record is the bare 32-byte key.
    static Result<KeyPair> fromRawEd25519Public(const QByteArray& key);
    static Result<KeyPair> fromRawEd25519Private(const QByteArray& seed);

    static Result<KeyPair> loadPrivatePem(const QString& path);
    // Mode 0600 from the moment the file exists, fsynced, and atomically replacing `path`.
    Result<void> savePrivatePem(const QString& path) const;

    [[nodiscard]] bool isNull() const { return !m_key; }
    [[nodiscard]] bool hasPrivateKey() const { return m_key && m_hasPrivateKey; }
    // Undefined on a null key.
    [[nodiscard]] KeyType type() const { return m_type; }
    // As OpenSSL counts: the RSA modulus size; 256 for Ed25519. 0 for a null key.
    [[nodiscard]] int bits() const;

    [[nodiscard]] Result<QByteArray> privatePem() const;
    [[nodiscard]] Result<QByteArray> publicPem() const;
    [[nodiscard]] Result<QByteArray> publicDer() const;
    // Ed25519 only.
    [[nodiscard]] Result<QByteArray> rawPublicKey() const;

    // RSA: RSASSA-PKCS1-v1_5 with SHA-256 over `data`. Ed25519: PureEdDSA over `data` itself;
    // DKIM's ed25519-sha256 passes the SHA-256 of the canonicalised headers (RFC 8463 section 3).
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView data) const;
    [[nodiscard]] bool verify(QByteArrayView data, QByteArrayView signature) const;

private:
    struct KeyDeleter
    {
        void operator()(evp_pkey_st* key) const;
    };
    using KeyPtr = std::unique_ptr<evp_pkey_st, KeyDeleter>;

    static Result<KeyPair> adopt(evp_pkey_st* key, bool hasPrivateKey, const QString& what);

    KeyPtr m_key;
    KeyType m_type = KeyType::Rsa;
    bool m_hasPrivateKey = false;
};

} // namespace pw::crypto
