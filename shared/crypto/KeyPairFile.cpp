#include "shared/crypto/KeyPair.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::crypto {

namespace {

// A PEM key of the largest RSA size we generate is about 13 KiB; anything far bigger is not a key.
constexpr qint64 MaximumPemFileSize = 1024 * 1024;

CryptoError systemError(const QString& what, const QByteArray& path, int error)
{
    return {QStringLiteral("%1 %2: %3").arg(what, QFile::decodeName(path), qt_error_string(error))};
}

bool writeAll(int fd, const QByteArray& bytes)
{
    const char* cursor = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, cursor, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        cursor += written;
        left -= written;
    }
    return true;
}

// Without this the rename itself may be lost on a crash, leaving the old key or none.
// Returns 0 or the errno of the failure.
int syncDirectory(const QByteArray& directory)
{
    const int fd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

Result<void> writePrivateFile(const QByteArray& target, const QByteArray& contents)
{
    // mkostemp creates the file with O_EXCL and mode 0600, so no other user can ever open it,
    // not even empty; writing beside the target and renaming means readers see the old key or
    // the whole new one, never half of it.
    QByteArray temporary = target + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return systemError(QStringLiteral("cannot create"), temporary, errno);

    const auto fail = [&](const QString& what) -> Result<void> {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.constData());
        return systemError(what, temporary, error);
    };
    // The umask cannot widen mkostemp's mode, but a restrictive one could leave us unable to
    // replace the file later; the mode we want is exactly 0600.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return fail(QStringLiteral("cannot set mode 0600 on"));
    if (!writeAll(fd, contents))
        return fail(QStringLiteral("cannot write"));
    if (::fsync(fd) != 0)
        return fail(QStringLiteral("cannot sync"));
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return systemError(QStringLiteral("cannot close"), temporary, error);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return systemError(QStringLiteral("cannot rename to"), target, error);
    }
    const QByteArray directory = QFile::encodeName(QFileInfo(QFile::decodeName(target)).absolutePath());
    if (const int error = syncDirectory(directory))
        return systemError(QStringLiteral("cannot sync directory"), directory, error);
    return {};
}

} // namespace

Result<void> KeyPair::savePrivatePem(const QString& path) const
{
    Result<QByteArray> pem = privatePem();
    if (!pem)
        return pem.error();
    Result<void> written = writePrivateFile(QFile::encodeName(path), pem.value());
    OPENSSL_cleanse(pem.value().data(), size_t(pem.value().size()));
    return written;
}

Result<KeyPair> KeyPair::loadPrivatePem(const QString& path)
{
    // Unbuffered, so QFile keeps no copy of the key in a buffer of its own.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return CryptoError{QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    QByteArray pem = file.read(MaximumPemFileSize + 1);
    if (file.error() != QFileDevice::NoError) {
        OPENSSL_cleanse(pem.data(), size_t(pem.size()));
        return CryptoError{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    }
    if (pem.size() > MaximumPemFileSize) {
        OPENSSL_cleanse(pem.data(), size_t(pem.size()));
        return CryptoError{
            QStringLiteral("%1 is larger than %2 bytes, not a PEM key").arg(path).arg(MaximumPemFileSize)};
    }
    Result<KeyPair> key = fromPrivatePem(pem);
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    if (!key)
        return CryptoError{path + QStringLiteral(": ") + key.error().message};
    return key;
}

} // namespace pw::crypto
