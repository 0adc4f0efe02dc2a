#pragma once

#include <QString>
#include <optional>

namespace pw::auth {

// The outcome of check_host() (RFC 7208 2.6) with what a log line, a Received-SPF header
// (RFC 7208 9.1) or an Authentication-Results header (RFC 8601) needs.
struct SpfResult
{
    enum Result
    {
        None,      // no SPF record, or no usable domain to check (RFC 7208 2.6.1, 4.3)
        Neutral,   // "?" or no mechanism matched (2.6.2, 4.7)
        Pass,      // "+" (2.6.3)
        Fail,      // "-" (2.6.4)
        SoftFail,  // "~" (2.6.5)
        TempError, // a transient DNS error (2.6.6)
        PermError, // the published records cannot be interpreted (2.6.7)
    };

    Result result = None;
    // Only for Fail: the expanded exp= text, or the default explanation (RFC 7208 6.2).
    QString explanation;
    // Why the result is TempError or PermError (or None), for logs and the "problem" key of
    // Received-SPF; empty otherwise.
    QString problem;
    // The mechanism that decided the result, as written in the record ("-all", "ip4:192.0.2.0/24",
    // "redirect=_spf.example.com" for a result taken over from a redirect); empty if none did.
    QString mechanism;
    // The domain whose record gave the result (after redirects), or the checked domain.
    QString domain;
    // The terms that caused DNS queries (RFC 7208 4.6.4: at most 10) and the void lookups
    // among them (at most 2), over the whole evaluation including includes and redirects.
    int dnsLookups = 0;
    int voidLookups = 0;

    // "pass", "fail", "softfail", "neutral", "none", "temperror", "permerror" (RFC 7208 8,
    // the names Received-SPF and Authentication-Results use).
    [[nodiscard]] QString toString() const { return resultName(result); }
    [[nodiscard]] static QString resultName(Result result);
    // The reverse of resultName(), case-insensitive; nullopt for other words.
    [[nodiscard]] static std::optional<Result> resultFromName(const QString& name);
};

} // namespace pw::auth
