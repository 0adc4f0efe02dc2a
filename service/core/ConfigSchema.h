#pragma once

#include <QList>
#include <QString>

namespace pw::service {

enum class SettingKind
{
    Text,
    Hostname,
    Listener,
    ServerList,
    Integer,
    Path,
    LogLevel,
    AddressList,
    Boolean
};

// One definition per tunable (Postfix mail_params.h style): the commented default config and
// the validator are both generated from this table, so they cannot disagree.
struct SettingDef
{
    const char* section;
    const char* key;
    const char* defaultValue;
    SettingKind kind;
    qint64 min;
    qint64 max;
    const char* doc;
};

[[nodiscard]] const QList<SettingDef>& configSchema();
[[nodiscard]] const SettingDef* findSetting(const QString& section, const QString& key);

// The config file a first start writes: every setting, commented, with its default.
[[nodiscard]] QString defaultConfigText();

} // namespace pw::service
