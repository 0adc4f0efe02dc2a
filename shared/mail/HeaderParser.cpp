#include "shared/mail/HeaderParser.h"

#include <optional>

namespace pw::mail {

namespace {

using Code = HeaderParseError::Code;

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 5322 2.2: ftext = %d33-57 / %d59-126
bool isFieldNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

// One pass over the input; holds the field being collected from its first line and its
// continuation lines until the next field starts.
class Pass
{
public:
    Pass(QByteArrayView input, const HeaderParser::Limits& limits)
        : m_input(input)
        , m_limits(limits)
    {}

    HeaderParseResult run();

private:
    [[nodiscard]] std::optional<HeaderParseError> checkLine(QByteArrayView line) const;
    [[nodiscard]] std::optional<HeaderParseError> startField(QByteArrayView line);
    [[nodiscard]] std::optional<HeaderParseError> continueField(QByteArrayView line);
    void finishField();
    [[nodiscard]] HeaderParseError error(Code code, const QString& what) const;

    QByteArrayView m_input;
    const HeaderParser::Limits& m_limits;
    qsizetype m_lineStart = 0;
    int m_lineNumber = 0;
    bool m_collecting = false;
    QByteArray m_raw;
    qsizetype m_nameLength = 0;
    qsizetype m_colon = 0;
    QList<HeaderField> m_fields;
};

HeaderParseResult Pass::run()
{
    qsizetype position = 0;
    while (position < m_input.size()) {
        m_lineStart = position;
        ++m_lineNumber;
        const qsizetype lf = m_input.indexOf('\n', position);
        const qsizetype next = lf < 0 ? m_input.size() : lf + 1;
        qsizetype end = lf < 0 ? m_input.size() : lf;
        if (lf >= 0 && end > position && m_input[end - 1] == '\r')
            --end;
        const QByteArrayView line = m_input.sliced(position, end - position);
        position = next;

        if (next > m_limits.maxHeaderSize)
            return {{},
                    error(Code::HeaderTooLarge, QStringLiteral("the header section is larger than %1 bytes")
                                                    .arg(m_limits.maxHeaderSize))};
        if (auto problem = checkLine(line))
            return {{}, *problem};
        // RFC 5322 2.1: the header section ends at the first empty line.
        if (line.isEmpty()) {
            finishField();
            return {MessageHeader(std::move(m_fields), next, true), {}};
        }
        // RFC 5322 2.2.3: a line starting with WSP continues the field above it.
        auto problem = isWsp(line.front()) ? continueField(line) : startField(line);
        if (problem)
            return {{}, *problem};
    }
    finishField();
    return {MessageHeader(std::move(m_fields), m_input.size(), false), {}};
}

std::optional<HeaderParseError> Pass::checkLine(QByteArrayView line) const
{
    if (line.size() > m_limits.maxLineLength)
        return error(Code::LineTooLong,
                     QStringLiteral("longer than %1 characters").arg(m_limits.maxLineLength));
    for (const char c : line) {
        if (c == '\0')
            return error(Code::NulByte, QStringLiteral("contains a NUL byte"));
        if (c == '\r')
            return error(Code::BareCarriageReturn,
                         QStringLiteral("contains a CR that does not end the line"));
    }
    return std::nullopt;
}

std::optional<HeaderParseError> Pass::startField(QByteArrayView line)
{
    finishField();
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return error(Code::MissingColon, QStringLiteral("not a header field (no colon)"));
    // RFC 5322 4.5.1 (obsolete syntax): whitespace may separate the name from the colon.
    qsizetype nameLength = colon;
    while (nameLength > 0 && isWsp(line[nameLength - 1]))
        --nameLength;
    if (nameLength == 0)
        return error(Code::EmptyFieldName, QStringLiteral("a header field without a name"));
    for (qsizetype i = 0; i < nameLength; ++i) {
        if (!isFieldNameChar(line[i]))
            return error(Code::InvalidFieldName,
                         QStringLiteral("the field name contains a character that is not allowed (byte %1)")
                             .arg(static_cast<unsigned char>(line[i])));
    }
    if (m_fields.size() >= m_limits.maxFields)
        return error(Code::TooManyFields,
                     QStringLiteral("more than %1 header fields").arg(m_limits.maxFields));
    if (line.size() + 2 > m_limits.maxFieldSize)
        return error(Code::FieldTooLarge,
                     QStringLiteral("a header field larger than %1 bytes").arg(m_limits.maxFieldSize));
    m_raw = QByteArray();
    m_raw.reserve(line.size() + 2);
    m_raw.append(line).append("\r\n");
    m_nameLength = nameLength;
    m_colon = colon;
    m_collecting = true;
    return std::nullopt;
}

std::optional<HeaderParseError> Pass::continueField(QByteArrayView line)
{
    if (!m_collecting)
        return error(
            Code::LeadingContinuation,
            QStringLiteral("starts with whitespace, but there is no header field above it to continue"));
    if (m_raw.size() + line.size() + 2 > m_limits.maxFieldSize)
        return error(Code::FieldTooLarge,
                     QStringLiteral("a header field larger than %1 bytes").arg(m_limits.maxFieldSize));
    m_raw.append(line).append("\r\n");
    return std::nullopt;
}

void Pass::finishField()
{
    if (!m_collecting)
        return;
    m_fields.append(HeaderField(std::move(m_raw), m_nameLength, m_colon));
    m_raw = QByteArray();
    m_collecting = false;
}

HeaderParseError Pass::error(Code code, const QString& what) const
{
    HeaderParseError e;
    e.code = code;
    e.offset = m_lineStart;
    e.line = m_lineNumber;
    e.message = QStringLiteral("header line %1: %2").arg(m_lineNumber).arg(what);
    return e;
}

} // namespace

HeaderParseResult HeaderParser::parse(QByteArrayView message) const
{
    return Pass(message, m_limits).run();
}

} // namespace pw::mail
