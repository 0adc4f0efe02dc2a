#include "shared/crypto/ConstantTime.h"

#include <openssl/crypto.h>

namespace pw::crypto::ConstantTime {

bool equals(QByteArrayView a, QByteArrayView b)
{
    // Lengths are not secret: tokens and digests have fixed sizes.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace pw::crypto::ConstantTime
