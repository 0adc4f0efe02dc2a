#pragma once

#include "shared/crypto/CryptoError.h"

class QString;

// Internal to shared/crypto: the only place that reads OpenSSL's thread-local error queue.
namespace pw::crypto::detail {

// Drains the queue so a later failure cannot report this one's reasons.
CryptoError openSslError(const QString& what);

// For failures whose OpenSSL reasons are not worth reporting (a signature that does not verify).
void discardOpenSslErrors();

} // namespace pw::crypto::detail
