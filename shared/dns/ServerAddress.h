#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace pw::dns {

// A DNS server to send queries to.
struct ServerAddress
{
    QHostAddress address;
    quint16 port = 53;

    // "192.0.2.1:53", "[2001:db8::1]:53"
    [[nodiscard]] QString toString() const;
    // Accepts "a.b.c.d", "a.b.c.d:port", "[v6]", "[v6]:port" and a bare IPv6 address; host
    // names are refused (resolving the resolver would need a resolver).
    [[nodiscard]] static std::optional<ServerAddress> parse(const QString& text);
    // The "nameserver" lines of a resolv.conf text (resolv.conf(5)); 127.0.0.1:53 if none,
    // as the C library does.
    [[nodiscard]] static QList<ServerAddress> fromResolvConf(const QString& text);
    [[nodiscard]] static QList<ServerAddress> systemServers();

    friend bool operator==(const ServerAddress&, const ServerAddress&) = default;
};

} // namespace pw::dns
