#pragma once

#include "shared/crypto/Result.h"

#include <QByteArray>

namespace pw::crypto::Random {

// From OpenSSL's CSPRNG. An error rather than weak bytes if it cannot be seeded.
[[nodiscard]] Result<QByteArray> bytes(qsizetype count);

} // namespace pw::crypto::Random
