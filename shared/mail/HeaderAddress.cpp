#include "shared/mail/HeaderAddress.h"

namespace pw::mail {

namespace {

// The value without comments; quoted strings and escapes kept as written.
QByteArray withoutComments(const QByteArray& value)
{
    QByteArray text;
    text.reserve(value.size());
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '\\' && i + 1 < value.size()) {
            if (depth == 0)
                text.append(c).append(value.at(i + 1));
            ++i;
            continue;
        }
        if (!quoted && c == '(') {
            ++depth;
            continue;
        }
        if (!quoted && depth > 0 && c == ')') {
            --depth;
            continue;
        }
        if (depth > 0)
            continue;
        if (c == '"')
            quoted = !quoted;
        text.append(c);
    }
    return text;
}

} // namespace

QByteArray firstAddressOf(const QByteArray& fieldValue)
{
    const QByteArray text = withoutComments(fieldValue);
    QByteArray address = text;
    const qsizetype open = text.indexOf('<');
    if (open >= 0) {
        const qsizetype close = text.indexOf('>', open);
        address = text.mid(open + 1, close < 0 ? -1 : close - open - 1);
    } else {
        const qsizetype comma = text.indexOf(',');
        if (comma >= 0)
            address = text.left(comma);
    }
    address = address.trimmed();
    if (!address.contains('@'))
        return {};
    return address;
}

QString firstAddressDomainOf(const QByteArray& fieldValue)
{
    const QByteArray address = firstAddressOf(fieldValue);
    const qsizetype at = address.lastIndexOf('@');
    if (at < 0)
        return {};
    return QString::fromUtf8(address.mid(at + 1).trimmed()).toLower();
}

int addressCountOf(const QByteArray& fieldValue)
{
    const QByteArray text = withoutComments(fieldValue).trimmed();
    if (text.isEmpty())
        return 0;
    int count = 1;
    bool quoted = false;
    bool angle = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '<')
            angle = true;
        else if (!quoted && c == '>')
            angle = false;
        else if (!quoted && !angle && c == ',')
            ++count;
    }
    return count;
}

} // namespace pw::mail
