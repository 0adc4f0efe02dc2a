#include "shared/auth/spf/SpfSyntax.h"

#include <QStringList>

namespace pw::auth {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiAlpha(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAlphanum(QChar c)
{
    return isAsciiDigit(c) || isAsciiAlpha(c);
}

// "0" or 1-9 followed by digits; nullopt above maximum or for anything else.
std::optional<int> parseNumber(QStringView digits, int maximum)
{
    if (digits.isEmpty() || digits.size() > 3)
        return std::nullopt;
    if (digits.size() > 1 && digits.front() == QLatin1Char('0'))
        return std::nullopt;
    int value = 0;
    for (const QChar c : digits) {
        if (!isAsciiDigit(c))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    if (value > maximum)
        return std::nullopt;
    return value;
}

} // namespace

bool isSpfTopLabel(QStringView label)
{
    if (label.isEmpty() || !isAlphanum(label.front()) || !isAlphanum(label.back()))
        return false;
    bool hasAlpha = false;
    bool hasDash = false;
    for (const QChar c : label) {
        if (c == QLatin1Char('-'))
            hasDash = true;
        else if (isAsciiAlpha(c))
            hasAlpha = true;
        else if (!isAsciiDigit(c))
            return false;
    }
    return hasAlpha || hasDash;
}

std::optional<QHostAddress> parseSpfIp4Network(QStringView text)
{
    const QList<QStringView> parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 address = 0;
    for (const QStringView part : parts) {
        // dec-octet: no leading zeros (RFC 7208 Appendix A).
        const auto octet = parseNumber(part, 255);
        if (!octet)
            return std::nullopt;
        address = (address << 8) | static_cast<quint32>(*octet);
    }
    return QHostAddress(address);
}

std::optional<QHostAddress> parseSpfIp6Network(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const QChar c : text) {
        const bool hex =
            isAsciiDigit(c) || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
        if (!hex && c != QLatin1Char(':') && c != QLatin1Char('.'))
            return std::nullopt;
    }
    QHostAddress address;
    if (!address.setAddress(text.toString()) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

std::optional<int> parseSpfCidrLength(QStringView digits, int maximum)
{
    return parseNumber(digits, maximum);
}

bool isSpfMacroDelimiter(QChar c)
{
    switch (c.unicode()) {
    case '.':
    case '-':
    case '+':
    case ',':
    case '/':
    case '_':
    case '=':
        return true;
    default:
        return false;
    }
}

} // namespace pw::auth
