#include "service/smtp/SmtpCommandParser.h"

#include <QStringDecoder>
#include <limits>

namespace pw::service {

namespace {

using Result = SmtpCommandParser::Result;

Result failure(int code, const char* enhanced, const QString& text)
{
    return SmtpCommandError{SmtpReply{code, QByteArray(enhanced), {text}}};
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAllDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArrayView skipSpaces(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == ' ')
        ++i;
    return text.sliced(i);
}

// Arguments separated by runs of spaces.
QList<QByteArrayView> splitArguments(QByteArrayView text)
{
    QList<QByteArrayView> parts;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        const qsizetype start = i;
        while (i < text.size() && text[i] != ' ')
            ++i;
        if (i > start)
            parts.append(text.sliced(start, i - start));
    }
    return parts;
}

// A digit string that fits in a qint64.
std::optional<qint64> parseSize(QByteArrayView digits)
{
    if (!isAllDigits(digits))
        return std::nullopt;
    qint64 value = 0;
    for (const char c : digits) {
        const int digit = c - '0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

Result noArguments(SmtpVerb verb, const char* name, QByteArrayView arguments)
{
    if (!arguments.isEmpty())
        return failure(501, "5.5.4",
                       SmtpCommandParser::tr("%1 takes no arguments.").arg(QLatin1String(name)));
    SmtpCommand command;
    command.verb = verb;
    return command;
}

// RFC 5321 4.1.2 sub-domain. Underscores are let through: Windows host names carry them in
// HELO, and refusing the greeting over it helps nobody. UTF-8 is allowed (RFC 6531 3.3).
bool isHeloDomain(QByteArrayView domain)
{
    if (domain.isEmpty() || domain.size() > 255)
        return false;
    qsizetype labelLength = 0;
    for (qsizetype i = 0; i < domain.size(); ++i) {
        const char c = domain[i];
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
            continue;
        }
        if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '_' && static_cast<unsigned char>(c) < 0x80)
            return false;
        if (++labelLength > 63)
            return false;
    }
    if (labelLength == 0)
        return false;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8(domain);
    return !utf8.hasError();
}

bool isAddressLiteral(QByteArrayView text)
{
    if (!text.startsWith('['))
        return false;
    const auto parsed = mail::MailAddress::parse(QByteArray("x@") + text.toByteArray());
    return parsed && parsed->isAddressLiteral();
}

Result parseHelo(SmtpVerb verb, QByteArrayView arguments)
{
    const char* name = verb == SmtpVerb::Ehlo ? "EHLO" : "HELO";
    if (arguments.isEmpty())
        return failure(501, "5.5.4",
                       SmtpCommandParser::tr("%1 needs your host name.").arg(QLatin1String(name)));
    if (arguments.contains(' '))
        return failure(501, "5.5.4",
                       SmtpCommandParser::tr("%1 takes only your host name.").arg(QLatin1String(name)));
    const bool valid = arguments.startsWith('[') ? isAddressLiteral(arguments) : isHeloDomain(arguments);
    if (!valid)
        return failure(501, "5.5.4",
                       SmtpCommandParser::tr("That is not a valid host name or address literal."));
    SmtpCommand command;
    command.verb = verb;
    command.domain = arguments.toByteArray();
    return command;
}

// RFC 5321 4.1.2 esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
bool isKeyword(QByteArrayView keyword)
{
    if (keyword.isEmpty() || !(isAlpha(keyword.front()) || isDigit(keyword.front())))
        return false;
    for (const char c : keyword) {
        if (!isAlpha(c) && !isDigit(c) && c != '-')
            return false;
    }
    return true;
}

// RFC 5321 4.1.2 esmtp-value = 1*(%d33-60 / %d62-126), RFC 6531 3.3 adds UTF-8.
bool isParameterValue(QByteArrayView value)
{
    if (value.isEmpty())
        return false;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u == '=' || u == 127)
            return false;
    }
    return true;
}

bool isNotifyValue(QByteArrayView value)
{
    // RFC 3461 4.1: "NEVER" alone, or a list of SUCCESS, FAILURE and DELAY.
    if (equalsIgnoringCase(value, "NEVER"))
        return true;
    int seen = 0;
    for (const QByteArrayView item : value.toByteArray().split(',')) {
        int bit = 0;
        if (equalsIgnoringCase(item, "SUCCESS"))
            bit = 1;
        else if (equalsIgnoringCase(item, "FAILURE"))
            bit = 2;
        else if (equalsIgnoringCase(item, "DELAY"))
            bit = 4;
        if (bit == 0 || (seen & bit))
            return false;
        seen |= bit;
    }
    return true;
}

// Checks one MAIL or RCPT parameter; returns the error reply, or nullopt when it is fine.
std::optional<SmtpCommandError> checkParameter(bool rcpt, const QByteArray& keyword, QByteArray* value,
                                               bool hasValue)
{
    auto bad = [&keyword](const QString& text) {
        return SmtpCommandError{SmtpReply{501, "5.5.4", {text.arg(QString::fromLatin1(keyword))}}};
    };
    auto needsValue = [&]() -> std::optional<SmtpCommandError> {
        if (!hasValue)
            return bad(SmtpCommandParser::tr("The %1 parameter needs a value."));
        return std::nullopt;
    };
    if (!rcpt) {
        if (keyword == "SIZE") {
            // RFC 1870 6: size-value = 1*20DIGIT
            if (!hasValue || value->size() > 20 || !parseSize(*value))
                return bad(SmtpCommandParser::tr("The %1 parameter must be a number."));
            return std::nullopt;
        }
        if (keyword == "BODY") {
            *value = value->toUpper();
            if (*value == "7BIT" || *value == "8BITMIME")
                return std::nullopt;
            if (*value == "BINARYMIME")
                return SmtpCommandError{
                    SmtpReply{504, "5.5.4", {SmtpCommandParser::tr("BODY=BINARYMIME is not supported.")}}};
            return bad(SmtpCommandParser::tr("The %1 parameter must be 7BIT or 8BITMIME."));
        }
        if (keyword == "SMTPUTF8") {
            if (hasValue)
                return bad(SmtpCommandParser::tr("The %1 parameter takes no value."));
            return std::nullopt;
        }
        if (keyword == "RET") {
            *value = value->toUpper();
            if (*value == "FULL" || *value == "HDRS")
                return std::nullopt;
            return bad(SmtpCommandParser::tr("The %1 parameter must be FULL or HDRS."));
        }
        if (keyword == "AUTH" || keyword == "ENVID")
            return needsValue();
    } else {
        if (keyword == "NOTIFY") {
            if (!hasValue || !isNotifyValue(*value))
                return bad(SmtpCommandParser::tr(
                    "The %1 parameter must be NEVER or a list of SUCCESS, FAILURE and DELAY."));
            *value = value->toUpper();
            return std::nullopt;
        }
        if (keyword == "ORCPT") {
            // RFC 3461 4.2: addr-type ";" xtext
            const qsizetype semicolon = value->indexOf(';');
            if (!hasValue || semicolon <= 0 || semicolon + 1 == value->size())
                return bad(SmtpCommandParser::tr("The %1 parameter must look like rfc822;address."));
            return std::nullopt;
        }
    }
    return SmtpCommandError{SmtpReply{
        555,
        "5.5.4",
        {SmtpCommandParser::tr("The %1 parameter is not supported.").arg(QString::fromLatin1(keyword))}}};
}

std::optional<SmtpCommandError> parseParameters(bool rcpt, QByteArrayView text,
                                                QMap<QByteArray, QByteArray>* out)
{
    for (const QByteArrayView item : splitArguments(text)) {
        const qsizetype equals = item.indexOf('=');
        const QByteArrayView keyword = equals < 0 ? item : item.first(equals);
        const bool hasValue = equals >= 0;
        const QByteArrayView rawValue = hasValue ? item.sliced(equals + 1) : QByteArrayView();
        if (!isKeyword(keyword) || (hasValue && !isParameterValue(rawValue)))
            return SmtpCommandError{SmtpReply{
                501,
                "5.5.4",
                {SmtpCommandParser::tr("Parameter \"%1\" is not valid.").arg(QString::fromUtf8(item))}}};
        const QByteArray name = keyword.toByteArray().toUpper();
        if (out->contains(name))
            return SmtpCommandError{SmtpReply{
                501,
                "5.5.4",
                {SmtpCommandParser::tr("The %1 parameter is given twice.").arg(QString::fromLatin1(name))}}};
        QByteArray value = rawValue.toByteArray();
        if (auto error = checkParameter(rcpt, name, &value, hasValue))
            return error;
        out->insert(name, value);
    }
    return std::nullopt;
}

// RFC 5321 4.1.2 A-d-l = At-domain *( "," At-domain ), At-domain = "@" Domain
bool isSourceRoute(QByteArrayView route)
{
    if (route.isEmpty())
        return false;
    for (const QByteArrayView item : route.toByteArray().split(',')) {
        if (item.size() < 2 || item.front() != '@')
            return false;
        if (!mail::MailAddress::parse(QByteArray("x") + item.toByteArray()))
            return false;
    }
    return true;
}

// MAIL FROM:<reverse-path> / RCPT TO:<forward-path>, then the parameters.
Result parsePathCommand(SmtpVerb verb, QByteArrayView arguments)
{
    const bool rcpt = verb == SmtpVerb::Rcpt;
    const QByteArrayView prefix = rcpt ? QByteArrayView("TO:") : QByteArrayView("FROM:");
    const char* pathCode = rcpt ? "5.1.3" : "5.1.7";
    if (arguments.size() < prefix.size() || !equalsIgnoringCase(arguments.first(prefix.size()), prefix))
        return failure(501, "5.5.2",
                       rcpt ? SmtpCommandParser::tr("Syntax: RCPT TO:<address>")
                            : SmtpCommandParser::tr("Syntax: MAIL FROM:<address>"));
    const QByteArrayView text = skipSpaces(arguments.sliced(prefix.size()));
    auto badPath = [&](const QString& why) {
        return failure(501, pathCode,
                       (rcpt ? SmtpCommandParser::tr("Bad recipient address: %1")
                             : SmtpCommandParser::tr("Bad sender address: %1"))
                           .arg(why));
    };
    if (text.isEmpty() || text.front() != '<')
        return badPath(SmtpCommandParser::tr("the address must be in angle brackets."));

    // The closing '>' outside a quoted local part.
    qsizetype close = -1;
    bool inQuote = false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuote) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inQuote = false;
        } else if (c == '"') {
            inQuote = true;
        } else if (c == '>') {
            close = i;
            break;
        }
    }
    if (close < 0)
        return badPath(SmtpCommandParser::tr("the closing \">\" is missing."));
    QByteArrayView path = text.sliced(1, close - 1);
    const QByteArrayView rest = text.sliced(close + 1);
    if (!rest.isEmpty() && rest.front() != ' ')
        return badPath(SmtpCommandParser::tr("there is text right after the \">\"."));

    SmtpCommand command;
    command.verb = verb;
    if (!path.isEmpty() && path.front() == '@') {
        // RFC 5321 C: the route is to be ignored; the session needs to know it was there.
        qsizetype colon = -1;
        bool inLiteral = false;
        for (qsizetype i = 0; i < path.size(); ++i) {
            if (path[i] == '[')
                inLiteral = true;
            else if (path[i] == ']')
                inLiteral = false;
            else if (path[i] == ':' && !inLiteral) {
                colon = i;
                break;
            }
        }
        if (colon < 0 || !isSourceRoute(path.first(colon)))
            return badPath(SmtpCommandParser::tr("the source route is not valid."));
        path = path.sliced(colon + 1);
        command.hadSourceRoute = true;
        if (path.isEmpty())
            return badPath(SmtpCommandParser::tr("the address after the source route is missing."));
    }
    if (path.isEmpty()) {
        if (rcpt)
            return badPath(SmtpCommandParser::tr("the address is empty."));
    } else {
        mail::MailAddress::ParseError error;
        command.path = mail::MailAddress::parse(path, &error, rcpt);
        if (!command.path)
            return badPath(error.message);
    }
    if (auto error = parseParameters(rcpt, rest, &command.parameters))
        return *error;
    return command;
}

Result parseBdat(QByteArrayView arguments)
{
    const QList<QByteArrayView> parts = splitArguments(arguments);
    if (parts.isEmpty() || parts.size() > 2)
        return failure(501, "5.5.4", SmtpCommandParser::tr("Syntax: BDAT size [LAST]"));
    const std::optional<qint64> size = parseSize(parts.front());
    if (!size)
        return failure(501, "5.5.4", SmtpCommandParser::tr("The BDAT size must be a number."));
    SmtpCommand command;
    command.verb = SmtpVerb::Bdat;
    command.chunkSize = *size;
    if (parts.size() == 2) {
        if (!equalsIgnoringCase(parts.back(), "LAST"))
            return failure(501, "5.5.4", SmtpCommandParser::tr("Syntax: BDAT size [LAST]"));
        command.last = true;
    }
    return command;
}

// RFC 4422 3.1 mechanism names; RFC 4954 4 initial response: base64 or "=".
Result parseAuth(QByteArrayView arguments)
{
    const QList<QByteArrayView> parts = splitArguments(arguments);
    if (parts.isEmpty() || parts.size() > 2)
        return failure(501, "5.5.4", SmtpCommandParser::tr("Syntax: AUTH mechanism [initial-response]"));
    const QByteArrayView mechanism = parts.front();
    bool validMechanism = mechanism.size() <= 20;
    for (const char c : mechanism) {
        if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '_')
            validMechanism = false;
    }
    if (!validMechanism)
        return failure(501, "5.5.4", SmtpCommandParser::tr("That is not a valid mechanism name."));
    SmtpCommand command;
    command.verb = SmtpVerb::Auth;
    command.mechanism = mechanism.toByteArray().toUpper();
    if (parts.size() == 2) {
        const QByteArrayView response = parts.back();
        for (const char c : response) {
            if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '/' && c != '=')
                return failure(501, "5.5.2",
                               SmtpCommandParser::tr("The initial response is not valid base64."));
        }
        command.initialResponse = response.toByteArray();
    }
    return command;
}

Result withArgument(SmtpVerb verb, QByteArrayView arguments, bool required, const char* name)
{
    if (required && arguments.isEmpty())
        return failure(501, "5.5.4", SmtpCommandParser::tr("%1 needs an argument.").arg(QLatin1String(name)));
    SmtpCommand command;
    command.verb = verb;
    command.argument = arguments.toByteArray();
    return command;
}

struct VerbEntry
{
    QByteArrayView name;
    SmtpVerb verb;
};

constexpr VerbEntry verbs[] = {
    {"HELO", SmtpVerb::Helo},         {"EHLO", SmtpVerb::Ehlo}, {"MAIL", SmtpVerb::Mail},
    {"RCPT", SmtpVerb::Rcpt},         {"DATA", SmtpVerb::Data}, {"BDAT", SmtpVerb::Bdat},
    {"RSET", SmtpVerb::Rset},         {"NOOP", SmtpVerb::Noop}, {"QUIT", SmtpVerb::Quit},
    {"VRFY", SmtpVerb::Vrfy},         {"EXPN", SmtpVerb::Expn}, {"HELP", SmtpVerb::Help},
    {"STARTTLS", SmtpVerb::StartTls}, {"AUTH", SmtpVerb::Auth},
};

// Commands of RFC 821 and its extensions that we know and do not offer.
constexpr QByteArrayView unsupported[] = {"TURN", "ETRN", "ATRN", "SEND", "SOML", "SAML"};

} // namespace

SmtpCommandParser::Result SmtpCommandParser::parse(QByteArrayView line)
{
    for (const char c : line) {
        if (c == '\0' || c == '\r' || c == '\n')
            return failure(500, "5.5.2", tr("The command holds a NUL byte or a bare CR or LF."));
    }
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    if (line.isEmpty())
        return failure(500, "5.5.2", tr("Empty command."));

    const qsizetype space = line.indexOf(' ');
    const QByteArrayView name = space < 0 ? line : line.first(space);
    const QByteArrayView arguments = space < 0 ? QByteArrayView() : skipSpaces(line.sliced(space + 1));

    std::optional<SmtpVerb> verb;
    for (const VerbEntry& entry : verbs) {
        if (equalsIgnoringCase(name, entry.name)) {
            verb = entry.verb;
            break;
        }
    }
    if (!verb) {
        for (const QByteArrayView known : unsupported) {
            if (equalsIgnoringCase(name, known))
                return failure(502, "5.5.1", tr("Command not implemented."));
        }
        return failure(500, "5.5.1", tr("Unknown command."));
    }

    switch (*verb) {
    case SmtpVerb::Helo:
    case SmtpVerb::Ehlo:
        return parseHelo(*verb, arguments);
    case SmtpVerb::Mail:
    case SmtpVerb::Rcpt:
        return parsePathCommand(*verb, arguments);
    case SmtpVerb::Data:
        return noArguments(*verb, "DATA", arguments);
    case SmtpVerb::Rset:
        return noArguments(*verb, "RSET", arguments);
    case SmtpVerb::Quit:
        return noArguments(*verb, "QUIT", arguments);
    case SmtpVerb::StartTls:
        return noArguments(*verb, "STARTTLS", arguments);
    case SmtpVerb::Bdat:
        return parseBdat(arguments);
    case SmtpVerb::Auth:
        return parseAuth(arguments);
    case SmtpVerb::Noop:
        return withArgument(*verb, arguments, false, "NOOP");
    case SmtpVerb::Help:
        return withArgument(*verb, arguments, false, "HELP");
    case SmtpVerb::Vrfy:
        return withArgument(*verb, arguments, true, "VRFY");
    case SmtpVerb::Expn:
        return withArgument(*verb, arguments, true, "EXPN");
    }
    return failure(500, "5.5.1", tr("Unknown command."));
}

} // namespace pw::service
