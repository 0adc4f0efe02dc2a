#pragma once

#include "service/smtp/SmtpCommand.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <variant>

namespace pw::service {

// Pure parser for one SMTP command line (without its CRLF): bytes in, a command or the error
// reply out; no state, no sockets (DESIGN: Boundaries). Verbs are case-insensitive; "MAIL FROM:"
// and "RCPT TO:" accept the space some clients put after the colon. `utf8` allows UTF-8 in
// addresses (the client announced SMTPUTF8; the session re-parses the path once MAIL has
// SMTPUTF8 — simplest: the parser always accepts UTF-8 local parts and domains and reports it
// in MailAddress::isUtf8(), and the session refuses them without SMTPUTF8 with 553 5.6.7).
//
// Choices where the RFCs leave room: BODY=BINARYMIME gets 504 5.5.4 (we do not announce
// BINARYMIME); the values of BODY, RET and NOTIFY are upper-cased, xtext values (ENVID, AUTH,
// ORCPT) are kept as sent; trailing spaces after a command are ignored.
class SmtpCommandParser
{
    Q_DECLARE_TR_FUNCTIONS(pw::service::SmtpCommandParser)

public:
    using Result = std::variant<SmtpCommand, SmtpCommandError>;
    [[nodiscard]] static Result parse(QByteArrayView line);
};

} // namespace pw::service
