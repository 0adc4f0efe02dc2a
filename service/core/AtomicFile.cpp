#include "service/core/AtomicFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::service {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service::AtomicFile", text);
}

QString reason(const char* what, const QString& path, int error)
{
    return tr(what).arg(path, QString::fromLocal8Bit(std::strerror(error)));
}

bool writeAll(int fd, const QByteArray& contents)
{
    qsizetype done = 0;
    while (done < contents.size()) {
        const ssize_t n =
            ::write(fd, contents.constData() + done, static_cast<size_t>(contents.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

bool writeFileAtomically(const QString& path, const QByteArray& contents, QString* error)
{
    const QFileInfo info(path);
    const QString target = info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
    const QByteArray targetName = QFile::encodeName(target);

    struct stat old
    {
    };
    const bool exists = ::stat(targetName.constData(), &old) == 0;
    const mode_t mode = exists ? (old.st_mode & 07777) : 0600;

    // mkostemp: O_EXCL and mode 0600, so nobody else can open the half-written file.
    QByteArray temporary = targetName + ".tmp-XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) {
        *error = reason("cannot create a temporary file beside %1: %2", target, errno);
        return false;
    }
    auto fail = [&](const char* what) {
        const int saved = errno;
        ::close(fd);
        ::unlink(temporary.constData());
        *error = reason(what, target, saved);
        return false;
    };
    if (!writeAll(fd, contents))
        return fail("cannot write %1: %2");
    if (::fchmod(fd, mode) != 0)
        return fail("cannot set the mode of %1: %2");
    // Only root may give a file away, and only root ends up owning a file it did not own; when
    // that fails the file stays readable by the service, which is what matters.
    if (exists && (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) &&
        ::fchown(fd, old.st_uid, old.st_gid) != 0)
        errno = 0;
    if (::fsync(fd) != 0)
        return fail("cannot sync %1: %2");
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.constData());
        *error = reason("cannot write %1: %2", target, saved);
        return false;
    }
    if (::rename(temporary.constData(), targetName.constData()) != 0) {
        const int saved = errno;
        ::unlink(temporary.constData());
        *error = reason("cannot replace %1: %2", target, saved);
        return false;
    }
    // Without this the rename itself may be lost in a crash.
    const QString directory = QFileInfo(target).absolutePath();
    const int dirFd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0 || ::fsync(dirFd) != 0) {
        const int saved = errno;
        if (dirFd >= 0)
            ::close(dirFd);
        *error = reason("cannot sync the directory %1: %2", directory, saved);
        return false;
    }
    ::close(dirFd);
    return true;
}

} // namespace pw::service
