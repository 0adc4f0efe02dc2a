#pragma once

#include <QByteArray>
#include <QString>

namespace pw::service {

// Replaces `path` with `contents` so that a reader or a crash sees the old file or the whole new
// one, never a part: a temporary file beside it, fsync, rename, then the directory fsynced.
// The file keeps its mode and owner; a new file gets mode 0600. A symbolic link is followed, so
// the file it points to is replaced, not the link. `error` gets a one-line reason.
[[nodiscard]] bool writeFileAtomically(const QString& path, const QByteArray& contents, QString* error);

} // namespace pw::service
