#pragma once

#include "shared/crypto/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pw::crypto {

// A server certificate that signs itself, for a service that has no certificate from a CA yet:
// opportunistic STARTTLS between MTAs does not verify the peer (RFC 7435), so it is enough to
// encrypt, and clients that do verify see a clear name and a fingerprint they can pin.
struct SelfSignedCertificate
{
    static constexpr int RsaBits = 2048;
    static constexpr int ValidDays = 365;

    QByteArray certificatePem;
    // PKCS#8, unencrypted: the caller stores it with KeyPair's 0600 writer.
    QByteArray privateKeyPem;

    // RSA-2048, SHA-256, random 128-bit serial, valid from an hour ago (clocks of clients drift)
    // for ValidDays; CN and subjectAltName DNS = hostname, plus an IP subjectAltName when the
    // hostname is an address; CA:FALSE, digitalSignature + keyEncipherment, serverAuth.
    static Result<SelfSignedCertificate> generate(const QString& hostname);
    // The same with an explicit validity, so that tests can make certificates that have expired
    // or are about to.
    static Result<SelfSignedCertificate> generate(const QString& hostname, const QDateTime& notBefore,
                                                  const QDateTime& notAfter);
};

} // namespace pw::crypto
