#pragma once

#include <QHostAddress>
#include <QString>
#include <chrono>
#include <optional>

namespace pw::auth {

// Which identity check_host() authorizes (RFC 7208 2.3, 2.4).
enum class SpfIdentity
{
    MailFrom, // the MAIL FROM domain; with an empty reverse-path, postmaster@HELO
    Helo,     // the HELO/EHLO domain, as postmaster@HELO
};

// The inputs of one SPF check, as the SMTP session knows them.
struct SpfRequest
{
    // The SMTP client. An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4
    // peer) is treated as the IPv4 address (RFC 7208 5).
    QHostAddress clientAddress;
    QString helo;
    // The MAIL FROM reverse-path without angle brackets; empty for the null reverse-path.
    QString mailFrom;
    // Our own host name, for %{r} in explanations (RFC 7208 7.3).
    QString receivingHost;
    SpfIdentity identity = SpfIdentity::MailFrom;
};

// Limits and texts of the evaluation; the defaults are those RFC 7208 recommends.
struct SpfOptions
{
    // RFC 7208 4.6.4: terms that cause DNS queries (include, a, mx, ptr, exists, redirect).
    int dnsLookupLimit = 10;
    // RFC 7208 4.6.4: terms whose lookup answers NXDOMAIN or no records.
    int voidLookupLimit = 2;
    // RFC 7208 4.6.4: MX names per "mx" (more is a permerror) and PTR names per "ptr" or %{p}
    // (the rest are ignored).
    int mxNameLimit = 10;
    int ptrNameLimit = 10;
    // RFC 7208 4.6.4: the whole evaluation; "at least 20 seconds". Exceeding it: temperror.
    std::chrono::milliseconds evaluationTimeout{20000};
    // RFC 7208 6.2: the explanation of a "fail" when the record has no usable exp=; an
    // explain-string, so macros may be used.
    QString defaultExplanation = QStringLiteral("%{o} does not designate %{c} as a permitted sender");
    // %{t} (RFC 7208 7.3), seconds since the epoch; unset: the current time.
    std::optional<qint64> timestamp;
};

} // namespace pw::auth
