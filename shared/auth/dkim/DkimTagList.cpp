#include "shared/auth/dkim/DkimTagList.h"

namespace pw::auth {

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 6376 3.2: ALNUMPUNC = ALPHA / DIGIT / "_"
bool isNameChar(char c)
{
    return isAlpha(c) || (c >= '0' && c <= '9') || c == '_';
}

// RFC 6376 3.2: VALCHAR = %x21-3A / %x3C-7E. Bytes above 0x7E are let through as well, for
// UTF-8 in i= and z= (RFC 8616 section 4).
bool isValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x21 && u <= 0x7e && c != ';') || u >= 0x80;
}

qsizetype skipWhitespace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isWhitespace(text[i]))
        ++i;
    return i;
}

QString describe(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f)
        return QStringLiteral("\"%1\"").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(u, 2, 16, QLatin1Char('0'));
}

} // namespace

DkimTagList::Parse DkimTagList::parse(QByteArrayView text)
{
    Parse result;
    qsizetype i = 0;
    while (i < text.size()) {
        i = skipWhitespace(text, i);
        if (i >= text.size())
            break;
        if (text[i] == ';') {
            ++i;
            continue;
        }
        const qsizetype nameStart = i;
        if (!isAlpha(text[i])) {
            result.error =
                QStringLiteral("a tag name must start with a letter, found %1").arg(describe(text[i]));
            return result;
        }
        while (i < text.size() && isNameChar(text[i]))
            ++i;
        DkimTag tag;
        tag.name = text.sliced(nameStart, i - nameStart).toByteArray();
        i = skipWhitespace(text, i);
        if (i >= text.size() || text[i] != '=') {
            result.error = QStringLiteral("tag \"%1\" has no \"=\"").arg(QString::fromLatin1(tag.name));
            return result;
        }
        tag.equalsEnd = ++i;
        i = skipWhitespace(text, i);
        tag.valueStart = i;
        tag.valueEnd = i;
        while (i < text.size() && text[i] != ';') {
            if (isWhitespace(text[i])) {
                ++i;
                continue;
            }
            if (!isValueChar(text[i])) {
                result.error = QStringLiteral("the value of tag \"%1\" contains %2")
                                   .arg(QString::fromLatin1(tag.name), describe(text[i]));
                return result;
            }
            tag.valueEnd = ++i;
        }
        tag.separatorEnd = i;
        tag.value = text.sliced(tag.valueStart, tag.valueEnd - tag.valueStart).toByteArray();
        if (result.list.contains(tag.name)) {
            result.error =
                QStringLiteral("tag \"%1\" occurs more than once").arg(QString::fromLatin1(tag.name));
            return result;
        }
        result.list.m_tags.append(std::move(tag));
        if (i < text.size())
            ++i; // the ";"
    }
    return result;
}

const DkimTag* DkimTagList::find(QByteArrayView name) const
{
    for (const DkimTag& tag : m_tags) {
        if (tag.name == name)
            return &tag;
    }
    return nullptr;
}

QByteArray DkimTagList::value(QByteArrayView name) const
{
    const DkimTag* tag = find(name);
    return tag ? tag->value : QByteArray();
}

} // namespace pw::auth
