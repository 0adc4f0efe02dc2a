#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace pw::core {

enum class LogLevel
{
    Debug,
    Info,
    Notice,
    Warning,
    Error
};

[[nodiscard]] QString logLevelName(LogLevel level);
// Unknown names map to Info so that a newer service's records still display in an older client.
[[nodiscard]] LogLevel logLevelFromName(const QString& name, bool* ok = nullptr);

// One structured log record, as the service keeps it in its ring buffer and as the control
// protocol carries it (logs.tail, logs.subscribe notifications).
struct LogRecord
{
    quint64 seq = 0;
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString category;
    QString message;
    QString session; // SMTP/IMAP session id; empty for service-wide records
    QJsonObject fields;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static LogRecord fromJson(const QJsonObject& object);
    // One line for terminals and journald: "2026-11-25T10:00:00.123Z info  control: message key=value".
    [[nodiscard]] QString toText() const;
};

} // namespace pw::core
