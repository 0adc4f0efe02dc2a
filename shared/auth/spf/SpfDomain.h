#pragma once

#include <QString>
#include <optional>

namespace pw::auth {

// <sender> of check_host() (RFC 7208 4.1, 4.3): the local part and the domain.
struct SpfSender
{
    QString localPart;
    QString domain;

    // local-part "@" domain, "postmaster" for a missing local part (RFC 7208 4.3).
    // mailFrom empty: postmaster@helo (RFC 7208 2.4).
    [[nodiscard]] static SpfSender fromMailFrom(const QString& mailFrom, const QString& helo);
    [[nodiscard]] QString address() const { return localPart + QLatin1Char('@') + domain; }
};

// RFC 7208 4.3: the <domain> to check, as a name to query (ASCII, without the final dot), or
// nullopt if it is malformed (empty or over-long labels, too long, a domain literal) or not a
// multi-label name; check_host() then returns "none".
[[nodiscard]] std::optional<QString> spfCheckableDomain(const QString& domain);

// RFC 7208 7.3 (and 4.8): an expanded domain-spec made ready to query: the final dot dropped,
// then labels removed from the left until it is at most 253 characters. nullopt if the
// result still is not a valid name (an empty label, a label over 63 characters): such a
// target is treated as a name that does not exist.
[[nodiscard]] std::optional<QString> spfTargetName(const QString& expanded);

// The resolver takes names in presentation form (RFC 1035 5.1). Macros can put a space, a
// control character or a backslash into a label (from a local part or a HELO name); these
// become "\DDD" escapes, so that the query carries the octet itself.
[[nodiscard]] QString spfQueryName(const QString& name);

} // namespace pw::auth
