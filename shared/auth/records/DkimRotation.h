#pragma once

#include "shared/crypto/KeyPair.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw::auth {

// One DKIM key the server holds for a domain.
struct DkimKeyAge
{
    QString selector;
    crypto::KeyType type = crypto::KeyType::Rsa;
    QDate createdOn;
    // The day its record was first seen in DNS (the diagnostics check it); nullopt while it
    // has not been seen.
    std::optional<QDate> publishedOn;
};

struct DkimRotationPolicy
{
    // A key signs only once its record has been in DNS this long, so that resolvers that
    // cached the name's absence (RFC 2308) have forgotten it.
    int propagationDays = 3;
    // A new key is made when the signing key is this old (M3AAWG advises rotating at least
    // twice a year).
    int rotationDays = 180;
    // A retired key stays published this long after its successor starts signing, so that
    // messages still queued or re-verified later (forwarding, mailing lists) keep verifying.
    int retentionDays = 14;
    // Each type signs its own signature (RFC 8463 7 advises signing with both).
    QList<crypto::KeyType> keyTypes{crypto::KeyType::Rsa, crypto::KeyType::Ed25519};
};

struct DkimRotationPlan
{
    struct Signer
    {
        crypto::KeyType type = crypto::KeyType::Rsa;
        QString selector;
    };
    struct NewKey
    {
        crypto::KeyType type = crypto::KeyType::Rsa;
        QString selector;
    };

    QList<Signer> signers;  // at most one per key type
    QStringList publish;    // selectors whose records must be in DNS now
    QStringList withdraw;   // selectors whose records (and keys) can go
    QList<NewKey> generate; // keys to create and publish now; they sign in a later plan
    QStringList notes;      // plain-language reasons

    [[nodiscard]] QString signingSelector(crypto::KeyType type) const;
};

// DKIM key rotation without a gap: a new key is published next to the old one, signs only
// after its record has propagated, and the old record stays until retentionDays later.
//
// Selector scheme: "pw" + the year and month the key was made + "r" (RSA) or "e" (Ed25519),
// e.g. "pw202405r"; a second key of the same type in the same month gets "2", "3"...
// ("pw202405r2"). Selectors sort by age, never repeat, and tell the key type at a glance.
class DkimRotation
{
public:
    [[nodiscard]] static QString selectorFor(QDate createdOn, crypto::KeyType type,
                                             const QStringList& existing = {});
    // Pure: the keys held and today's date in, what signs and what to publish out.
    [[nodiscard]] static DkimRotationPlan plan(const QList<DkimKeyAge>& keys, QDate today,
                                               const DkimRotationPolicy& policy = {});
};

} // namespace pw::auth
