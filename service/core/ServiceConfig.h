#pragma once

#include "shared/core/HostPort.h"
#include "shared/core/LogRecord.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw::service {

// The service's configuration as typed values, read from postwarden.conf.
struct ServiceConfig
{
    QString hostname;
    QMap<QString, std::optional<core::HostPort>> listeners; // role → address, nullopt = off
    QList<core::HostPort> dnsServers;
    int dnsQueryTimeoutMs = 2000;
    int dnsRetryLimit = 2;
    QString tlsCert;
    QString tlsKey;
    QString controlSocket;
    int logBufferSize = 5000;
    core::LogLevel logLevel = core::LogLevel::Info;

    // Reads and validates the file. Every problem lands in `errors` (with its line), not just
    // the first, so that one edit fixes them all.
    [[nodiscard]] static ServiceConfig fromText(const QString& text, QStringList* errors);
    [[nodiscard]] static ServiceConfig load(const QString& path, QStringList* errors);
};

} // namespace pw::service
