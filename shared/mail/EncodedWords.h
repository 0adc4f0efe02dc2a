#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace pw::mail {

// Header text with RFC 2047 encoded words ("=?charset?B|Q?text?=") decoded. Whitespace between
// two adjacent encoded words goes (RFC 2047 6.2), and adjacent words in the same charset are
// joined before conversion, so that a character split across two words survives. A word in a
// charset we cannot convert stays as it was written. Bytes outside encoded words are read as
// UTF-8 (RFC 6532), or Latin-1 when they are not valid UTF-8. Encoded words inside other text
// are decoded too, as common readers do.
[[nodiscard]] QString decodeEncodedWords(QByteArrayView value);

// Bytes in the named charset (a MIME charset name, RFC 2978; ICU names work where Qt has ICU)
// as text; nullopt when the charset is unknown. US-ASCII and an empty name are read as UTF-8
// (mislabelled 8-bit text is common), falling back to Latin-1 when that fails.
[[nodiscard]] std::optional<QString> decodeCharset(QByteArrayView bytes, QByteArrayView charset);
// The same, but text in an unknown charset is read as if no charset was named.
[[nodiscard]] QString decodeText(QByteArrayView bytes, QByteArrayView charset);

} // namespace pw::mail
