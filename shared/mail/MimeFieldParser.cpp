#include "shared/mail/MimeFieldParser.h"

#include "shared/mail/EncodedWords.h"
#include "shared/mail/TransferEncoding.h"

#include <algorithm>
#include <optional>

namespace pw::mail {

namespace {

// A hostile header may list any number of parameters; nobody needs more than this.
constexpr qsizetype maxParameters = 256;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// RFC 2045 5.1: token := 1*<any (US-ASCII) CHAR except SPACE, CTLs, or tspecials>
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '<':
    case '>':
    case '@':
    case ',':
    case ';':
    case ':':
    case '\\':
    case '"':
    case '/':
    case '[':
    case ']':
    case '?':
    case '=':
        return false;
    default:
        return true;
    }
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return m_text[m_pos]; }
    [[nodiscard]] qsizetype position() const { return m_pos; }
    void advance() { ++m_pos; }

    // Whitespace and RFC 822 comments, which nest and may escape characters.
    void skipCfws()
    {
        while (!atEnd()) {
            const char c = peek();
            if (isWhitespace(c)) {
                ++m_pos;
            } else if (c == '(') {
                skipComment();
            } else {
                return;
            }
        }
    }

    QByteArrayView readToken()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }

    QByteArray readQuoted()
    {
        QByteArray out;
        ++m_pos; // the opening quote
        while (!atEnd()) {
            const char c = peek();
            ++m_pos;
            if (c == '"')
                return out;
            if (c == '\\' && !atEnd()) {
                out.append(peek());
                ++m_pos;
                continue;
            }
            if (c != '\r' && c != '\n')
                out.append(c);
        }
        return out;
    }

    // An unquoted parameter value word: anything up to ";", whitespace, a comment or a quote.
    QByteArrayView readWord()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == ';' || c == '(' || c == '"' || isWhitespace(c))
                break;
            ++m_pos;
        }
        return m_text.sliced(start, m_pos - start);
    }

    void skipPast(char stop)
    {
        while (!atEnd() && peek() != stop) {
            if (peek() == '"')
                (void)readQuoted();
            else
                ++m_pos;
        }
    }

private:
    void skipComment()
    {
        int depth = 0;
        while (!atEnd()) {
            const char c = peek();
            ++m_pos;
            if (c == '\\') {
                if (!atEnd())
                    ++m_pos;
            } else if (c == '(') {
                ++depth;
            } else if (c == ')') {
                if (--depth == 0)
                    return;
            }
        }
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

struct RawParameter
{
    QByteArray name;
    QByteArray value;
};

QList<RawParameter> readRawParameters(Cursor& cursor)
{
    QList<RawParameter> parameters;
    while (parameters.size() < maxParameters) {
        cursor.skipCfws();
        if (cursor.atEnd())
            break;
        if (cursor.peek() == ';') {
            cursor.advance();
            continue;
        }
        const QByteArrayView name = cursor.readToken();
        if (name.isEmpty()) {
            cursor.advance();
            cursor.skipPast(';');
            continue;
        }
        cursor.skipCfws();
        if (cursor.atEnd() || cursor.peek() != '=') {
            cursor.skipPast(';');
            continue;
        }
        cursor.advance();
        cursor.skipCfws();
        QByteArray value;
        if (!cursor.atEnd() && cursor.peek() == '"') {
            value = cursor.readQuoted();
        } else {
            value = cursor.readWord().toByteArray();
            // Broken mailers leave spaces in unquoted values (name=My File.pdf): the words up
            // to the next ";" belong to the value.
            for (;;) {
                cursor.skipCfws();
                if (cursor.atEnd() || cursor.peek() == ';')
                    break;
                const qsizetype before = cursor.position();
                const QByteArray word =
                    cursor.peek() == '"' ? cursor.readQuoted() : cursor.readWord().toByteArray();
                if (cursor.position() == before)
                    cursor.advance();
                if (!word.isEmpty())
                    value.append(' ').append(word);
            }
        }
        parameters.append({name.toByteArray(), std::move(value)});
    }
    return parameters;
}

QByteArray percentDecode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out.append(static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            out.append(text[i]);
        }
    }
    return out;
}

// One section of an RFC 2231 parameter: name*N, name*N* or name*.
struct Section
{
    QByteArray base; // as written
    QByteArray key;  // lower case
    int index = 0;
    bool extended = false;
    QByteArray value;
    QByteArray originalName;
};

std::optional<Section> sectionOf(const RawParameter& parameter)
{
    const qsizetype star = parameter.name.indexOf('*');
    if (star <= 0)
        return std::nullopt;
    Section section;
    section.base = parameter.name.left(star);
    section.key = section.base.toLower();
    section.value = parameter.value;
    section.originalName = parameter.name;
    QByteArrayView rest = QByteArrayView(parameter.name).sliced(star + 1);
    if (rest.isEmpty()) {
        section.extended = true;
        return section;
    }
    if (rest.endsWith('*')) {
        section.extended = true;
        rest.chop(1);
    }
    if (rest.isEmpty() || rest.size() > 4)
        return std::nullopt;
    for (const char c : rest) {
        if (c < '0' || c > '9')
            return std::nullopt;
        section.index = section.index * 10 + (c - '0');
    }
    return section;
}

MimeParameter plainParameter(const QByteArray& name, const QByteArray& value)
{
    return {name.toLower(), value, name, value, false};
}

// Joins the sections of one parameter (sorted by index, contiguous from 0).
MimeParameter joinSections(const QList<Section>& sections)
{
    bool anyExtended = false;
    for (const Section& section : sections)
        anyExtended = anyExtended || section.extended;
    MimeParameter parameter;
    parameter.name = sections.front().key;
    parameter.extended = anyExtended;
    parameter.wireName = anyExtended ? sections.front().base + '*' : sections.front().base;
    if (!anyExtended) {
        for (const Section& section : sections)
            parameter.wireValue.append(section.value);
        parameter.value = parameter.wireValue;
        return parameter;
    }
    QByteArray charset;
    QByteArray bytes;
    if (!sections.front().extended)
        parameter.wireValue.append("''");
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const Section& section = sections.at(i);
        if (!section.extended) {
            parameter.wireValue.append(QByteArray(section.value).replace("%", "%25"));
            bytes.append(section.value);
            continue;
        }
        parameter.wireValue.append(section.value);
        QByteArrayView encoded = section.value;
        if (i == 0) {
            // RFC 2231 4: charset'language'value; the quotes may be missing in broken mail.
            const qsizetype first = encoded.indexOf('\'');
            const qsizetype second = first < 0 ? -1 : encoded.indexOf('\'', first + 1);
            if (second >= 0) {
                charset = encoded.first(first).toByteArray();
                encoded = encoded.sliced(second + 1);
            }
        }
        bytes.append(percentDecode(encoded));
    }
    parameter.value = decodeText(bytes, charset).toUtf8();
    return parameter;
}

QList<MimeParameter> mergeParameters(const QList<RawParameter>& raw)
{
    QList<MimeParameter> parameters;
    QList<Section> sections;
    for (const RawParameter& parameter : raw) {
        if (std::optional<Section> section = sectionOf(parameter))
            sections.append(std::move(*section));
        else
            parameters.append(plainParameter(parameter.name, parameter.value));
    }
    std::stable_sort(sections.begin(), sections.end(), [](const Section& a, const Section& b) {
        return a.key != b.key ? a.key < b.key : a.index < b.index;
    });
    for (qsizetype i = 0; i < sections.size();) {
        qsizetype next = i;
        bool contiguous = true;
        while (next < sections.size() && sections.at(next).key == sections.at(i).key) {
            if (sections.at(next).index != next - i)
                contiguous = false;
            ++next;
        }
        if (contiguous) {
            parameters.append(joinSections(sections.mid(i, next - i)));
        } else {
            // Missing or repeated sections: not RFC 2231 after all, keep them as written.
            for (qsizetype j = i; j < next; ++j)
                parameters.append(plainParameter(sections.at(j).originalName, sections.at(j).value));
        }
        i = next;
    }
    return parameters;
}

} // namespace

QByteArray mimeParameter(const QList<MimeParameter>& parameters, QByteArrayView name)
{
    const MimeParameter* plain = nullptr;
    for (const MimeParameter& parameter : parameters) {
        if (parameter.name.size() != name.size() ||
            QByteArrayView(parameter.name).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (parameter.extended)
            return parameter.value;
        if (!plain)
            plain = &parameter;
    }
    return plain ? plain->value : QByteArray();
}

ContentType parseContentType(QByteArrayView value)
{
    ContentType result;
    Cursor cursor(value);
    cursor.skipCfws();
    const QByteArrayView type = cursor.readToken();
    cursor.skipCfws();
    if (type.isEmpty() || cursor.atEnd() || cursor.peek() != '/')
        return result;
    cursor.advance();
    cursor.skipCfws();
    const QByteArrayView subtype = cursor.readToken();
    if (subtype.isEmpty())
        return result;
    result.valid = true;
    result.type = type.toByteArray().toLower();
    result.subtype = subtype.toByteArray().toLower();
    result.parameters = mergeParameters(readRawParameters(cursor));
    return result;
}

ContentDisposition parseContentDisposition(QByteArrayView value)
{
    ContentDisposition result;
    Cursor cursor(value);
    cursor.skipCfws();
    const QByteArrayView type = cursor.readToken();
    if (type.isEmpty())
        return result;
    result.valid = true;
    result.type = type.toByteArray();
    result.parameters = mergeParameters(readRawParameters(cursor));
    return result;
}

QByteArray parseMimeToken(QByteArrayView value)
{
    Cursor cursor(value);
    cursor.skipCfws();
    const QByteArrayView token = cursor.readToken();
    cursor.skipCfws();
    if (token.isEmpty() || !cursor.atEnd())
        return {};
    return token.toByteArray();
}

QList<QByteArray> parseLanguageList(QByteArrayView value)
{
    QList<QByteArray> languages;
    Cursor cursor(value);
    while (languages.size() < maxParameters) {
        cursor.skipCfws();
        const QByteArrayView tag = cursor.readToken();
        if (tag.isEmpty())
            break;
        languages.append(tag.toByteArray());
        cursor.skipCfws();
        if (cursor.atEnd() || cursor.peek() != ',')
            break;
        cursor.advance();
    }
    return languages;
}

} // namespace pw::mail
