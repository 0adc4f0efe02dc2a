#include "shared/auth/spf/SpfMacro.h"

#include "shared/auth/spf/SpfSyntax.h"

#include <QStringList>
#include <algorithm>

namespace pw::auth {

namespace {

// A DIGIT transformer beyond the number of parts just keeps them all; cap the parse.
constexpr int kMaxRightParts = 1000;

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

bool isMacroLiteral(QChar c)
{
    // macro-literal = %x21-24 / %x26-7E (RFC 7208 7.1); '%' only in macro-expands.
    return c.unicode() >= 0x21 && c.unicode() <= 0x7e && c != QLatin1Char('%');
}

bool isMacroLetter(char letter)
{
    return QByteArrayView("slodiphcrtv").contains(letter);
}

// RFC 7208 7.3: "c", "r" and "t" are allowed only in "exp" text.
bool isExplanationOnlyLetter(char letter)
{
    return letter == 'c' || letter == 'r' || letter == 't';
}

QString letterValue(const SpfMacroValues& values, char letter)
{
    switch (letter) {
    case 's':
        return values.sender;
    case 'l':
        return values.localPart;
    case 'o':
        return values.senderDomain;
    case 'd':
        return values.domain;
    case 'i':
        return values.ip;
    case 'p':
        return values.validatedName.isEmpty() ? QStringLiteral("unknown") : values.validatedName;
    case 'v':
        return values.ipVersion;
    case 'h':
        return values.helo;
    case 'c':
        return values.clientIp;
    case 'r':
        return values.receiver.isEmpty() ? QStringLiteral("unknown") : values.receiver;
    case 't':
        return values.timestamp;
    default:
        return {};
    }
}

// RFC 7208 7.3: split on the delimiters, reverse, keep the right-hand parts, join with ".".
QString transform(const QString& value, const SpfMacroString::Token& token)
{
    if (token.rightParts == 0 && !token.reverse && token.delimiters.isEmpty())
        return value;
    const QString delimiters = token.delimiters.isEmpty() ? QStringLiteral(".") : token.delimiters;
    QStringList parts;
    QString current;
    for (const QChar c : value) {
        if (delimiters.contains(c)) {
            parts.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts.append(current);
    if (token.reverse)
        std::reverse(parts.begin(), parts.end());
    if (token.rightParts > 0 && token.rightParts < parts.size())
        parts = parts.mid(parts.size() - token.rightParts);
    return parts.join(QLatin1Char('.'));
}

} // namespace

void SpfMacroValues::setAddress(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        const QHostAddress plain(v4);
        ip = plain.toString();
        clientIp = ip;
        ipVersion = QStringLiteral("in-addr");
        return;
    }
    ip = ipValue(address);
    clientIp = address.toString();
    ipVersion = QStringLiteral("ip6");
}

QString SpfMacroValues::ipValue(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    // RFC 3596 2.5 nibbles, most significant first; "%{ir}" gives the ip6.arpa order.
    static const char kHex[] = "0123456789abcdef";
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QString result;
    result.reserve(63);
    for (int i = 0; i < 16; ++i) {
        if (i > 0)
            result.append(QLatin1Char('.'));
        result.append(QLatin1Char(kHex[v6[i] >> 4]));
        result.append(QLatin1Char('.'));
        result.append(QLatin1Char(kHex[v6[i] & 0x0f]));
    }
    return result;
}

std::optional<SpfMacroString> SpfMacroString::parse(const QString& text, SpfMacroContext context,
                                                    QString* error)
{
    SpfMacroString result;
    result.m_text = text;
    QString literal;
    const auto flushLiteral = [&] {
        if (!literal.isEmpty()) {
            Token token;
            token.literal = literal;
            result.m_tokens.append(token);
            literal.clear();
        }
    };

    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size) {
        const QChar c = text.at(pos);
        if (c == QLatin1Char(' ') && context == SpfMacroContext::Explanation) {
            literal.append(c);
            ++pos;
            continue;
        }
        if (c != QLatin1Char('%')) {
            if (!isMacroLiteral(c)) {
                setError(error, QStringLiteral("invalid character U+%1 in \"%2\"")
                                    .arg(c.unicode(), 4, 16, QLatin1Char('0'))
                                    .arg(text));
                return std::nullopt;
            }
            literal.append(c);
            ++pos;
            continue;
        }
        // RFC 7208 7.1: "%" must be followed by "{", "%", "_" or "-".
        const QChar next = pos + 1 < size ? text.at(pos + 1) : QChar();
        if (next == QLatin1Char('%') || next == QLatin1Char('_') || next == QLatin1Char('-')) {
            literal.append(next == QLatin1Char('%')   ? QStringLiteral("%")
                           : next == QLatin1Char('_') ? QStringLiteral(" ")
                                                      : QStringLiteral("%20"));
            pos += 2;
            result.m_literalTailStart = pos;
            continue;
        }
        if (next != QLatin1Char('{')) {
            setError(
                error,
                QStringLiteral("\"%\" not followed by \"{\", \"%\", \"_\" or \"-\" in \"%1\"").arg(text));
            return std::nullopt;
        }
        pos += 2;
        // macro-expand = "%{" macro-letter transformers *delimiter "}"
        Token token;
        token.isMacro = true;
        const QChar letter = pos < size ? text.at(pos) : QChar();
        const char lower = letter.unicode() < 0x80 ? static_cast<char>(letter.toLower().unicode()) : '\0';
        if (!isMacroLetter(lower)) {
            setError(error, QStringLiteral("unknown macro letter \"%1\" in \"%2\"").arg(letter).arg(text));
            return std::nullopt;
        }
        if (context == SpfMacroContext::DomainSpec && isExplanationOnlyLetter(lower)) {
            setError(error, QStringLiteral("macro letter \"%1\" is allowed only in explanations: \"%2\"")
                                .arg(letter)
                                .arg(text));
            return std::nullopt;
        }
        token.letter = lower;
        token.escape = letter.isUpper();
        ++pos;
        const qsizetype digitsStart = pos;
        int parts = 0;
        while (pos < size && text.at(pos).isDigit() && text.at(pos).unicode() < 0x80) {
            parts = std::min(kMaxRightParts, parts * 10 + (text.at(pos).unicode() - '0'));
            ++pos;
        }
        // RFC 7208 7.1: "If a DIGIT is specified, the value MUST be nonzero."
        if (pos > digitsStart && parts == 0) {
            setError(error, QStringLiteral("zero DIGIT transformer in \"%1\"").arg(text));
            return std::nullopt;
        }
        token.rightParts = parts;
        if (pos < size && text.at(pos).toLower() == QLatin1Char('r')) {
            token.reverse = true;
            ++pos;
        }
        while (pos < size && isSpfMacroDelimiter(text.at(pos))) {
            token.delimiters.append(text.at(pos));
            ++pos;
        }
        if (pos >= size || text.at(pos) != QLatin1Char('}')) {
            setError(error, QStringLiteral("unterminated or malformed macro in \"%1\"").arg(text));
            return std::nullopt;
        }
        ++pos;
        result.m_literalTailStart = pos;
        flushLiteral();
        result.m_tokens.append(token);
    }
    flushLiteral();
    return result;
}

QString SpfMacroString::expand(const SpfMacroValues& values) const
{
    QString result;
    for (const Token& token : m_tokens) {
        if (!token.isMacro) {
            result.append(token.literal);
            continue;
        }
        const QString value = transform(letterValue(values, token.letter), token);
        result.append(token.escape ? spfUrlEscape(value) : value);
    }
    return result;
}

bool SpfMacroString::uses(char letter) const
{
    return std::any_of(m_tokens.cbegin(), m_tokens.cend(),
                       [letter](const Token& token) { return token.isMacro && token.letter == letter; });
}

bool SpfMacroString::hasValidDomainEnd() const
{
    if (m_text.isEmpty())
        return false;
    // The literal text after the last macro-expand ("%{...}", "%%", "%_" or "%-").
    QStringView tail = QStringView(m_text).mid(m_literalTailStart);
    if (tail.isEmpty())
        return true; // ends in a macro-expand
    if (tail.endsWith(QLatin1Char('.')))
        tail.chop(1);
    const qsizetype dot = tail.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return false;
    return isSpfTopLabel(tail.mid(dot + 1));
}

QString spfUrlEscape(const QString& text)
{
    static const char kHex[] = "0123456789ABCDEF";
    QString result;
    for (const char byte : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(byte);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            result.append(QLatin1Char(static_cast<char>(c)));
        } else {
            result.append(QLatin1Char('%'));
            result.append(QLatin1Char(kHex[c >> 4]));
            result.append(QLatin1Char(kHex[c & 0x0f]));
        }
    }
    return result;
}

} // namespace pw::auth
