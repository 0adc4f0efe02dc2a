#include "shared/mail/ImapString.h"

namespace pw::mail {

namespace {

// RFC 9051 9: ATOM-CHAR is any CHAR except atom-specials; ASTRING-CHAR adds "]".
bool isAstringChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case '%':
    case '*':
    case '"':
    case '\\':
        return false;
    default:
        return true;
    }
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

void appendImapString(QByteArray& out, QByteArrayView value)
{
    int escapes = 0;
    qsizetype nuls = 0;
    bool literal = false;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            ++nuls;
        if (u == 0 || u >= 0x80 || c == '\r' || c == '\n')
            literal = true;
        else if (c == '"' || c == '\\')
            ++escapes;
    }
    if (escapes > 4)
        literal = true;
    if (literal) {
        out.append('{').append(QByteArray::number(value.size() - nuls)).append("}\r\n");
        if (nuls == 0) {
            out.append(value);
            return;
        }
        for (const char c : value) {
            if (c != '\0')
                out.append(c);
        }
        return;
    }
    out.reserve(out.size() + value.size() + escapes + 2);
    out.append('"');
    if (escapes == 0) {
        out.append(value);
    } else {
        for (const char c : value) {
            if (c == '"' || c == '\\')
                out.append('\\');
            out.append(c);
        }
    }
    out.append('"');
}

void appendImapNString(QByteArray& out, const QByteArray& value)
{
    if (value.isNull())
        out.append("NIL");
    else
        appendImapString(out, value);
}

void appendImapStringForHumans(QByteArray& out, QByteArrayView value)
{
    // As Dovecot: text that needs no change is quoted as it is; text that had whitespace to
    // fold, quotes, backslashes or 8-bit bytes is cleaned up and sent as a literal.
    bool modify = false;
    bool lastWasSpace = true; // leading whitespace is removed too
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (c != ' ' || lastWasSpace)
                modify = true;
            lastWasSpace = true;
        } else {
            if (u == 0 || u >= 0x80 || c == '"' || c == '\\')
                modify = true;
            lastWasSpace = false;
        }
    }
    if (lastWasSpace && !value.isEmpty())
        modify = true;
    if (!modify) {
        out.append('"').append(value).append('"');
        return;
    }
    QByteArray text;
    text.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isWhitespace(c)) {
            pendingSpace = !text.isEmpty();
            continue;
        }
        if (c == '\0')
            continue;
        if (pendingSpace)
            text.append(' ');
        pendingSpace = false;
        text.append(c);
    }
    if (text.isEmpty())
        out.append("\"\"");
    else
        appendImapLiteral(out, text);
}

void appendImapNStringForHumans(QByteArray& out, const QByteArray& value)
{
    if (value.isNull())
        out.append("NIL");
    else
        appendImapStringForHumans(out, value);
}

void appendImapAstring(QByteArray& out, QByteArrayView value)
{
    bool atom = !value.isEmpty() && value.compare("NIL", Qt::CaseInsensitive) != 0;
    for (qsizetype i = 0; atom && i < value.size(); ++i)
        atom = isAstringChar(value[i]);
    if (atom)
        out.append(value);
    else
        appendImapString(out, value);
}

void appendImapLiteral(QByteArray& out, QByteArrayView value)
{
    out.append('{').append(QByteArray::number(value.size())).append("}\r\n").append(value);
}

QByteArray imapString(QByteArrayView value)
{
    QByteArray out;
    appendImapString(out, value);
    return out;
}

QByteArray imapNString(const QByteArray& value)
{
    QByteArray out;
    appendImapNString(out, value);
    return out;
}

QByteArray imapAstring(QByteArrayView value)
{
    QByteArray out;
    appendImapAstring(out, value);
    return out;
}

} // namespace pw::mail
