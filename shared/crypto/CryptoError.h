#pragma once

#include <QString>

namespace pw::crypto {

// The message names the operation and, where OpenSSL or libargon2 failed, their own reason,
// so that an admin reading a log sees why a key did not load, not only that it did not.
struct CryptoError
{
    QString message;
};

} // namespace pw::crypto
