#include "shared/auth/spf/SpfRecord.h"

#include "shared/auth/spf/SpfSyntax.h"

#include <QStringList>

namespace pw::auth {

namespace {

constexpr int kMaxIp4Prefix = 32;
constexpr int kMaxIp6Prefix = 128;

bool isNameStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
           c == QLatin1Char('_') || c == QLatin1Char('.');
}

// name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) followed by "=" (RFC 7208 4.6.1, A):
// the length of the name, or 0 if term is not a modifier.
qsizetype modifierNameLength(const QString& term)
{
    if (term.isEmpty() || !isNameStart(term.front()))
        return 0;
    qsizetype i = 1;
    while (i < term.size() && isNameChar(term.at(i)))
        ++i;
    return i < term.size() && term.at(i) == QLatin1Char('=') ? i : 0;
}

std::optional<SpfQualifier> qualifierOf(QChar c)
{
    switch (c.unicode()) {
    case '+':
        return SpfQualifier::Pass;
    case '-':
        return SpfQualifier::Fail;
    case '~':
        return SpfQualifier::SoftFail;
    case '?':
        return SpfQualifier::Neutral;
    default:
        return std::nullopt;
    }
}

std::optional<SpfMechanismKind> kindOf(const QString& name)
{
    static const QList<std::pair<QLatin1String, SpfMechanismKind>> kinds{
        {QLatin1String("all"), SpfMechanismKind::All}, {QLatin1String("include"), SpfMechanismKind::Include},
        {QLatin1String("a"), SpfMechanismKind::A},     {QLatin1String("mx"), SpfMechanismKind::Mx},
        {QLatin1String("ptr"), SpfMechanismKind::Ptr}, {QLatin1String("ip4"), SpfMechanismKind::Ip4},
        {QLatin1String("ip6"), SpfMechanismKind::Ip6}, {QLatin1String("exists"), SpfMechanismKind::Exists},
    };
    for (const auto& [text, kind] : kinds) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

// Takes a trailing "/" 1*DIGIT off *text: the digits, or an empty view if there is none.
QStringView takeCidrSuffix(QStringView* text, bool doubleSlash)
{
    qsizetype i = text->size();
    while (i > 0 && text->at(i - 1).isDigit() && text->at(i - 1).unicode() < 0x80)
        --i;
    const qsizetype slashes = doubleSlash ? 2 : 1;
    if (i == text->size() || i < slashes)
        return {};
    for (qsizetype s = 1; s <= slashes; ++s) {
        if (text->at(i - s) != QLatin1Char('/'))
            return {};
    }
    const QStringView digits = text->mid(i);
    *text = text->first(i - slashes);
    return digits;
}

// dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ] (RFC 7208 5.3, 5.4),
// taken off the end of *text.
bool takeDualCidr(QStringView* text, SpfMechanism* mechanism, QString* error)
{
    const QStringView ip6 = takeCidrSuffix(text, true);
    if (!ip6.isEmpty()) {
        const auto prefix = parseSpfCidrLength(ip6, kMaxIp6Prefix);
        if (!prefix) {
            *error = QStringLiteral("invalid IPv6 prefix length in \"%1\"").arg(mechanism->text);
            return false;
        }
        mechanism->ip6Prefix = *prefix;
    }
    const QStringView ip4 = takeCidrSuffix(text, false);
    if (!ip4.isEmpty()) {
        const auto prefix = parseSpfCidrLength(ip4, kMaxIp4Prefix);
        if (!prefix) {
            *error = QStringLiteral("invalid IPv4 prefix length in \"%1\"").arg(mechanism->text);
            return false;
        }
        mechanism->ip4Prefix = *prefix;
    }
    return true;
}

// domain-spec = macro-string domain-end (RFC 7208 7.1)
std::optional<SpfMacroString> parseDomainSpec(QStringView text, const QString& term, QString* error)
{
    if (text.isEmpty()) {
        *error = QStringLiteral("empty domain-spec in \"%1\"").arg(term);
        return std::nullopt;
    }
    QString macroError;
    auto spec = SpfMacroString::parse(text.toString(), SpfMacroContext::DomainSpec, &macroError);
    if (!spec) {
        *error = macroError;
        return std::nullopt;
    }
    if (!spec->hasValidDomainEnd()) {
        *error = QStringLiteral("domain-spec \"%1\" does not end in a valid top label or macro").arg(text);
        return std::nullopt;
    }
    return spec;
}

// directive = [ qualifier ] mechanism (RFC 7208 4.6.1, 5)
std::optional<SpfMechanism> parseMechanism(const QString& term, QString* error)
{
    SpfMechanism mechanism;
    mechanism.text = term;
    QStringView rest(term);
    if (const auto qualifier = qualifierOf(rest.isEmpty() ? QChar() : rest.front())) {
        mechanism.qualifier = *qualifier;
        rest = rest.mid(1);
    }
    qsizetype nameEnd = 0;
    while (nameEnd < rest.size() && rest.at(nameEnd) != QLatin1Char(':') &&
           rest.at(nameEnd) != QLatin1Char('/'))
        ++nameEnd;
    const auto kind = kindOf(rest.first(nameEnd).toString());
    if (!kind) {
        *error = QStringLiteral("unknown mechanism \"%1\"").arg(term);
        return std::nullopt;
    }
    mechanism.kind = *kind;
    rest = rest.mid(nameEnd);
    const bool hasArgument = rest.startsWith(QLatin1Char(':'));
    QStringView argument = hasArgument ? rest.mid(1) : rest;

    switch (mechanism.kind) {
    case SpfMechanismKind::All:
        // all = "all" (RFC 7208 5.1)
        if (!rest.isEmpty()) {
            *error = QStringLiteral("\"all\" takes no argument: \"%1\"").arg(term);
            return std::nullopt;
        }
        return mechanism;
    case SpfMechanismKind::Include:
    case SpfMechanismKind::Exists:
        // include = "include" ":" domain-spec; exists = "exists" ":" domain-spec (5.2, 5.7)
        if (!hasArgument) {
            *error = QStringLiteral("\"%1\" needs \":\" and a domain").arg(term);
            return std::nullopt;
        }
        mechanism.domainSpec = parseDomainSpec(argument, term, error);
        return mechanism.domainSpec ? std::optional(mechanism) : std::nullopt;
    case SpfMechanismKind::A:
    case SpfMechanismKind::Mx:
        // A = "a" [ ":" domain-spec ] [ dual-cidr-length ] (5.3, 5.4)
        if (!takeDualCidr(&argument, &mechanism, error))
            return std::nullopt;
        if (!hasArgument && !argument.isEmpty()) {
            *error = QStringLiteral("malformed mechanism \"%1\"").arg(term);
            return std::nullopt;
        }
        if (hasArgument) {
            mechanism.domainSpec = parseDomainSpec(argument, term, error);
            if (!mechanism.domainSpec)
                return std::nullopt;
        }
        return mechanism;
    case SpfMechanismKind::Ptr:
        // PTR = "ptr" [ ":" domain-spec ] (5.5)
        if (!hasArgument && !argument.isEmpty()) {
            *error = QStringLiteral("malformed mechanism \"%1\"").arg(term);
            return std::nullopt;
        }
        if (hasArgument) {
            mechanism.domainSpec = parseDomainSpec(argument, term, error);
            if (!mechanism.domainSpec)
                return std::nullopt;
        }
        return mechanism;
    case SpfMechanismKind::Ip4:
    case SpfMechanismKind::Ip6: {
        // IP4 = "ip4" ":" ip4-network [ ip4-cidr-length ], IP6 likewise (5.6)
        const bool v4 = mechanism.kind == SpfMechanismKind::Ip4;
        if (!hasArgument) {
            *error = QStringLiteral("\"%1\" needs a network").arg(term);
            return std::nullopt;
        }
        const QStringView digits = takeCidrSuffix(&argument, false);
        if (!digits.isEmpty()) {
            const auto prefix = parseSpfCidrLength(digits, v4 ? kMaxIp4Prefix : kMaxIp6Prefix);
            if (!prefix) {
                *error = QStringLiteral("invalid prefix length in \"%1\"").arg(term);
                return std::nullopt;
            }
            (v4 ? mechanism.ip4Prefix : mechanism.ip6Prefix) = *prefix;
        }
        const auto network = v4 ? parseSpfIp4Network(argument) : parseSpfIp6Network(argument);
        if (!network) {
            *error = QStringLiteral("invalid %1 network in \"%2\"")
                         .arg(v4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6"), term);
            return std::nullopt;
        }
        mechanism.network = *network;
        return mechanism;
    }
    }
    return std::nullopt;
}

} // namespace

bool SpfMechanism::queriesDns() const
{
    switch (kind) {
    case SpfMechanismKind::Include:
    case SpfMechanismKind::A:
    case SpfMechanismKind::Mx:
    case SpfMechanismKind::Ptr:
    case SpfMechanismKind::Exists:
        return true;
    case SpfMechanismKind::All:
    case SpfMechanismKind::Ip4:
    case SpfMechanismKind::Ip6:
        return false;
    }
    return false;
}

bool SpfRecord::hasSpfVersion(QByteArrayView text)
{
    static constexpr QByteArrayView kVersion("v=spf1");
    if (text.size() < kVersion.size())
        return false;
    if (QLatin1String(text.first(kVersion.size())).compare(QLatin1String(kVersion), Qt::CaseInsensitive) != 0)
        return false;
    return text.size() == kVersion.size() || text.at(kVersion.size()) == ' ';
}

SpfRecord::Selection SpfRecord::select(const QList<QByteArray>& txtRecords)
{
    Selection selection;
    for (const QByteArray& text : txtRecords) {
        if (!hasSpfVersion(text))
            continue;
        if (selection.outcome == Selection::One) {
            selection.outcome = Selection::Multiple;
            return selection;
        }
        selection.outcome = Selection::One;
        selection.text = text;
    }
    return selection;
}

SpfParsedRecord SpfRecord::parse(QByteArrayView text)
{
    SpfParsedRecord parsed;
    if (!hasSpfVersion(text)) {
        parsed.error = QStringLiteral("the record does not start with \"v=spf1\"");
        return parsed;
    }
    // RFC 7208 3.1 and 4.6.1: the record is 7-bit ASCII and terms are separated by spaces
    // only; any other octet (control characters, 8-bit) cannot be part of a valid term.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c < 0x20 || c > 0x7e) {
            parsed.error = QStringLiteral("invalid octet 0x%1 at offset %2 of the record")
                               .arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'))
                               .arg(i);
            return parsed;
        }
    }
    SpfRecord record;
    const QString terms = QString::fromLatin1(text.sliced(6));
    // terms = *( 1*SP ( directive / modifier ) ), record = version terms *SP (RFC 7208 4.6.1)
    for (const QString& term : terms.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!record.parseTerm(term, &parsed.error))
            return parsed;
    }
    parsed.record = std::move(record);
    return parsed;
}

bool SpfRecord::parseTerm(const QString& term, QString* error)
{
    if (const qsizetype nameLength = modifierNameLength(term)) {
        return parseModifier(term.first(nameLength), term.mid(nameLength + 1), error);
    }
    auto mechanism = parseMechanism(term, error);
    if (!mechanism)
        return false;
    m_mechanisms.append(std::move(*mechanism));
    return true;
}

bool SpfRecord::parseModifier(const QString& name, const QString& value, QString* error)
{
    const QString term = name + QLatin1Char('=') + value;
    const bool isRedirect = name.compare(QLatin1String("redirect"), Qt::CaseInsensitive) == 0;
    const bool isExp = name.compare(QLatin1String("exp"), Qt::CaseInsensitive) == 0;
    if (isRedirect || isExp) {
        // redirect = "redirect" "=" domain-spec; explanation = "exp" "=" domain-spec (RFC 7208
        // 6.1, 6.2); each at most once (RFC 7208 6).
        std::optional<SpfMacroString>& slot = isRedirect ? m_redirect : m_explanation;
        if (slot) {
            *error = QStringLiteral("\"%1\" appears more than once").arg(name);
            return false;
        }
        slot = parseDomainSpec(value, term, error);
        return slot.has_value();
    }
    // unknown-modifier = name "=" macro-string (RFC 7208 6, A): ignored, but its syntax counts.
    QString macroError;
    const auto macro = SpfMacroString::parse(value, SpfMacroContext::UnknownModifier, &macroError);
    if (!macro) {
        *error = QStringLiteral("modifier \"%1\": %2").arg(name, macroError);
        return false;
    }
    m_unknownModifiers.append(SpfModifier{name, *macro});
    return true;
}

} // namespace pw::auth
