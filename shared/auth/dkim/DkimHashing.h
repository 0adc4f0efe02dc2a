#pragma once

#include "shared/auth/dkim/DkimCanonicalization.h"
#include "shared/mail/HeaderField.h"
#include "shared/mail/MessageHeader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <optional>

namespace pw::auth {

// What signer and verifier both compute: the body hash and the header data the signature
// covers (RFC 6376 3.7). Pure.
namespace DkimHashing {

struct BodyHash
{
    QByteArray digest;           // SHA-256 of the canonical body, cut to l= octets if given
    qsizetype canonicalSize = 0; // of the whole canonical body
};

// RFC 6376 3.7 step 1, with l= (3.5): only the first `length` octets of the canonical body are
// hashed. A length beyond the canonical body hashes all of it; the caller compares
// canonicalSize with l= (RFC 6376 6.1.3 wants such a signature treated as failed).
[[nodiscard]] BodyHash bodyHash(QByteArrayView body, DkimCanonicalization canonicalization,
                                std::optional<quint64> length = std::nullopt);

// RFC 6376 3.7: the DKIM-Signature field with the value of b= and the whitespace around it
// deleted; nullopt if its value is not a tag list with b=.
[[nodiscard]] std::optional<mail::HeaderField> withEmptySignature(const mail::HeaderField& signatureField);

// RFC 6376 3.7 step 2 and 5.4.2: each name of h= picks the last not yet used field of that name
// (bottom up; a missing field contributes nothing), canonicalised; then the DKIM-Signature
// field itself with b= emptied (see withEmptySignature), canonicalised, without its final CRLF.
// `signatureIndex` is the position of that field in `header` (-1 when signing): it is not a
// candidate for a "DKIM-Signature" in h=, which refers to the signatures present before it.
[[nodiscard]] QByteArray headerHashInput(const mail::MessageHeader& header,
                                         const QList<QByteArray>& signedHeaders,
                                         DkimCanonicalization canonicalization,
                                         const mail::HeaderField& emptiedSignatureField,
                                         qsizetype signatureIndex = -1);

} // namespace DkimHashing

} // namespace pw::auth
