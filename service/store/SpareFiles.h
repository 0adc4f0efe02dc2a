#pragma once

#include <vector>

namespace pw::service {

// Unnamed message files (O_TMPFILE) that the writer of the message store makes while it waits
// for work, so that a delivery does not wait for the file system to allocate an inode, which on
// a busy ext4 can cost more than the fdatasync. A spare has no name until link() gives it its
// final one, so a crash leaves nothing behind: the file system frees unnamed inodes itself.
// Private to service/store; used by the writer thread only.
class SpareFiles
{
public:
    // `dirFd`: a directory on the file system of the message files; probes for O_TMPFILE and
    // for a way to link such a file (file systems and kernels without either get no spares).
    explicit SpareFiles(int dirFd);
    ~SpareFiles();
    SpareFiles(const SpareFiles&) = delete;
    SpareFiles& operator=(const SpareFiles&) = delete;

    [[nodiscard]] bool supported() const { return m_supported; }
    [[nodiscard]] int count() const { return static_cast<int>(m_fds.size()); }
    // Makes one more spare; false if the file system refuses (full, say): then no more for now.
    bool add();
    // A spare's descriptor, now the caller's to close; -1 if there is none.
    [[nodiscard]] int take();

    // Gives the unnamed file `fd` the name `name` in `dirFd`; 0 or the errno.
    [[nodiscard]] static int link(int fd, int dirFd, const char* name);

private:
    [[nodiscard]] int open() const;

    const int m_dirFd;
    bool m_supported = false;
    std::vector<int> m_fds;
};

} // namespace pw::service
