#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace pw::mail {

// Content-Transfer-Encoding decoders (RFC 2045 6). Lenient as mail readers are: what cannot be
// decoded is skipped or kept, never an error.

// The value of one hex digit (either case), or -1.
[[nodiscard]] int hexValue(char c);

// Base64 (RFC 2045 6.8): characters outside the alphabet are skipped, missing padding is fine,
// "=" ends a quantum; the URL-safe alphabet's "-" and "_" are read as "+" and "/".
[[nodiscard]] QByteArray decodeBase64(QByteArrayView encoded);
// Quoted-printable (RFC 2045 6.7): "=XX" (either case), soft line breaks "=" CRLF or "=" LF,
// whitespace at line ends removed. A "=" that starts neither is kept as it is.
[[nodiscard]] QByteArray decodeQuotedPrintable(QByteArrayView encoded);
// The "Q" encoding of RFC 2047 4.2: quoted-printable where "_" is a space, no line breaks.
[[nodiscard]] QByteArray decodeQEncoding(QByteArrayView encoded);

// The body decoded per its Content-Transfer-Encoding value (case-insensitive; an empty value
// is 7bit). 7bit, 8bit and binary give the bytes unchanged; nullopt for an encoding we do not
// know (RFC 3516 4.3: the server answers NO [UNKNOWN-CTE]).
[[nodiscard]] std::optional<QByteArray> decodeTransferEncoding(QByteArrayView body, QByteArrayView encoding);

} // namespace pw::mail
