#pragma once

#include <QString>

namespace pw::mail {

// Why a header section could not be parsed, and where.
struct HeaderParseError
{
    enum class Code
    {
        None,
        NulByte,             // RFC 5322 2.2: field bodies are US-ASCII (or UTF-8), never NUL
        BareCarriageReturn,  // a CR not followed by LF (RFC 5322 2.2)
        MissingColon,        // a line that is neither a field nor a continuation
        EmptyFieldName,      // a line starting with ":"
        InvalidFieldName,    // RFC 5322 2.2: printable US-ASCII except ":" (no spaces inside)
        LeadingContinuation, // a folded line before the first field
        LineTooLong,
        FieldTooLarge,
        TooManyFields,
        HeaderTooLarge,
    };

    Code code = Code::None;
    qsizetype offset = 0; // of the offending line in the input
    int line = 0;         // 1-based
    QString message;      // plain language, with the line number

    [[nodiscard]] bool isError() const { return code != Code::None; }
};

} // namespace pw::mail
