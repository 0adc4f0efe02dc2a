#include "shared/crypto/Digest.h"

#include "shared/crypto/Sha256.h"

namespace pw::crypto::Digest {

QByteArray sha256(QByteArrayView data)
{
    Sha256 hash;
    hash.addData(data);
    return hash.result();
}

} // namespace pw::crypto::Digest
