#include "service/store/FileCalls.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::service::filecalls {

int writeAll(int fd, const char* data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += written;
        size -= written;
    }
    return 0;
}

int makeDirectory(int parentFd, const char* name, bool* created)
{
    *created = false;
    if (::mkdirat(parentFd, name, 0700) == 0) {
        *created = true;
        return 0;
    }
    return errno == EEXIST ? 0 : errno;
}

int openDirectory(int parentFd, const char* name)
{
    return ::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

} // namespace pw::service::filecalls
