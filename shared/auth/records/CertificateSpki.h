#pragma once

#include <QByteArray>

namespace pw::auth {

// The SubjectPublicKeyInfo of an X.509 certificate (RFC 5280 4.1), the DER bytes that a
// TLSA record with selector 1 matches (RFC 6698 2.1.2). A minimal DER walk, no OpenSSL:
// Certificate → tbsCertificate → [version], serialNumber, signature, issuer, validity, subject,
// subjectPublicKeyInfo. Empty if certificateDer is not shaped like a certificate.
[[nodiscard]] QByteArray certificateSpki(const QByteArray& certificateDer);

} // namespace pw::auth
