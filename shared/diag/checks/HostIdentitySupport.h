#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/dns/LookupResult.h"
#include "shared/dns/RecordType.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <utility>

class QObject;

namespace pw::dns {
class Resolver;
}

namespace pw::diag {
struct DiagnosticsInput;
}

// Helpers shared by the host identity checks (public IP, static IP, PTR, host name,
// blocklists). Kept in their own namespace so that they never collide with the helpers of the
// DNS-record checks beside them.
namespace pw::diag::identity {

using Query = std::pair<QString, dns::RecordType>;
using LookupsDone = std::function<void(const QList<dns::LookupResult>&)>;

// Runs every query at once; done gets the answers in the queries' order once all have come in,
// later on context's thread (never from inside lookupAll), never after context is destroyed.
void lookupAll(dns::Resolver& resolver, QObject* context, const QList<Query>& queries, LookupsDone done);

// The addresses the checks judge: the configured ones, or else the A/AAAA of the host name.
struct PublicAddresses
{
    QList<QHostAddress> addresses;
    bool fromHostname = false;            // derived from the host name's A/AAAA records
    QList<dns::LookupResult> hostLookups; // A and AAAA of the host name (empty if none asked)
    QStringList evidence;
    // Set when no address is known and a lookup failed temporarily: "could not tell".
    std::optional<dns::LookupResult> failure;
};
using AddressesDone = std::function<void(const PublicAddresses&)>;
// lookUpHost: ask A/AAAA of the host name even when addresses are configured.
void resolvePublicAddresses(const DiagnosticsInput& input, dns::Resolver& resolver, QObject* context,
                            bool lookUpHost, AddressesDone done);

// The kinds of address that matter to a mail server reachable from the internet.
enum class AddressKind
{
    Public,
    Private,       // RFC 1918
    SharedCgnat,   // RFC 6598 100.64.0.0/10
    Loopback,      // RFC 1122 3.2.1.3, RFC 4291 2.5.3
    LinkLocal,     // RFC 3927, RFC 4291 2.5.6
    Documentation, // RFC 5737, RFC 3849
    UniqueLocal,   // RFC 4193 fc00::/7
    Unspecified,   // 0.0.0.0/8, ::
    Multicast,     // RFC 5771, RFC 4291 2.7
    Reserved,      // RFC 1112 240.0.0.0/4 and other special-purpose blocks (RFC 6890)
};
[[nodiscard]] AddressKind classifyAddress(const QHostAddress& address);
// The address as text, an IPv4-mapped IPv6 address as IPv4.
[[nodiscard]] QString addressText(const QHostAddress& address);
// IPv4-mapped IPv6 addresses as IPv4; everything else unchanged.
[[nodiscard]] QHostAddress normalized(const QHostAddress& address);
[[nodiscard]] bool isIpv4(const QHostAddress& address);

// The DNSBL query name (RFC 5782 2.1, 2.4): reversed octets or nibbles, then the zone.
[[nodiscard]] QString blocklistQueryName(const QHostAddress& address, const QString& zone);

// Evidence lines of a lookup: the records as a zone file shows them, or what the DNS said.
[[nodiscard]] QStringList lookupLines(const dns::LookupResult& lookup);
// Plain words for a lookup that failed temporarily.
[[nodiscard]] QString failureWords(const dns::LookupResult& lookup);

// The worse of two statuses, in the order worstStatus() uses.
[[nodiscard]] CheckStatus worse(CheckStatus a, CheckStatus b);

[[nodiscard]] CheckResult result(const QString& id, CheckStatus status, const QString& title,
                                 const QString& summary, const QString& explanation, const QString& fix,
                                 const QStringList& evidence);
// "could not tell" because a lookup failed temporarily; never a failure of the owner's setup.
[[nodiscard]] CheckResult dnsUnknown(const QString& id, const QString& title, const dns::LookupResult& lookup,
                                     const QStringList& evidence = {});
// Not evaluated, because what it builds on is missing.
[[nodiscard]] CheckResult notEvaluated(const QString& id, const QString& title, const QString& reason,
                                       const QStringList& evidence = {});

} // namespace pw::diag::identity
