#pragma once

#include "shared/crypto/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>

namespace pw::crypto::PasswordHash {

// OWASP Password Storage Cheat Sheet, argon2id: 19 MiB, 2 passes, 1 lane. Raising any of them
// makes needsRehash() true for older hashes, which are then upgraded at the next login.
inline constexpr std::uint32_t MemoryCostKiB = 19456;
inline constexpr std::uint32_t TimeCost = 2;
inline constexpr std::uint32_t Parallelism = 1;
inline constexpr qsizetype SaltSize = 16;
inline constexpr qsizetype HashSize = 32;

// A stored hash asking for more than this is refused unverified: it would let whoever wrote it
// make each login attempt allocate that much.
inline constexpr std::uint32_t MaximumMemoryCostKiB = 1024 * 1024;
inline constexpr std::uint32_t MaximumTimeCost = 64;
inline constexpr std::uint32_t MaximumParallelism = 64;

// The PHC string format libargon2 and its CLI write:
// $argon2id$v=19$m=19456,t=2,p=1$<salt, unpadded base64>$<hash, unpadded base64>
[[nodiscard]] Result<QByteArray> hash(QByteArrayView password);

// Constant time in the password (libargon2 compares the hashes in constant time). False for a
// wrong password and for any encoded string that is not a sane argon2id hash.
[[nodiscard]] bool verify(QByteArrayView password, QByteArrayView encoded);

// True when `encoded` is unreadable, not argon2id version 19, or weaker than the constants above.
[[nodiscard]] bool needsRehash(QByteArrayView encoded);

} // namespace pw::crypto::PasswordHash
