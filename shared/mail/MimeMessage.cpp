#include "shared/mail/MimeMessage.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace pw::mail {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Field names against lower-case literals, without a strlen per comparison.
template<qsizetype N> bool startsWithLiteral(QByteArrayView text, const char (&literal)[N])
{
    if (text.size() < N - 1)
        return false;
    for (qsizetype i = 0; i < N - 1; ++i) {
        if (lower(text[i]) != literal[i])
            return false;
    }
    return true;
}

template<qsizetype N> bool equalsLiteral(QByteArrayView text, const char (&literal)[N])
{
    return text.size() == N - 1 && startsWithLiteral(text, literal);
}

bool equalsCaseInsensitive(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// RFC 5322 2.2.3 unfolding (every line break goes), and the value trimmed. A CR that ends no
// line becomes a space, as in Dovecot.
QByteArray unfold(QByteArrayView raw)
{
    qsizetype begin = 0;
    qsizetype end = raw.size();
    while (begin < end && isSpace(raw[begin]))
        ++begin;
    while (end > begin && isSpace(raw[end - 1]))
        --end;
    raw = raw.sliced(begin, end - begin);
    if (!raw.contains('\n') && !raw.contains('\r'))
        return raw.toByteArray();
    QByteArray out(raw.size(), Qt::Uninitialized);
    char* dst = out.data();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r')
            *dst++ = ' ';
        else if (c == '\n')
            dst -= dst > out.constData() && i > 0 && raw[i - 1] == '\r' ? 1 : 0;
        else
            *dst++ = c;
    }
    out.truncate(dst - out.constData());
    return out;
}

// LF characters in a range; lines are long enough for memchr to beat a byte loop.
qsizetype countLines(const char* begin, const char* end)
{
    qsizetype lines = 0;
    while (begin < end) {
        const void* lf = std::memchr(begin, '\n', static_cast<std::size_t>(end - begin));
        if (!lf)
            break;
        ++lines;
        begin = static_cast<const char*>(lf) + 1;
    }
    return lines;
}

// A line of [from, end): where its content ends (line break excluded) and the next begins.
struct Line
{
    qsizetype contentEnd;
    qsizetype next;
};

Line lineAt(QByteArrayView data, qsizetype from, qsizetype end)
{
    const qsizetype lf = QByteArrayView(data.constData() + from, end - from).indexOf('\n');
    if (lf < 0)
        return {end, end};
    qsizetype contentEnd = from + lf;
    if (contentEnd > from && data[contentEnd - 1] == '\r')
        --contentEnd;
    return {contentEnd, from + lf + 1};
}

} // namespace

QByteArray MimePart::encoding() const
{
    return transferEncoding.isNull() ? QByteArrayLiteral("7bit") : transferEncoding.toLower();
}

class MimeMessage::Parser
{
public:
    Parser(const QByteArray& data, QList<MimePart>& parts, const Limits& limits)
        : m_data(data)
        , m_parts(parts)
        , m_limits(limits)
    {}

    int parse(qsizetype start, qsizetype end, int parent, int depth, bool isMessage, bool inDigest);

private:
    struct Delimiter
    {
        qsizetype lineStart;
        qsizetype next; // first byte after the delimiter line
        bool close;
    };

    void scanHeader(MimePart& part, qsizetype start, qsizetype end) const;
    void readContentFields(MimePart& part, bool inDigest) const;
    [[nodiscard]] QByteArray fieldValue(const MimeField& field) const;
    [[nodiscard]] std::optional<Delimiter> nextDelimiter(QByteArrayView dashBoundary, qsizetype from,
                                                         qsizetype end) const;
    [[nodiscard]] std::optional<Delimiter> delimiterAt(QByteArrayView dashBoundary, qsizetype at,
                                                       qsizetype end) const;
    [[nodiscard]] QByteArray guessBoundary(qsizetype start, qsizetype end) const;
    void parseMultipart(int index, const QByteArray& boundary);

    QByteArrayView m_data;
    QList<MimePart>& m_parts;
    const Limits& m_limits;
};

int MimeMessage::Parser::parse(qsizetype start, qsizetype end, int parent, int depth, bool isMessage,
                               bool inDigest)
{
    MimePart part;
    part.parent = parent;
    part.depth = depth;
    part.isMessage = isMessage;
    scanHeader(part, start, end);
    part.bodyEnd = end;
    part.bodyLines = countLines(m_data.constData() + part.bodyStart, m_data.constData() + end);
    readContentFields(part, inDigest);

    QByteArray boundary;
    if (part.isMultipart()) {
        boundary = part.parameter("boundary");
        // A body that never uses its declared boundary may still use another one.
        if (boundary.isEmpty() || !nextDelimiter("--" + boundary, part.bodyStart, part.bodyEnd))
            boundary = guessBoundary(part.bodyStart, part.bodyEnd);
        if (boundary.isEmpty()) {
            // RFC 2046 5.1.1 makes the boundary mandatory; without one there are no parts to
            // find, and the body is best shown as the text it is.
            part.type = QByteArrayLiteral("text");
            part.subtype = QByteArrayLiteral("plain");
            part.parameters.clear();
        }
    }
    const int index = static_cast<int>(m_parts.size());
    const bool encapsulating = part.isEncapsulating();
    const bool multipart = part.isMultipart();
    const qsizetype bodyStart = part.bodyStart;
    m_parts.append(std::move(part));
    if (depth >= m_limits.maxDepth)
        return index;
    if (multipart) {
        parseMultipart(index, boundary);
    } else if (encapsulating && m_parts.size() < m_limits.maxParts) {
        const int child = parse(bodyStart, end, index, depth + 1, true, false);
        m_parts[index].children.append(child);
    }
    return index;
}

void MimeMessage::Parser::scanHeader(MimePart& part, qsizetype start, qsizetype end) const
{
    part.headerStart = start;
    qsizetype position = start;
    bool continuing = false; // the last line was a field or continued one
    while (position < end) {
        const Line line = lineAt(m_data, position, end);
        if (line.contentEnd == position) {
            // RFC 5322 2.1: the first empty line ends the header.
            part.headerEnd = line.next;
            part.bodyStart = line.next;
            return;
        }
        if (isWsp(m_data[position])) {
            // RFC 5322 2.2.3: a folded line continues the field above it.
            if (continuing)
                part.fields.back().end = line.next;
        } else {
            const qsizetype colon =
                QByteArrayView(m_data.constData() + position, line.contentEnd - position).indexOf(':');
            qsizetype nameEnd = colon < 0 ? position : position + colon;
            while (nameEnd > position && isWsp(m_data[nameEnd - 1]))
                --nameEnd;
            // A line that is not a field (no colon, no name) stays in the header, as in
            // Dovecot; so do fields past the limit.
            continuing = colon >= 0 && nameEnd > position && part.fields.size() < m_limits.maxFieldsPerPart;
            if (continuing)
                part.fields.append({position, line.next, nameEnd, position + colon + 1});
        }
        position = line.next;
    }
    part.headerEnd = end;
    part.bodyStart = end;
}

QByteArray MimeMessage::Parser::fieldValue(const MimeField& field) const
{
    return unfold(m_data.sliced(field.valueStart, field.end - field.valueStart));
}

void MimeMessage::Parser::readContentFields(MimePart& part, bool inDigest) const
{
    const MimeField* contentType = nullptr;
    const MimeField* transferEncoding = nullptr;
    const MimeField* id = nullptr;
    const MimeField* description = nullptr;
    const MimeField* md5 = nullptr;
    const MimeField* disposition = nullptr;
    const MimeField* language = nullptr;
    const MimeField* location = nullptr;
    bool mimeVersion = false;
    for (const MimeField& field : part.fields) {
        const QByteArrayView name = m_data.sliced(field.start, field.nameEnd - field.start);
        if (!startsWithLiteral(name, "content-")) {
            if (equalsLiteral(name, "mime-version"))
                mimeVersion = true;
            continue;
        }
        const QByteArrayView rest = name.sliced(8);
        const MimeField** slot = nullptr;
        if (equalsLiteral(rest, "type"))
            slot = &contentType;
        else if (equalsLiteral(rest, "transfer-encoding"))
            slot = &transferEncoding;
        else if (equalsLiteral(rest, "id"))
            slot = &id;
        else if (equalsLiteral(rest, "description"))
            slot = &description;
        else if (equalsLiteral(rest, "md5"))
            slot = &md5;
        else if (equalsLiteral(rest, "disposition"))
            slot = &disposition;
        else if (equalsLiteral(rest, "language"))
            slot = &language;
        else if (equalsLiteral(rest, "location"))
            slot = &location;
        if (slot && !*slot)
            *slot = &field;
    }
    bool typed = false;
    // A message without MIME-Version and Content-Type is not MIME (RFC 2045 4); Dovecot then
    // ignores its other Content-* fields too. Parts inside a multipart are always MIME.
    if (!part.isMessage || mimeVersion || contentType) {
        if (contentType) {
            ContentType parsed = parseContentType(fieldValue(*contentType));
            if (parsed.valid) {
                part.type = std::move(parsed.type);
                part.subtype = std::move(parsed.subtype);
                part.parameters = std::move(parsed.parameters);
                typed = true;
            }
        }
        if (transferEncoding)
            part.transferEncoding = parseMimeToken(fieldValue(*transferEncoding));
        if (id)
            part.contentId = fieldValue(*id);
        if (description)
            part.description = fieldValue(*description);
        if (md5)
            part.md5 = fieldValue(*md5);
        if (disposition) {
            ContentDisposition parsed = parseContentDisposition(fieldValue(*disposition));
            if (parsed.valid) {
                part.disposition = std::move(parsed.type);
                part.dispositionParameters = std::move(parsed.parameters);
            }
        }
        if (language)
            part.languages = parseLanguageList(fieldValue(*language));
        if (location)
            part.location = fieldValue(*location);
    }
    // RFC 2046 5.1.5: in a digest the default is message/rfc822.
    if (!typed && inDigest) {
        part.type = QByteArrayLiteral("message");
        part.subtype = QByteArrayLiteral("rfc822");
    }
}

std::optional<MimeMessage::Parser::Delimiter>
MimeMessage::Parser::delimiterAt(QByteArrayView dashBoundary, qsizetype at, qsizetype end) const
{
    qsizetype i = at + dashBoundary.size();
    bool close = false;
    if (i + 1 < end && m_data[i] == '-' && m_data[i + 1] == '-') {
        close = true;
        i += 2;
    }
    // RFC 2046 5.1.1: only linear whitespace may follow on the delimiter line, which also keeps
    // a boundary that is a prefix of another one (a nested part's) from matching it.
    while (i < end && isWsp(m_data[i]))
        ++i;
    if (i == end)
        return Delimiter{at, end, close};
    if (m_data[i] == '\n')
        return Delimiter{at, i + 1, close};
    if (m_data[i] == '\r' && (i + 1 == end || m_data[i + 1] == '\n'))
        return Delimiter{at, std::min(i + 2, end), close};
    return std::nullopt;
}

std::optional<MimeMessage::Parser::Delimiter>
MimeMessage::Parser::nextDelimiter(QByteArrayView dashBoundary, qsizetype from, qsizetype end) const
{
    const QByteArrayView window(m_data.constData(), end);
    qsizetype at = from;
    while (at < end) {
        at = window.indexOf(dashBoundary, at);
        if (at < 0)
            return std::nullopt;
        if (at == from || m_data[at - 1] == '\n') {
            if (std::optional<Delimiter> delimiter = delimiterAt(dashBoundary, at, end))
                return delimiter;
        }
        ++at;
    }
    return std::nullopt;
}

QByteArray MimeMessage::Parser::guessBoundary(qsizetype start, qsizetype end) const
{
    // The first line that looks like a delimiter, if another line uses the same boundary.
    qsizetype position = start;
    while (position < end) {
        const Line line = lineAt(m_data, position, end);
        QByteArrayView text = m_data.sliced(position, line.contentEnd - position);
        position = line.next;
        if (!text.startsWith("--"))
            continue;
        text = text.sliced(2).trimmed();
        if (text.endsWith("--"))
            text.chop(2);
        if (text.isEmpty() || text.size() > 200 || text.contains(' ') || text.contains('\t'))
            return {};
        const QByteArray dashBoundary = "--" + text.toByteArray();
        if (nextDelimiter(dashBoundary, position, end))
            return text.toByteArray();
        return {};
    }
    return {};
}

void MimeMessage::Parser::parseMultipart(int index, const QByteArray& boundary)
{
    const qsizetype bodyStart = m_parts.at(index).bodyStart;
    const qsizetype bodyEnd = m_parts.at(index).bodyEnd;
    const int depth = m_parts.at(index).depth;
    const bool digest = m_parts.at(index).subtype == "digest";
    const QByteArray dashBoundary = "--" + boundary;
    qsizetype partStart = -1; // -1 while in the preamble
    qsizetype from = bodyStart;
    while (m_parts.size() < m_limits.maxParts) {
        const std::optional<Delimiter> delimiter = nextDelimiter(dashBoundary, from, bodyEnd);
        const qsizetype partEnd = delimiter ? delimiter->lineStart : bodyEnd;
        if (partStart >= 0) {
            qsizetype end = partEnd;
            // RFC 2046 5.1.1: the line break before a delimiter belongs to the delimiter.
            if (delimiter && end > partStart && m_data[end - 1] == '\n') {
                --end;
                if (end > partStart && m_data[end - 1] == '\r')
                    --end;
            }
            const int child = parse(partStart, end, index, depth + 1, false, digest);
            m_parts[index].children.append(child);
        }
        // A missing close delimiter: the last part runs to the end of the body.
        if (!delimiter || delimiter->close)
            return;
        partStart = delimiter->next;
        from = delimiter->next;
    }
}

MimeMessage::MimeMessage(QByteArray message)
    : MimeMessage(std::move(message), Limits())
{}

MimeMessage::MimeMessage(QByteArray message, const Limits& limits)
    : m_data(std::move(message))
{
    Limits bounded = limits;
    bounded.maxParts = std::max(1, bounded.maxParts);
    bounded.maxDepth = std::max(0, bounded.maxDepth);
    Parser(m_data, m_parts, bounded).parse(0, m_data.size(), -1, 0, true, false);
}

const MimePart* MimeMessage::encapsulated(const MimePart& part) const
{
    if (!part.isEncapsulating() || part.children.size() != 1)
        return nullptr;
    return &m_parts.at(part.children.front());
}

const MimePart* MimeMessage::partByNumber(const QList<int>& number) const
{
    const MimePart* current = &root();
    bool asMessage = true;
    for (const int n : number) {
        if (n < 1)
            return nullptr;
        const MimePart* container = current;
        if (!asMessage) {
            if (const MimePart* inner = encapsulated(*current))
                container = inner;
        }
        if (container->isMultipart()) {
            if (n > container->children.size())
                return nullptr;
            current = &child(*container, n - 1);
        } else {
            if (n != 1)
                return nullptr;
            current = container;
        }
        asMessage = false;
    }
    return current;
}

QByteArrayView MimeMessage::header(const MimePart& part) const
{
    return QByteArrayView(m_data).sliced(part.headerStart, part.headerEnd - part.headerStart);
}

QByteArrayView MimeMessage::body(const MimePart& part) const
{
    return QByteArrayView(m_data).sliced(part.bodyStart, part.bodyEnd - part.bodyStart);
}

QByteArrayView MimeMessage::fieldName(const MimeField& field) const
{
    return QByteArrayView(m_data).sliced(field.start, field.nameEnd - field.start);
}

QByteArrayView MimeMessage::fieldRaw(const MimeField& field) const
{
    return QByteArrayView(m_data).sliced(field.start, field.end - field.start);
}

QByteArray MimeMessage::fieldValue(const MimeField& field) const
{
    return unfold(QByteArrayView(m_data).sliced(field.valueStart, field.end - field.valueStart));
}

QByteArrayView MimeMessage::fieldRawValue(const MimeField& field) const
{
    QByteArrayView raw = QByteArrayView(m_data).sliced(field.valueStart, field.end - field.valueStart);
    if (raw.endsWith('\n'))
        raw.chop(1);
    if (raw.endsWith('\r'))
        raw.chop(1);
    while (!raw.isEmpty() && isWsp(raw.front()))
        raw = raw.sliced(1);
    return raw;
}

const MimeField* MimeMessage::field(const MimePart& part, QByteArrayView name) const
{
    for (const MimeField& field : part.fields) {
        if (equalsCaseInsensitive(fieldName(field), name))
            return &field;
    }
    return nullptr;
}

QByteArray MimeMessage::fieldValue(const MimePart& part, QByteArrayView name) const
{
    const MimeField* found = field(part, name);
    if (!found)
        return {};
    QByteArray value = fieldValue(*found);
    if (value.isNull())
        value = QByteArray("");
    return value;
}

MessageHeader MimeMessage::messageHeader(const MimePart& part) const
{
    QList<HeaderField> fields;
    fields.reserve(part.fields.size());
    for (const MimeField& field : part.fields) {
        const QByteArrayView raw = fieldRaw(field);
        QByteArray normalized;
        normalized.reserve(raw.size() + 2);
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))
                normalized.append('\r');
            normalized.append(raw[i]);
        }
        if (!normalized.endsWith("\r\n"))
            normalized.append(normalized.endsWith('\r') ? "\n" : "\r\n");
        fields.append(HeaderField(std::move(normalized), field.nameEnd - field.start,
                                  field.valueStart - 1 - field.start));
    }
    // Whether an empty line ends the header: its last line has no content.
    const QByteArrayView block = header(part);
    bool separator = block.endsWith('\n');
    if (separator) {
        QByteArrayView lastLine = block.chopped(1);
        if (lastLine.endsWith('\r'))
            lastLine.chop(1);
        separator = lastLine.isEmpty() || lastLine.endsWith('\n');
    }
    return MessageHeader(std::move(fields), part.bodyStart, separator);
}

} // namespace pw::mail
