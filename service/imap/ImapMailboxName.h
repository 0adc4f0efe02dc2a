#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace pw::service {

// Mailbox names on the wire: modified UTF-7 (RFC 3501 5.1.3) unless the client enabled
// UTF8=ACCEPT, "/" as the hierarchy separator, INBOX in any case meaning INBOX.
namespace imapname {

// nullopt for a name that is not valid modified UTF-7 (or not UTF-8 in UTF-8 mode), or that
// is empty, has empty levels ("a//b", "/a", "a/") or control characters.
[[nodiscard]] std::optional<QString> decode(const QByteArray& raw, bool utf8);
[[nodiscard]] QByteArray encode(const QString& name, bool utf8);
[[nodiscard]] QString encodeModifiedUtf7(const QString& name);
[[nodiscard]] std::optional<QString> decodeModifiedUtf7(const QByteArray& raw);

// LIST patterns (RFC 9051 6.3.9): "*" matches anything, "%" anything but "/". The pattern is
// the decoded reference joined with the decoded pattern.
[[nodiscard]] bool matches(const QString& name, const QString& pattern);

} // namespace imapname
} // namespace pw::service
