#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace pw::auth {

// What the macro letters expand to (RFC 7208 7.3). The evaluator fills it in; expansion itself
// needs no DNS: %{p} is looked up before a string that uses it is expanded.
struct SpfMacroValues
{
    QString sender;        // s: <sender>, "local-part@domain"
    QString localPart;     // l
    QString senderDomain;  // o
    QString domain;        // d: the <domain> of the current check_host()
    QString ip;            // i: dotted quad, or 32 dot-separated nibbles for IPv6
    QString validatedName; // p: the validated domain name of <ip>, or "unknown"
    QString ipVersion;     // v: "in-addr" or "ip6"
    QString helo;          // h
    QString clientIp;      // c: only in explanations
    QString receiver;      // r: only in explanations
    QString timestamp;     // t: only in explanations

    // Fills ip, clientIp and ipVersion from the client address (an IPv4-mapped IPv6 address
    // counts as IPv4, RFC 7208 5).
    void setAddress(const QHostAddress& address);
    // i (RFC 7208 7.3): "192.0.2.1", or "2.0.0.1.0.0.0 ... .8.b.d.0.1.0.0.2" in that order for IPv6.
    [[nodiscard]] static QString ipValue(const QHostAddress& address);
};

// Where a macro-string stands, which decides what it may contain (RFC 7208 7.1, 7.3).
enum class SpfMacroContext
{
    DomainSpec,      // mechanisms, redirect=, exp=: letters s l o d i p h v, no spaces
    UnknownModifier, // the value of an unknown modifier: any macro letter, no spaces
    Explanation,     // the TXT record exp= points to: any macro letter, and spaces
};

// A parsed macro-string (RFC 7208 7.1): literal text and macro-expands, ready to be expanded
// any number of times. Parsing is pure and does the syntax checks of RFC 7208 7.1.
class SpfMacroString
{
public:
    struct Token
    {
        bool isMacro = false;
        QString literal;     // literal text, with %%, %_ and %- already resolved
        char letter = 0;     // lower-case macro letter
        bool escape = false; // upper-case letter: URL-escape the result (RFC 7208 7.3)
        int rightParts = 0;  // DIGIT transformer: keep that many right-hand parts, 0 for all
        bool reverse = false;
        QString delimiters; // empty: no splitting unless a transformer asks for it, then "."
    };

    SpfMacroString() = default;

    // nullopt and *error set if text is not a valid macro-string in that context.
    [[nodiscard]] static std::optional<SpfMacroString> parse(const QString& text, SpfMacroContext context,
                                                             QString* error = nullptr);

    [[nodiscard]] QString expand(const SpfMacroValues& values) const;

    [[nodiscard]] const QString& text() const { return m_text; }
    [[nodiscard]] const QList<Token>& tokens() const { return m_tokens; }
    [[nodiscard]] bool isEmpty() const { return m_tokens.isEmpty(); }
    // Whether a macro of that (lower-case) letter occurs: %{p} needs DNS before expand().
    [[nodiscard]] bool uses(char letter) const;
    // domain-end = ( "." toplabel [ "." ] ) / macro-expand (RFC 7208 7.1): the text must end
    // in a macro-expand or in a dot followed by a valid top label.
    [[nodiscard]] bool hasValidDomainEnd() const;

private:
    QString m_text;
    QList<Token> m_tokens;
    qsizetype m_literalTailStart = 0; // where the literal text after the last macro-expand starts
};

// RFC 7208 7.3: everything outside RFC 3986's unreserved set becomes %XX (UTF-8 octets).
[[nodiscard]] QString spfUrlEscape(const QString& text);

} // namespace pw::auth
