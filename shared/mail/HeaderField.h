#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pw::mail {

// One header field of a message (RFC 5322 section 2.2) as it was received: its name, its raw
// bytes including every folding line break, and its value unfolded.
//
// Line ends in raw() are always CRLF, whatever the input used, and raw() always ends with one,
// so that DKIM "simple" canonicalisation (RFC 6376 section 3.4.1) can use it unchanged.
class HeaderField
{
public:
    HeaderField() = default;
    // raw: the whole field ending with CRLF; nameLength: bytes of the name (no trailing WSP);
    // colon: position of the colon that ends the name. HeaderParser checks these; so must others.
    HeaderField(QByteArray raw, qsizetype nameLength, qsizetype colon);

    // A field built by us (e.g. a DKIM-Signature to prepend): name ":" rawValue CRLF.
    // rawValue keeps its own folding; its line ends must already be CRLF.
    [[nodiscard]] static HeaderField create(QByteArrayView name, QByteArrayView rawValue);

    // Field name as written, without any whitespace between it and the colon (RFC 5322 4.5.1).
    [[nodiscard]] QByteArray name() const { return m_raw.left(m_nameLength); }
    // The whole field, from the first byte of its name to its final CRLF inclusive.
    [[nodiscard]] const QByteArray& raw() const { return m_raw; }
    // Everything after the colon up to, not including, the final CRLF; folding kept.
    [[nodiscard]] QByteArray rawValue() const;
    // Unfolded (RFC 5322 2.2.3: every CRLF before WSP removed), leading and trailing
    // whitespace removed.
    [[nodiscard]] const QByteArray& value() const { return m_value; }

    // Field names compare case-insensitively (RFC 5322 1.2.2).
    [[nodiscard]] bool hasName(QByteArrayView name) const;

    // This field with the bytes after the colon replaced (name and colon kept as written).
    [[nodiscard]] HeaderField withRawValue(QByteArrayView rawValue) const;

private:
    QByteArray m_raw;
    qsizetype m_nameLength = 0;
    qsizetype m_valueOffset = 0; // just past the colon
    QByteArray m_value;
};

} // namespace pw::mail
