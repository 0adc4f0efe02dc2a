#include "service/control/ConfigMethods.h"

#include "service/control/ControlConnection.h"
#include "service/control/MethodTable.h"
#include "service/core/AtomicFile.h"
#include "service/core/ConfigFileEditor.h"
#include "service/core/ConfigSchema.h"
#include "service/core/ServiceConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QObject>
#include <memory>

namespace pw::service {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service::ConfigMethods", text);
}

// Settings that take effect the moment they are written. Everything else is read once at start
// (listeners, TLS, the resolver, limits handed to the sessions) and waits for a restart. The host
// name is applied at once too, for `records` and `status`, but the SMTP and IMAP greetings and a
// self-signed certificate keep the old one until then, so it still counts as needing a restart.
bool isLive(const QString& valueKey)
{
    return valueKey == QLatin1String("service/public_addresses");
}

QString publicName(const SettingDef& def)
{
    return QLatin1String(def.section) + QLatin1Char('.') + QLatin1String(def.key);
}

QString valueKey(const SettingDef& def)
{
    return QLatin1String(def.section) + QLatin1Char('/') + QLatin1String(def.key);
}

struct FileText
{
    QString text;
    bool exists = false;
    QString error; // set when the file exists but cannot be read
};

FileText readFile(const QString& path)
{
    FileText file;
    QFile f(path);
    file.exists = f.exists();
    if (!file.exists)
        return file;
    if (!f.open(QIODevice::ReadOnly)) {
        file.error = tr("cannot read %1: %2").arg(path, f.errorString());
        return file;
    }
    file.text = QString::fromUtf8(f.readAll());
    return file;
}

bool restartRequired(const QHash<QString, QString>& values, const QHash<QString, QString>& started)
{
    for (const SettingDef& def : configSchema()) {
        const QString key = valueKey(def);
        if (!isLive(key) && values.value(key) != started.value(key))
            return true;
    }
    return false;
}

// Why `value` is not valid for `def`, or an empty string. The one place that knows what is
// valid is ServiceConfig, so the value goes through it as a one-setting file.
QString invalidReason(const SettingDef& def, const QString& value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return tr("the value must be a single line without control characters");
    }
    const QString section = QLatin1String(def.section);
    const QString key = QLatin1String(def.key);
    QStringList errors;
    (void)ServiceConfig::fromText(QStringLiteral("[%1]\n%2 = %3\n").arg(section, key, value), &errors);
    // ServiceConfig prefixes each error with where it is; the key is named by the caller instead.
    const QString where = QObject::tr("line %1: [%2] %3").arg(2).arg(section, key) + QStringLiteral(": ");
    for (const QString& error : std::as_const(errors)) {
        if (error.startsWith(where))
            return error.mid(where.size());
    }
    return {};
}

QString valueText(const QJsonValue& value, bool* ok)
{
    *ok = true;
    if (value.isString())
        return value.toString().trimmed();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger()))
        return QString::number(value.toInteger());
    *ok = false;
    return {};
}

QJsonArray dnsServers(const ServiceConfig& config)
{
    QJsonArray servers;
    for (const core::HostPort& server : config.dnsServers)
        servers.append(server.toString());
    return servers;
}

QJsonArray publicAddresses(const ServiceConfig& config)
{
    QJsonArray addresses;
    for (const QHostAddress& address : config.publicAddresses)
        addresses.append(address.toString());
    return addresses;
}

void showConfig(const ConfigContext& c, const QHash<QString, QString>& started, const Responder& respond)
{
    const FileText file = readFile(*c.configFile);
    QStringList errors;
    if (!file.error.isEmpty())
        errors.append(file.error);
    const ServiceConfig configured = ServiceConfig::fromText(file.text, &errors);
    QJsonObject values;
    for (const SettingDef& def : configSchema())
        values.insert(publicName(def), configured.values.value(valueKey(def)));
    respond.result(QJsonObject{
        {QStringLiteral("file"), *c.configFile},
        {QStringLiteral("values"), values},
        {QStringLiteral("hostname"), c.config->hostname},
        {QStringLiteral("public_addresses"), publicAddresses(*c.config)},
        {QStringLiteral("dns_servers"), dnsServers(*c.config)},
        {QStringLiteral("restart_required"), restartRequired(configured.values, started)},
        {QStringLiteral("errors"), QJsonArray::fromStringList(errors)},
    });
}

// The requested changes as (setting, value), every one checked; false after answering the error,
// and then nothing has been written.
bool parseChanges(const QJsonObject& params, const Responder& respond,
                  QList<std::pair<const SettingDef*, QString>>* changes)
{
    const QJsonValue values = params.value(QStringLiteral("values"));
    if (!values.isObject() || values.toObject().isEmpty()) {
        respond.error(control::ErrorCode::InvalidParams,
                      tr("\"values\" must be a non-empty object of \"section.key\": \"value\""));
        return false;
    }
    const QJsonObject object = values.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = it.key().trimmed().toLower();
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        const SettingDef* def = dot > 0 ? findSetting(name.left(dot), name.mid(dot + 1)) : nullptr;
        if (!def) {
            respond.error(control::ErrorCode::InvalidParams, tr("unknown setting \"%1\"").arg(it.key()));
            return false;
        }
        bool ok = false;
        const QString value = valueText(it.value(), &ok);
        const QString why = ok ? invalidReason(*def, value) : tr("the value must be a string");
        if (!why.isEmpty()) {
            respond.error(control::ErrorCode::InvalidParams, tr("%1: %2").arg(publicName(*def), why));
            return false;
        }
        changes->append({def, value});
    }
    return true;
}

void setConfig(const ConfigContext& c, const QHash<QString, QString>& started, const QJsonObject& params,
               const Responder& respond)
{
    QList<std::pair<const SettingDef*, QString>> changes;
    if (!parseChanges(params, respond, &changes))
        return;
    const FileText file = readFile(*c.configFile);
    if (!file.error.isEmpty()) {
        respond.error(control::ErrorCode::Failed, file.error);
        return;
    }
    // A missing file is made the way a first start makes it: every setting documented.
    const QString oldText = file.exists ? file.text : defaultConfigText();
    ConfigFileEditor editor(oldText);
    bool touchesTls = false;
    for (const auto& [def, value] : std::as_const(changes)) {
        editor.set(QLatin1String(def->section), QLatin1String(def->key), value);
        touchesTls = touchesTls || qstrcmp(def->section, "tls") == 0;
    }
    const QString newText = editor.text();
    const ServiceConfig before = ServiceConfig::fromText(oldText, nullptr);
    const ServiceConfig after = ServiceConfig::fromText(newText, nullptr);
    if (touchesTls && after.tlsCert.isEmpty() != after.tlsKey.isEmpty()) {
        respond.error(control::ErrorCode::InvalidParams, tr("tls.cert and tls.key must be set together"));
        return;
    }

    QStringList changed;
    for (const SettingDef& def : configSchema()) {
        if (before.values.value(valueKey(def)) != after.values.value(valueKey(def)))
            changed.append(publicName(def));
    }
    if (!changed.isEmpty() || !file.exists) {
        QString error;
        if (!writeFileAtomically(*c.configFile, newText.toUtf8(), &error)) {
            respond.error(control::ErrorCode::Failed, error);
            return;
        }
    }

    // Applied now as far as that goes without a restart; `records` and `status` read these.
    if (changed.contains(QLatin1String("service.public_addresses")))
        c.config->publicAddresses = after.publicAddresses;
    if (changed.contains(QLatin1String("service.hostname")))
        c.config->hostname = after.hostname;
    for (const char* key : {"service/public_addresses", "service/hostname"}) {
        if (changed.contains(QString::fromLatin1(key).replace(QLatin1Char('/'), QLatin1Char('.'))))
            c.config->values.insert(QLatin1String(key), after.values.value(QLatin1String(key)));
    }

    const bool restart = restartRequired(after.values, started);
    if (!changed.isEmpty())
        c.recordEvent(core::LogLevel::Notice, QStringLiteral("config"),
                      tr("configuration changed: %1").arg(changed.join(QStringLiteral(", "))),
                      {{QStringLiteral("file"), *c.configFile},
                       {QStringLiteral("keys"), QJsonArray::fromStringList(changed)},
                       {QStringLiteral("restart_required"), restart}});
    respond.result(QJsonObject{{QStringLiteral("changed"), QJsonArray::fromStringList(changed)},
                               {QStringLiteral("restart_required"), restart}});
}

} // namespace

void registerConfigMethods(MethodTable& methods, ConfigContext context)
{
    // Shared by both handlers; the running service never changes them.
    const auto started = std::make_shared<const QHash<QString, QString>>(context.config->values);
    methods.add(QStringLiteral("config.show"),
                [context, started](const QJsonObject&, const Responder& respond) {
                    showConfig(context, *started, respond);
                });
    methods.add(QStringLiteral("config.set"),
                [context, started](const QJsonObject& params, const Responder& respond) {
                    setConfig(context, *started, params, respond);
                });
}

} // namespace pw::service
