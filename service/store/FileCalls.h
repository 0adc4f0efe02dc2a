#pragma once

#include <QtGlobal>

namespace pw::service {

// The POSIX calls of the message writer, each returning 0 or the errno (EINTR handled), so
// that a caller can tell a full disk from other errors (StoreFailure::file). Private to
// service/store.
namespace filecalls {

[[nodiscard]] int writeAll(int fd, const char* data, qsizetype size);
// Creates `name` under the directory `parentFd` with mode 0700; *created tells whether it did.
[[nodiscard]] int makeDirectory(int parentFd, const char* name, bool* created);
// A descriptor of the directory, or -1 with errno set.
[[nodiscard]] int openDirectory(int parentFd, const char* name);

} // namespace filecalls

} // namespace pw::service
