#pragma once

#include "shared/mail/HeaderParseError.h"
#include "shared/mail/MessageHeader.h"

#include <QByteArrayView>

namespace pw::mail {

struct HeaderParseResult
{
    MessageHeader header; // empty on error
    HeaderParseError error;

    [[nodiscard]] bool ok() const { return !error.isError(); }
};

// Splits the header section of a whole message (RFC 5322 2.1, 2.2) into fields. Pure: bytes in,
// fields or an error out. Lines end in CRLF; a bare LF is accepted as well (messages read from
// files, or handed over by local tools), a bare CR is not. All limits are parameters, so that a
// hostile message costs bounded memory and time.
class HeaderParser
{
public:
    struct Limits
    {
        // RFC 5322 2.1.1: a line MUST be no more than 998 characters, excluding the CRLF.
        qsizetype maxLineLength = 998;
        qsizetype maxFieldSize = 64 * 1024;    // one field with all its folded lines
        qsizetype maxHeaderSize = 1024 * 1024; // the header section with its empty line
        qsizetype maxFields = 1000;
    };

    HeaderParser() = default;
    explicit HeaderParser(const Limits& limits)
        : m_limits(limits)
    {}

    [[nodiscard]] const Limits& limits() const { return m_limits; }

    // The header section ends at the first empty line, or at the end of the message when it has
    // no body (then MessageHeader::hasSeparator() is false). An empty line first means an
    // empty header section, which is not an error here.
    [[nodiscard]] HeaderParseResult parse(QByteArrayView message) const;

private:
    Limits m_limits;
};

} // namespace pw::mail
