#pragma once

#include <QHostAddress>
#include <QString>
#include <optional>

namespace pw::core {

// "host:port", "[v6]:port": the form every listener and DNS server takes in the config.
struct HostPort
{
    QString host;
    quint16 port = 0;

    [[nodiscard]] static std::optional<HostPort> parse(const QString& text, QString* error = nullptr);
    [[nodiscard]] QString toString() const;
    [[nodiscard]] QHostAddress address() const { return QHostAddress(host); }
    friend bool operator==(const HostPort&, const HostPort&) = default;
};

} // namespace pw::core
