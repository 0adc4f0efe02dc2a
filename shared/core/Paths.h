#pragma once

#include <QString>

namespace pw::core {

// Where a user's Postwarden lives unless told otherwise: $POSTWARDEN_DATA_DIR, else
// $XDG_DATA_HOME/postwarden (~/.local/share/postwarden). The system service passes --data-dir.
[[nodiscard]] QString defaultDataDir();
[[nodiscard]] QString controlSocketPath(const QString& dataDir);
[[nodiscard]] QString configPath(const QString& dataDir);
[[nodiscard]] QString databasePath(const QString& dataDir);
[[nodiscard]] QString lockPath(const QString& dataDir);

} // namespace pw::core
