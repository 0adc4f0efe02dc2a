#pragma once

#include <QStringList>
#include <chrono>

namespace pw::dns {

struct ResolverOptions
{
    // "host:port" entries: "192.0.2.53:53", "[2001:db8::53]:53", or an address alone for port
    // 53. Empty: the nameservers of /etc/resolv.conf.
    QStringList servers;
    std::chrono::milliseconds timeout{2000}; // per try
    int retries = 2;                         // further tries after the first, each to the next server
    // Start each lookup at the next server instead of always at the first one.
    bool rotate = true;

    bool cacheEnabled = true;
    int cacheMaxEntries = 10000;
    // RFC 2308 5: negative answers live for min(SOA TTL, SOA MINIMUM); this caps it further so
    // that a record the owner has just published is seen soon.
    std::chrono::seconds maxNegativeTtl{300};
    std::chrono::seconds maxPositiveTtl{86400};
};

} // namespace pw::dns
