#pragma once

#include "shared/auth/dkim/DkimCanonicalization.h"
#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/dkim/DkimTagList.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace pw::auth {

// RFC 6376 3.3 and RFC 8463 3: the two algorithms in use. rsa-sha1 is refused (RFC 8301 3.1).
enum class DkimAlgorithm
{
    RsaSha256,
    Ed25519Sha256,
};

[[nodiscard]] QByteArray dkimAlgorithmName(DkimAlgorithm algorithm);

// The tags of one DKIM-Signature header field (RFC 6376 3.5), parsed and checked for
// everything that does not need the key, the clock or the message. Pure.
struct DkimSignature
{
    struct Parse;

    QByteArray algorithmName; // a= as written
    DkimAlgorithm algorithm = DkimAlgorithm::RsaSha256;
    QByteArray signature;       // b=, decoded
    QByteArray signatureBase64; // b= without whitespace
    QByteArray bodyHash;        // bh=, decoded
    DkimCanonicalization headerCanonicalization = DkimCanonicalization::Simple;
    DkimCanonicalization bodyCanonicalization = DkimCanonicalization::Simple;
    QByteArray domain;                 // d=
    QList<QByteArray> signedHeaders;   // h=, in order, as written
    QByteArray identity;               // i=, or "@" + d= when absent (RFC 6376 3.5)
    std::optional<quint64> bodyLength; // l=
    QByteArray selector;               // s=
    std::optional<quint64> timestamp;  // t=
    std::optional<quint64> expiration; // x=
    QByteArray copiedHeaders;          // z=, kept as is

    // Where the key record lives: "<s>._domainkey.<d>" (RFC 6376 3.6.2.1).
    [[nodiscard]] QString keyName() const;
    // The domain part of identity (after the last "@").
    [[nodiscard]] QByteArray identityDomain() const;

    // The value of a DKIM-Signature field (after the colon, folding included).
    [[nodiscard]] static Parse parse(QByteArrayView value);
};

struct DkimSignature::Parse
{
    // Also filled, as far as the tags allowed, when parsing failed, so that a result can still
    // name d=, s=, a= and b=.
    DkimSignature signature;
    DkimReason reason = DkimReason::None; // Syntax, UnsupportedVersion, UnsupportedAlgorithm ...
    QString error;

    [[nodiscard]] bool ok() const { return reason == DkimReason::None; }
};

// RFC 6376 3.5 "d=" and "s=": dot-separated labels of letters, digits, "-" and "_" (and UTF-8
// for U-labels), each 1 to 63 bytes, 253 in all.
[[nodiscard]] bool isValidDkimDomain(QByteArrayView name);

// Is `domain` equal to `parent` or a subdomain of it (case-insensitive)?
[[nodiscard]] bool isSameOrSubdomain(QByteArrayView domain, QByteArrayView parent);

} // namespace pw::auth
