#include "shared/crypto/PasswordHash.h"

#include "shared/crypto/Random.h"

#include <QList>
#include <argon2.h>
#include <optional>

namespace pw::crypto::PasswordHash {

namespace {

struct Parameters
{
    std::uint32_t version = 0;
    std::uint32_t memoryCostKiB = 0;
    std::uint32_t timeCost = 0;
    std::uint32_t parallelism = 0;
};

std::optional<std::uint32_t> parseNumber(const QByteArray& field, QByteArrayView name)
{
    if (!field.startsWith(name))
        return std::nullopt;
    bool ok = false;
    const qulonglong value = field.sliced(name.size()).toULongLong(&ok, 10);
    if (!ok || value > 0xffffffffu)
        return std::nullopt;
    return std::uint32_t(value);
}

// Reads the parameters only; salt and hash are left to libargon2, which decodes them again.
std::optional<Parameters> parseArgon2id(QByteArrayView encoded)
{
    const QList<QByteArray> parts = encoded.toByteArray().split('$');
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.size() != 6 || !parts[0].isEmpty() || parts[1] != "argon2id")
        return std::nullopt;
    const auto version = parseNumber(parts[2], "v=");
    const QList<QByteArray> costs = parts[3].split(',');
    if (!version || costs.size() != 3)
        return std::nullopt;
    const auto memory = parseNumber(costs[0], "m=");
    const auto time = parseNumber(costs[1], "t=");
    const auto lanes = parseNumber(costs[2], "p=");
    if (!memory || !time || !lanes)
        return std::nullopt;
    return Parameters{*version, *memory, *time, *lanes};
}

} // namespace

Result<QByteArray> hash(QByteArrayView password)
{
    const Result<QByteArray> salt = Random::bytes(SaltSize);
    if (!salt)
        return salt.error();
    QByteArray encoded(
        qsizetype(argon2_encodedlen(TimeCost, MemoryCostKiB, Parallelism, std::uint32_t(SaltSize),
                                    std::uint32_t(HashSize), Argon2_id)),
        '\0');
    // libargon2 reads the password where it lies; no copy is made here that would need wiping.
    const int status =
        argon2_hash(TimeCost, MemoryCostKiB, Parallelism, password.data(), size_t(password.size()),
                    salt.value().constData(), size_t(salt.value().size()), nullptr, size_t(HashSize),
                    encoded.data(), size_t(encoded.size()), Argon2_id, ARGON2_VERSION_13);
    if (status != ARGON2_OK)
        return CryptoError{QStringLiteral("cannot hash password: %1")
                               .arg(QString::fromLatin1(argon2_error_message(status)))};
    encoded.truncate(encoded.indexOf('\0'));
    return encoded;
}

bool verify(QByteArrayView password, QByteArrayView encoded)
{
    if (encoded.contains('\0'))
        return false;
    const std::optional<Parameters> parameters = parseArgon2id(encoded);
    if (!parameters || parameters->memoryCostKiB > MaximumMemoryCostKiB ||
        parameters->timeCost > MaximumTimeCost || parameters->parallelism > MaximumParallelism)
        return false;
    // libargon2 wants a C string, and a view need not end in one.
    const QByteArray terminated = encoded.toByteArray();
    return argon2id_verify(terminated.constData(), password.data(), size_t(password.size())) == ARGON2_OK;
}

bool needsRehash(QByteArrayView encoded)
{
    const std::optional<Parameters> parameters = parseArgon2id(encoded);
    return !parameters || parameters->version != ARGON2_VERSION_13 ||
           parameters->memoryCostKiB < MemoryCostKiB || parameters->timeCost < TimeCost ||
           parameters->parallelism < Parallelism;
}

} // namespace pw::crypto::PasswordHash
