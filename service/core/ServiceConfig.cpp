#include "service/core/ServiceConfig.h"

#include "service/core/ConfigSchema.h"
#include "shared/core/IniFile.h"

#include <QFile>
#include <QHostInfo>
#include <QObject>
#include <QRegularExpression>

namespace pw::service {

namespace {

bool isHostname(const QString& name)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString& l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    return true;
}

class Reader
{
public:
    Reader(const QString& section, const QString& key, const QString& value, int line, QStringList* errors)
        : m_where(line > 0 ? QObject::tr("line %1: [%2] %3").arg(line).arg(section, key)
                           : QStringLiteral("[%1] %2").arg(section, key))
        , m_value(value)
        , m_errors(errors)
    {}

    void error(const QString& why) { m_errors->append(m_where + QStringLiteral(": ") + why); }
    const QString& value() const { return m_value; }

private:
    QString m_where;
    QString m_value;
    QStringList* m_errors;
};

void apply(ServiceConfig& config, const SettingDef& def, Reader& reader)
{
    const QString section = QLatin1String(def.section);
    const QString key = QLatin1String(def.key);
    const QString& value = reader.value();
    config.values.insert(section + QLatin1Char('/') + key, value);
    switch (def.kind) {
    case SettingKind::Hostname:
        if (!value.isEmpty() && !isHostname(value))
            reader.error(QObject::tr("\"%1\" is not a host name").arg(value));
        config.hostname = value;
        break;
    case SettingKind::Listener: {
        if (value.isEmpty()) {
            config.listeners.insert(key, std::nullopt);
            break;
        }
        QString why;
        const auto hostPort = core::HostPort::parse(value, &why);
        if (!hostPort || hostPort->address().isNull()) {
            reader.error(hostPort ? QObject::tr("\"%1\" is not an IP address").arg(hostPort->host) : why);
            break;
        }
        config.listeners.insert(key, hostPort);
        break;
    }
    case SettingKind::ServerList:
        config.dnsServers.clear();
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            QString why;
            const auto hostPort = core::HostPort::parse(item, &why);
            if (!hostPort || hostPort->address().isNull())
                reader.error(hostPort ? QObject::tr("\"%1\" is not an IP address").arg(hostPort->host) : why);
            else
                config.dnsServers.append(*hostPort);
        }
        break;
    case SettingKind::Integer: {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok || number < def.min || number > def.max) {
            reader.error(QObject::tr("\"%1\" must be a whole number from %2 to %3")
                             .arg(value)
                             .arg(def.min)
                             .arg(def.max));
            break;
        }
        if (section == QLatin1String("dns") && key == QLatin1String("query_timeout"))
            config.dnsQueryTimeoutMs = static_cast<int>(number);
        else if (section == QLatin1String("dns") && key == QLatin1String("retry_limit"))
            config.dnsRetryLimit = static_cast<int>(number);
        else if (section == QLatin1String("log") && key == QLatin1String("buffer_size"))
            config.logBufferSize = static_cast<int>(number);
        break;
    }
    case SettingKind::Path:
        if (section == QLatin1String("tls") && key == QLatin1String("cert"))
            config.tlsCert = value;
        else if (section == QLatin1String("tls") && key == QLatin1String("key"))
            config.tlsKey = value;
        else if (section == QLatin1String("control") && key == QLatin1String("socket"))
            config.controlSocket = value;
        break;
    case SettingKind::LogLevel: {
        bool ok = false;
        config.logLevel = core::logLevelFromName(value, &ok);
        if (!ok)
            reader.error(QObject::tr("\"%1\" is not one of debug, info, notice, warning, error").arg(value));
        break;
    }
    case SettingKind::Text:
        break;
    case SettingKind::Boolean:
        if (value != QLatin1String("true") && value != QLatin1String("false"))
            reader.error(QObject::tr("\"%1\" must be true or false").arg(value));
        break;
    case SettingKind::AddressList:
        config.publicAddresses.clear();
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QHostAddress address(item.trimmed());
            if (address.isNull())
                reader.error(QObject::tr("\"%1\" is not an IP address").arg(item.trimmed()));
            else
                config.publicAddresses.append(address);
        }
        break;
    }
}

} // namespace

ServiceConfig ServiceConfig::fromText(const QString& text, QStringList* errors)
{
    QStringList localErrors;
    QStringList& out = errors ? *errors : localErrors;
    const core::IniFile ini = core::IniFile::parse(text);
    out.append(ini.errors());

    ServiceConfig config;
    for (const SettingDef& def : configSchema()) {
        const auto* entry = ini.find(QLatin1String(def.section), QLatin1String(def.key));
        Reader reader(QLatin1String(def.section), QLatin1String(def.key),
                      entry ? entry->value : QLatin1String(def.defaultValue), entry ? entry->line : 0, &out);
        apply(config, def, reader);
    }
    for (const auto& entry : ini.entries()) {
        if (!findSetting(entry.section, entry.key))
            out.append(QObject::tr("line %1: unknown setting [%2] %3")
                           .arg(entry.line)
                           .arg(entry.section, entry.key));
    }
    if (config.tlsCert.isEmpty() != config.tlsKey.isEmpty())
        out.append(QObject::tr("[tls] cert and key must be set together"));
    if (config.hostname.isEmpty())
        config.hostname = QHostInfo::localHostName();
    return config;
}

qint64 ServiceConfig::integer(const char* section, const char* key) const
{
    return text(section, key).toLongLong();
}

bool ServiceConfig::boolean(const char* section, const char* key) const
{
    return text(section, key) == QLatin1String("true");
}

QString ServiceConfig::text(const char* section, const char* key) const
{
    const auto it = values.constFind(QLatin1String(section) + QLatin1Char('/') + QLatin1String(key));
    if (it != values.constEnd())
        return *it;
    const SettingDef* def = findSetting(QLatin1String(section), QLatin1String(key));
    return def ? QLatin1String(def->defaultValue) : QString();
}

ServiceConfig ServiceConfig::load(const QString& path, QStringList* errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append(QObject::tr("cannot read %1: %2").arg(path, file.errorString()));
        return fromText(QString(), nullptr);
    }
    return fromText(QString::fromUtf8(file.readAll()), errors);
}

} // namespace pw::service
