#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace pw::auth {

// A DKIM key record, the TXT record at "<selector>._domainkey.<domain>" (RFC 6376 3.6.1). Pure.
struct DkimKeyRecord
{
    struct Parse;

    QByteArray keyType = "rsa";          // k=; "rsa" (the default) or "ed25519" (RFC 8463 4.2)
    QList<QByteArray> hashAlgorithms;    // h=; empty: any
    QByteArray publicKey;                // p=, decoded; empty means revoked
    QList<QByteArray> serviceTypes{"*"}; // s=
    bool testing = false;                // t=y
    bool strict = false;                 // t=s: i= must not be a subdomain of d=
    QByteArray notes;                    // n=

    [[nodiscard]] bool isRevoked() const { return publicKey.isEmpty(); }
    [[nodiscard]] bool allowsHash(QByteArrayView hash) const;
    // "*" or "email" in s= (RFC 6376 3.6.1).
    [[nodiscard]] bool allowsEmail() const;

    // The TXT record text, its strings joined (RFC 6376 3.6.2.2). Unknown tags are ignored.
    [[nodiscard]] static Parse parse(QByteArrayView text);
};

struct DkimKeyRecord::Parse
{
    DkimKeyRecord record;
    QString error; // empty on success

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

} // namespace pw::auth
