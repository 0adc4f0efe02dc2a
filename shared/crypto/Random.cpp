#include "shared/crypto/Random.h"

#include "shared/crypto/OpenSslError.h"

#include <limits>
#include <openssl/rand.h>

namespace pw::crypto::Random {

Result<QByteArray> bytes(qsizetype count)
{
    if (count < 0 || count > std::numeric_limits<int>::max())
        return CryptoError{QStringLiteral("cannot make %1 random bytes").arg(count)};
    QByteArray random(count, Qt::Uninitialized);
    if (count == 0)
        return random;
    detail::discardOpenSslErrors();
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), int(count)) != 1)
        return detail::openSslError(QStringLiteral("cannot make random bytes"));
    return random;
}

} // namespace pw::crypto::Random
