#pragma once

#include "service/store/StoreError.h"
#include "shared/crypto/KeyPair.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace pw::service {

class Database;

// What the submission code signs one message with: one entry per key type.
struct DkimSigningKey
{
    QString domain; // A-label, lower case
    QString selector;
    crypto::KeyType type = crypto::KeyType::Rsa;
    std::shared_ptr<const crypto::KeyPair> key;
};

// One row of dkim_keys.
struct DkimKeyRecord
{
    enum class State
    {
        Pending, // published (to be), not signing yet: made by rotate()
        Signing,
        Retired,  // signs no more; its record stays published for the retention period
        Withdrawn // retired longer than the retention period: its record can go
    };

    qint64 id = 0;
    QString domain;
    QString selector;
    crypto::KeyType type = crypto::KeyType::Rsa;
    QString keyFile;      // relative to the data directory
    QByteArray publicKey; // RSA: SubjectPublicKeyInfo DER; Ed25519: the raw 32 bytes
    QDateTime created;
    bool signing = false;
    std::optional<QDate> retired;
    State state = State::Pending;

    [[nodiscard]] QString recordName() const; // "<selector>._domainkey.<domain>"
    [[nodiscard]] QString recordText() const; // "v=DKIM1; k=...; p=..."
    [[nodiscard]] static QString stateName(State state);
};

// The DKIM keys of our domains: private keys in DATA/keys/ (directory 0700, files 0600), their
// public halves and states in dkim_keys. A new domain gets an RSA-2048 and an Ed25519 key that
// sign at once (nothing is published yet, so nothing can break). Rotation is two steps, so that
// a key signs only after its record is in DNS: rotate() makes new keys that only get published,
// activate() lets them sign and retires the old ones, whose records stay for retentionDays.
// Lives on the thread of its Database.
class DkimKeyStore
{
public:
    static constexpr int RsaBits = 2048;

    DkimKeyStore(Database& database, QString dataDir);

    // Both keys, signing at once; for a domain that has none yet.
    [[nodiscard]] StoreResult createInitialKeys(const QString& domain);
    // New pending keys of every type; refused while a rotation is already pending.
    [[nodiscard]] StoreResult rotate(const QString& domain, QList<DkimKeyRecord>* created = nullptr);
    // The newest key of each type signs; the keys that signed before are retired today.
    // Withdrawn keys' rows and files are deleted.
    [[nodiscard]] StoreResult activate(const QString& domain);
    // Deletes the key files and rows of a domain that is going away.
    [[nodiscard]] StoreResult removeDomainKeys(const QString& domain);

    // Every key of the domain, oldest first, with its state as of `today`.
    [[nodiscard]] QList<DkimKeyRecord> keys(const QString& domain, QDate today = QDate::currentDate()) const;
    // The keys whose records must be in DNS: pending, signing and retired within the retention.
    [[nodiscard]] QList<DkimKeyRecord> publishedKeys(const QString& domain,
                                                     QDate today = QDate::currentDate()) const;
    // Loaded once and cached; empty for a domain without keys or when a key file cannot be read
    // (logged).
    [[nodiscard]] QList<DkimSigningKey> signingKeys(const QString& domain) const;

    void setRetentionDays(int days) { m_retentionDays = days; }
    [[nodiscard]] int retentionDays() const { return m_retentionDays; }
    [[nodiscard]] QString keysDir() const;

private:
    [[nodiscard]] qint64 domainId(const QString& name) const;
    [[nodiscard]] StoreResult generate(const QString& domain, qint64 domainId, crypto::KeyType type,
                                       bool signing, const QStringList& taken, DkimKeyRecord* out);
    void deleteFiles(const QList<DkimKeyRecord>& keys) const;

    Database& m_database;
    QString m_dataDir;
    int m_retentionDays;
    mutable QHash<QString, QList<DkimSigningKey>> m_cache;
};

} // namespace pw::service
