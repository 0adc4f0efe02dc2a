#include "service/store/SpareFiles.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace pw::service {

SpareFiles::SpareFiles(int dirFd)
    : m_dirFd(dirFd)
{
    const int fd = open();
    if (fd < 0)
        return;
    // Linking an unnamed file needs /proc or CAP_DAC_READ_SEARCH; find out now rather than
    // with a delivery's bytes in it.
    char name[64];
    std::snprintf(name, sizeof name, ".spare-probe-%d", static_cast<int>(::getpid()));
    if (link(fd, dirFd, name) == 0) {
        ::unlinkat(dirFd, name, 0);
        m_supported = true;
    }
    ::close(fd);
}

SpareFiles::~SpareFiles()
{
    for (int fd : m_fds)
        ::close(fd);
}

int SpareFiles::open() const
{
    return ::openat(m_dirFd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
}

bool SpareFiles::add()
{
    if (!m_supported)
        return false;
    const int fd = open();
    if (fd < 0)
        return false;
    m_fds.push_back(fd);
    return true;
}

int SpareFiles::take()
{
    if (m_fds.empty())
        return -1;
    const int fd = m_fds.back();
    m_fds.pop_back();
    return fd;
}

int SpareFiles::link(int fd, int dirFd, const char* name)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (::linkat(AT_FDCWD, path, dirFd, name, AT_SYMLINK_FOLLOW) == 0)
        return 0;
    if (::linkat(fd, "", dirFd, name, AT_EMPTY_PATH) == 0)
        return 0;
    return errno;
}

} // namespace pw::service
