#pragma once

#include "service/smtp/SmtpReply.h"
#include "shared/mail/MailAddress.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <optional>

namespace pw::service {

enum class SmtpVerb
{
    Helo,
    Ehlo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
    Auth,
};

// One parsed command line. Which fields are set depends on the verb.
struct SmtpCommand
{
    SmtpVerb verb = SmtpVerb::Noop;
    // HELO/EHLO: the domain or address literal as sent (validated for syntax only).
    QByteArray domain;
    // MAIL FROM: nullopt for the null reverse-path <>. RCPT TO: always set; postmaster without
    // a domain ("<Postmaster>", RFC 5321 4.1.1.3) has an empty domain.
    std::optional<mail::MailAddress> path;
    // A source route ("<@a,@b:user@c>") was present; RFC 5321 C says to ignore it, but we refuse
    // it for unauthenticated relaying, so the session needs to know.
    bool hadSourceRoute = false;
    // MAIL/RCPT ESMTP parameters, keyword upper-cased ("SIZE", "BODY", "SMTPUTF8", "AUTH", "RET",
    // "ENVID", "NOTIFY", "ORCPT"); a parameter without "=value" maps to an empty array.
    QMap<QByteArray, QByteArray> parameters;
    // BDAT: the chunk size and LAST.
    qint64 chunkSize = 0;
    bool last = false;
    // AUTH: the mechanism (upper case) and the optional initial response (SASL-IR; "=" = empty).
    QByteArray mechanism;
    std::optional<QByteArray> initialResponse;
    // VRFY, EXPN, HELP, NOOP: the argument as sent.
    QByteArray argument;
};

// A command line that is not a valid command: the reply to send (500/501/502/504/555 with
// their enhanced codes).
struct SmtpCommandError
{
    SmtpReply reply;
};

} // namespace pw::service
