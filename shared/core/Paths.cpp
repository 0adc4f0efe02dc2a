#include "shared/core/Paths.h"

#include <QDir>
#include <QStandardPaths>

namespace pw::core {

QString defaultDataDir()
{
    const QString fromEnv = qEnvironmentVariable("POSTWARDEN_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(fromEnv);
    // GenericDataLocation, not AppDataLocation: the app, the service and the CLI have different
    // application names but must agree on one directory.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/postwarden");
}

QString controlSocketPath(const QString& dataDir)
{
    return dataDir + QStringLiteral("/control.sock");
}

QString configPath(const QString& dataDir)
{
    return dataDir + QStringLiteral("/postwarden.conf");
}

QString databasePath(const QString& dataDir)
{
    return dataDir + QStringLiteral("/postwarden.db");
}

QString lockPath(const QString& dataDir)
{
    return dataDir + QStringLiteral("/postwardend.lock");
}

} // namespace pw::core
