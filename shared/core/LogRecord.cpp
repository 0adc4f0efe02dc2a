#include "shared/core/LogRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <array>

namespace pw::core {

namespace {
constexpr std::array kLevelNames{"debug", "info", "notice", "warning", "error"};
}

QString logLevelName(LogLevel level)
{
    return QString::fromLatin1(kLevelNames.at(static_cast<size_t>(level)));
}

LogLevel logLevelFromName(const QString& name, bool* ok)
{
    for (size_t i = 0; i < kLevelNames.size(); ++i) {
        if (name.compare(QLatin1String(kLevelNames[i]), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return static_cast<LogLevel>(i);
        }
    }
    if (ok)
        *ok = false;
    return LogLevel::Info;
}

QJsonObject LogRecord::toJson() const
{
    QJsonObject object{
        {QStringLiteral("seq"), static_cast<qint64>(seq)},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), logLevelName(level)},
        {QStringLiteral("category"), category},
        {QStringLiteral("message"), message},
    };
    if (!session.isEmpty())
        object.insert(QStringLiteral("session"), session);
    if (!fields.isEmpty())
        object.insert(QStringLiteral("fields"), fields);
    return object;
}

LogRecord LogRecord::fromJson(const QJsonObject& object)
{
    LogRecord record;
    record.seq = static_cast<quint64>(object.value(QStringLiteral("seq")).toInteger());
    record.time = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    record.level = logLevelFromName(object.value(QStringLiteral("level")).toString());
    record.category = object.value(QStringLiteral("category")).toString();
    record.message = object.value(QStringLiteral("message")).toString();
    record.session = object.value(QStringLiteral("session")).toString();
    record.fields = object.value(QStringLiteral("fields")).toObject();
    return record;
}

QString LogRecord::toText() const
{
    QString line = time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                   logLevelName(level).leftJustified(7) + QLatin1Char(' ') + category + QStringLiteral(": ");
    if (!session.isEmpty())
        line += QLatin1Char('[') + session + QStringLiteral("] ");
    line += message;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue value = it.value();
        const QString text =
            value.isString()
                ? value.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1);
        line += QLatin1Char(' ') + it.key() + QLatin1Char('=') + text;
    }
    return line;
}

} // namespace pw::core
