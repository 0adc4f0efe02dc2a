#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pw::crypto::Base64 {

// Standard alphabet with padding (RFC 4648 section 4), no line breaks.
[[nodiscard]] QByteArray encode(QByteArrayView data);

// Skips folding whitespace (SP, HTAB, CR, LF) anywhere, as DKIM's b= and p= may be folded
// (RFC 6376 section 3.5); any other character outside the alphabet, or padding that is missing,
// misplaced or too long, makes the whole input invalid: *ok false and an empty result.
[[nodiscard]] QByteArray decode(QByteArrayView text, bool* ok = nullptr);

} // namespace pw::crypto::Base64
