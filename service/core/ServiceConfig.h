#pragma once

#include "shared/core/HostPort.h"
#include "shared/core/LogRecord.h"

#include <QHash>
#include <QHostAddress>
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
    QList<QHostAddress> publicAddresses;
    // Every setting as validated text, keyed "section/key"; the typed accessors below read it,
    // so a new tunable needs only its row in the schema.
    QHash<QString, QString> values;

    // The value of an Integer, Boolean or Text setting (its default when absent).
    [[nodiscard]] qint64 integer(const char* section, const char* key) const;
    [[nodiscard]] bool boolean(const char* section, const char* key) const;
    [[nodiscard]] QString text(const char* section, const char* key) const;

    // Reads and validates the file. Every problem lands in `errors` (with its line), not just
    // the first, so that one edit fixes them all.
    [[nodiscard]] static ServiceConfig fromText(const QString& text, QStringList* errors);
    [[nodiscard]] static ServiceConfig load(const QString& path, QStringList* errors);
};

} // namespace pw::service
