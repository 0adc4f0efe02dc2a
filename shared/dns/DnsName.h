#pragma once

#include <QHostAddress>
#include <QString>
#include <optional>

namespace pw::dns {

// The ASCII form of a domain name to put in a query: Unicode labels converted to A-labels
// (IDNA, via QUrl::toAce), the final dot dropped. Labels already in ASCII are kept as they are,
// underscores included ("_dmarc", "_25._tcp"), since those are not host names and IDNA would
// refuse them. nullopt if the name is empty, has an empty label, a label over 63 octets or
// is over 253 characters (RFC 1035 2.3.4).
[[nodiscard]] std::optional<QString> toAceName(const QString& name);

// The name to ask PTR for (RFC 1035 3.5, RFC 3596 2.5): "4.3.2.1.in-addr.arpa" and the
// nibble form under "ip6.arpa". An IPv4-mapped IPv6 address gives the IPv4 name, which is what
// a dual-stack socket's peer address means. Empty for a null address.
[[nodiscard]] QString reverseName(const QHostAddress& address);

// Case-insensitive comparison of two domain names (RFC 4343), final dots ignored.
[[nodiscard]] bool sameName(const QString& a, const QString& b);

} // namespace pw::dns
