#pragma once

#include "shared/crypto/Result.h"

#include <QByteArray>

// What Qt's QSslCertificate cannot tell about a certificate, from OpenSSL itself.
namespace pw::crypto {

// Whether the private key in keyPem (any type OpenSSL knows, ECDSA included) belongs to the
// first certificate in certificatePem. An error when either cannot be read; false when they are
// of different pairs, which Qt would only notice at the first handshake.
Result<bool> certificateMatchesKey(const QByteArray& certificatePem, const QByteArray& keyPem);

// RFC 5280 section 3.2: issuer = subject and the signature verifies with the certificate's own
// key. QSslCertificate::isSelfSigned() also demands the keyCertSign usage, which a server
// certificate (ours included) rightly lacks.
Result<bool> certificateIsSelfSigned(const QByteArray& certificatePem);

} // namespace pw::crypto
