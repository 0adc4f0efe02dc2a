#pragma once

#include <QList>
#include <QString>

namespace pw::auth {

// RFC 8601 section 2.7.1 result names for DKIM.
enum class DkimStatus
{
    None,      // the message is not signed
    Pass,      // the signature verified
    Fail,      // the signature was checked and did not verify
    Neutral,   // checked but not to be counted (a key in testing mode, a signature not evaluated)
    TempError, // the key could not be fetched now (DNS timeout, SERVFAIL); may pass later
    PermError, // the signature or the key record cannot ever verify as they are
};

// What decided a result; reasonText of the result says the same in plain language.
enum class DkimReason
{
    None,
    NotSigned,
    HeaderUnparseable,
    TooManySignatures,
    // The DKIM-Signature field itself (RFC 6376 6.1.1)
    Syntax,
    UnsupportedVersion,
    UnsupportedAlgorithm,
    UnsupportedCanonicalization,
    UnsupportedQueryMethod,
    FromNotSigned,
    IdentityNotInDomain,
    Expired,
    FutureTimestamp,
    // The key record (RFC 6376 6.1.2)
    KeyLookupFailed, // temporary DNS failure
    KeyMissing,
    KeyRevoked,
    KeySyntax,
    KeyHashRestricted,
    KeyTypeMismatch,
    KeyNotForEmail,
    KeyStrictIdentity,
    KeyTooSmall,
    // The verification (RFC 6376 6.1.3)
    BodyLengthExceeded,
    BodyHashMismatch,
    SignatureMismatch,
};

// The outcome of one DKIM-Signature field.
struct DkimResult
{
    DkimStatus status = DkimStatus::None;
    DkimReason reason = DkimReason::None;
    QString reasonText;
    QString domain;    // d=
    QString selector;  // s=
    QString algorithm; // a= as written
    // RFC 8601 2.7.1 / RFC 6008: header.i is i= (default "@" + d=); header.b the first eight
    // characters of b=, enough to tell signatures of one message apart.
    QString headerI;
    QString headerB;
    bool testing = false; // the key record has t=y (RFC 6376 3.6.1)
};

// The outcome of a whole message: one result per DKIM-Signature field evaluated, topmost
// first; a single None result for an unsigned message; a single PermError when the header
// section cannot be parsed.
struct DkimVerification
{
    QList<DkimResult> results;
    int ignoredSignatures = 0; // beyond the verifier's limit (RFC 6376 6.1), not evaluated

    [[nodiscard]] bool hasPass() const;
};

// "pass", "fail", "neutral", "temperror", "permerror", "none" (RFC 8601 2.7.1)
[[nodiscard]] QString dkimStatusName(DkimStatus status);

} // namespace pw::auth
