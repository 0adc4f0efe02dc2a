#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace pw::mail {

// An RFC 5321 Mailbox (local-part "@" domain), with RFC 6531 UTF-8 local parts and domains.
// The local part keeps its case and is stored unquoted (the quoting is a transport detail);
// the domain is kept in lower-case A-label form (IDNA via QUrl::toAce) besides its U-label form.
class MailAddress
{
    Q_DECLARE_TR_FUNCTIONS(pw::mail::MailAddress)

public:
    struct ParseError
    {
        QString message; // plain words, for the 501/553 reply text
    };

    // Parses "local@domain" (no angle brackets). Address literals ("user@[192.0.2.1]") parse,
    // and are flagged. `allowNoDomain` accepts a bare "Postmaster" (RCPT TO:<Postmaster>).
    [[nodiscard]] static std::optional<MailAddress> parse(QByteArrayView text, ParseError* error = nullptr,
                                                          bool allowNoDomain = false);

    [[nodiscard]] const QString& localPart() const { return m_localPart; }
    [[nodiscard]] const QString& domain() const { return m_domain; } // A-label, lower case
    [[nodiscard]] const QString& unicodeDomain() const { return m_unicodeDomain; }
    [[nodiscard]] bool isUtf8() const { return m_utf8; }
    [[nodiscard]] bool isAddressLiteral() const { return m_literal; }
    [[nodiscard]] bool wasQuoted() const { return m_quoted; }
    // "local@domain" with the local part quoted again if it needs it, A-label domain.
    [[nodiscard]] QString toString() const;
    // Lower-case local part and domain: the form the directory looks up.
    [[nodiscard]] QString canonical() const;

    // Why this address must not be accepted from an unauthenticated client for one of our
    // domains although it looks local: a '%', '!' or '@' in the local part (old relay routing:
    // "user%remote@local", "remote!user@local", "\"user@remote\"@local"), or an address literal.
    // Empty when none applies.
    [[nodiscard]] QString relayTrick() const;

private:
    QString m_localPart;
    QString m_domain;
    QString m_unicodeDomain;
    bool m_utf8 = false;
    bool m_literal = false;
    bool m_quoted = false;
};

} // namespace pw::mail
