#include "shared/mail/MailAddress.h"

#include <QHostAddress>
#include <QUrl>

namespace pw::mail {

namespace {

// RFC 5321 4.5.3.1.1 and 4.5.3.1.2
constexpr qsizetype MaxLocalPart = 64;
constexpr qsizetype MaxDomain = 255;
constexpr qsizetype MaxLabel = 63;

bool fail(MailAddress::ParseError* error, const QString& message)
{
    if (error)
        error->message = message;
    return false;
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNonAscii(char c)
{
    return static_cast<unsigned char>(c) >= 0x80;
}

// RFC 5322 3.2.3 atext; RFC 6531 3.3 adds UTF8-non-ascii (validated as a whole beforehand).
bool isAtext(char c)
{
    if (isAlpha(c) || isDigit(c) || isNonAscii(c))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
        return true;
    default:
        return false;
    }
}

// RFC 5321 4.1.2 qtextSMTP, with RFC 6531 3.3 UTF8-non-ascii.
bool isQtext(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 32 && u <= 126 && c != '"' && c != '\\') || u >= 0x80;
}

// RFC 3629 4: well-formed UTF-8 only — no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(QByteArrayView text)
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int trailing = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            trailing = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            trailing = 2;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            trailing = 3;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (end - p <= trailing)
            return false;
        if (p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i <= trailing; ++i) {
            if (p[i] < 0x80 || p[i] > 0xBF)
                return false;
        }
        p += trailing + 1;
    }
    return true;
}

bool hasNonAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (isNonAscii(c))
            return true;
    }
    return false;
}

// RFC 5321 4.1.2 Dot-string: atoms of atext separated by single dots.
bool isDotString(QByteArrayView text)
{
    if (text.isEmpty() || text.front() == '.' || text.back() == '.')
        return false;
    char previous = 0;
    for (const char c : text) {
        if (c == '.') {
            if (previous == '.')
                return false;
        } else if (!isAtext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

// RFC 5321 4.1.2 sub-domain = Let-dig [Ldh-str], at most 63 octets (4.5.3.1.2).
bool isLdhLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > MaxLabel)
        return false;
    if (label.front() == '-' || label.back() == '-')
        return false;
    for (const char c : label) {
        if (!isAlpha(c) && !isDigit(c) && c != '-')
            return false;
    }
    return true;
}

// Checks an A-label domain (ASCII) label by label; the message says what is wrong.
bool checkAsciiDomain(QByteArrayView domain, MailAddress::ParseError* error)
{
    if (domain.size() > MaxDomain)
        return fail(error, MailAddress::tr("The domain is longer than 255 characters."));
    qsizetype start = 0;
    while (true) {
        qsizetype dot = domain.indexOf('.', start);
        const qsizetype stop = dot < 0 ? domain.size() : dot;
        const QByteArrayView label = domain.sliced(start, stop - start);
        if (label.isEmpty())
            return fail(error, MailAddress::tr(
                                   "The domain has an empty part (two dots in a row, or a dot at an end)."));
        if (label.size() > MaxLabel)
            return fail(error, MailAddress::tr("A part of the domain is longer than 63 characters."));
        if (!isLdhLabel(label))
            return fail(error, MailAddress::tr(
                                   "The domain may only hold letters, digits, hyphens and dots, and no part "
                                   "may start or end with a hyphen."));
        if (dot < 0)
            return true;
        start = dot + 1;
    }
}

// RFC 5321 4.1.3 address literals: "[IPv4]" or "[IPv6:...]". General-address-literals
// ("[tag:...]") have no registered tags in use; they are refused.
bool checkAddressLiteral(QByteArrayView literal, QString* normalised, MailAddress::ParseError* error)
{
    if (literal.size() < 3 || literal.back() != ']')
        return fail(error, MailAddress::tr("The address literal is not closed with \"]\"."));
    const QByteArrayView inside = literal.sliced(1, literal.size() - 2);
    static constexpr QByteArrayView ipv6Tag("IPv6:");
    if (inside.size() > ipv6Tag.size() &&
        inside.first(ipv6Tag.size()).compare(ipv6Tag, Qt::CaseInsensitive) == 0) {
        const QByteArrayView address = inside.sliced(ipv6Tag.size());
        for (const char c : address) {
            // QHostAddress would accept a scope ("%eth0") and dotted IPv4, neither belongs here
            // except the IPv4 tail of an IPv6 address.
            if (!isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') && c != ':' && c != '.')
                return fail(error, MailAddress::tr("The IPv6 address literal is not valid."));
        }
        QHostAddress host;
        if (!address.contains(':') || !host.setAddress(QString::fromLatin1(address)) ||
            host.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(error, MailAddress::tr("The IPv6 address literal is not valid."));
        *normalised = QStringLiteral("[IPv6:%1]").arg(host.toString());
        return true;
    }
    // Snum "." Snum "." Snum "." Snum, each 1*3DIGIT with a value 0..255.
    int parts = 0;
    qsizetype i = 0;
    while (i < inside.size()) {
        int value = 0;
        int digits = 0;
        while (i < inside.size() && isDigit(inside[i])) {
            value = value * 10 + (inside[i] - '0');
            if (++digits > 3)
                break;
            ++i;
        }
        if (digits == 0 || digits > 3 || value > 255)
            return fail(error, MailAddress::tr("The address literal is not a valid IPv4 or IPv6 address."));
        ++parts;
        if (i < inside.size()) {
            if (inside[i] != '.' || parts == 4)
                return fail(error,
                            MailAddress::tr("The address literal is not a valid IPv4 or IPv6 address."));
            ++i;
            if (i == inside.size())
                return fail(error,
                            MailAddress::tr("The address literal is not a valid IPv4 or IPv6 address."));
        }
    }
    if (parts != 4)
        return fail(error, MailAddress::tr("The address literal is not a valid IPv4 or IPv6 address."));
    *normalised = QString::fromLatin1(literal);
    return true;
}

bool needsQuoting(const QString& localPart)
{
    return !isDotString(localPart.toUtf8());
}

} // namespace

std::optional<MailAddress> MailAddress::parse(QByteArrayView text, ParseError* error, bool allowNoDomain)
{
    auto failed = [error](const QString& message) -> std::optional<MailAddress> {
        fail(error, message);
        return std::nullopt;
    };

    if (text.isEmpty())
        return failed(MailAddress::tr("The address is empty."));
    // Longer than any valid path (RFC 5321 4.5.3.1.3); stops IDNA work on absurd input early.
    if (text.size() > 4 * (MaxLocalPart + MaxDomain))
        return failed(MailAddress::tr("The address is too long."));
    if (!isValidUtf8(text))
        return failed(MailAddress::tr("The address is not valid UTF-8."));

    MailAddress address;
    qsizetype at = -1;
    QByteArray local;
    if (text.front() == '"') {
        qsizetype i = 1;
        bool closed = false;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '"') {
                closed = true;
                ++i;
                break;
            }
            if (c == '\\') {
                // RFC 5321 4.1.2 quoted-pairSMTP = %d92 %d32-126
                if (i + 1 >= text.size() || text[i + 1] < 32 || text[i + 1] > 126)
                    return failed(
                        MailAddress::tr("The quoted local part has a backslash that escapes nothing valid."));
                local.append(text[i + 1]);
                i += 2;
                continue;
            }
            if (!isQtext(c))
                return failed(
                    MailAddress::tr("The quoted local part holds a character that is not allowed."));
            local.append(c);
            ++i;
        }
        if (!closed)
            return failed(MailAddress::tr("The quoted local part has no closing quote."));
        if (i < text.size() && text[i] != '@')
            return failed(MailAddress::tr("The closing quote of the local part must be followed by \"@\"."));
        at = i < text.size() ? i : -1;
        address.m_quoted = true;
        if (at < 0)
            return failed(MailAddress::tr("The address has no \"@\" and domain."));
    } else {
        at = text.indexOf('@');
        const QByteArrayView rawLocal = at < 0 ? text : text.first(at);
        if (rawLocal.isEmpty())
            return failed(MailAddress::tr("The part before the @ is empty."));
        if (!isDotString(rawLocal))
            return failed(
                MailAddress::tr("The part before the @ holds a character that is not allowed, or dots in the "
                                "wrong place."));
        local = rawLocal.toByteArray();
        if (at < 0) {
            // RFC 5321 4.1.1.3: "Postmaster" without a domain, case-insensitive, in RCPT only.
            if (allowNoDomain && rawLocal.compare(QByteArrayView("postmaster"), Qt::CaseInsensitive) == 0) {
                address.m_localPart = QString::fromLatin1(rawLocal);
                return address;
            }
            return failed(MailAddress::tr("The address has no \"@\" and domain."));
        }
    }

    if (local.isEmpty())
        return failed(MailAddress::tr("The part before the @ is empty."));
    if (at > MaxLocalPart)
        return failed(MailAddress::tr("The part before the @ is longer than 64 characters."));
    address.m_localPart = QString::fromUtf8(local);
    address.m_utf8 = hasNonAscii(local);

    const QByteArrayView domain = text.sliced(at + 1);
    if (domain.isEmpty())
        return failed(MailAddress::tr("The domain after the @ is missing."));
    if (domain.front() == '[') {
        QString literal;
        if (!checkAddressLiteral(domain, &literal, error))
            return std::nullopt;
        address.m_domain = literal;
        address.m_unicodeDomain = address.m_domain;
        address.m_literal = true;
        return address;
    }
    if (domain.back() == '.')
        return failed(MailAddress::tr("The domain ends with a dot."));

    if (!hasNonAscii(domain)) {
        if (!checkAsciiDomain(domain, error))
            return std::nullopt;
        address.m_domain = QString::fromLatin1(domain).toLower();
    } else {
        // An empty label would make IDNA fail with no useful word; say it plainly first.
        if (domain.front() == '.' || domain.contains(QByteArrayView("..")))
            return failed(
                MailAddress::tr("The domain has an empty part (two dots in a row, or a dot at an end)."));
        const QByteArray ace = QUrl::toAce(QString::fromUtf8(domain));
        if (ace.isEmpty())
            return failed(MailAddress::tr("The domain is not a valid international domain name."));
        if (!checkAsciiDomain(ace, error))
            return std::nullopt;
        address.m_domain = QString::fromLatin1(ace).toLower();
        address.m_utf8 = true;
    }
    address.m_unicodeDomain = QUrl::fromAce(address.m_domain.toLatin1());
    return address;
}

QString MailAddress::toString() const
{
    QString local = m_localPart;
    if (needsQuoting(m_localPart)) {
        local.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        local = QLatin1Char('"') + local + QLatin1Char('"');
    }
    if (m_domain.isEmpty())
        return local;
    return local + QLatin1Char('@') + m_domain;
}

QString MailAddress::canonical() const
{
    if (m_domain.isEmpty())
        return m_localPart.toLower();
    return m_localPart.toLower() + QLatin1Char('@') + m_domain;
}

QString MailAddress::relayTrick() const
{
    if (m_literal)
        return MailAddress::tr("Mail to an address literal such as [192.0.2.1] is not accepted.");
    for (const QChar c : m_localPart) {
        if (c == QLatin1Char('%') || c == QLatin1Char('!') || c == QLatin1Char('@'))
            return MailAddress::tr(
                       "The part before the @ holds \"%1\", which old servers used to pass mail on "
                       "to other hosts.")
                .arg(c);
    }
    return {};
}

} // namespace pw::mail
