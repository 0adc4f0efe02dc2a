#include "shared/core/LogCategories.h"

Q_LOGGING_CATEGORY(lcCore, "core")
Q_LOGGING_CATEGORY(lcDns, "dns")
Q_LOGGING_CATEGORY(lcControl, "control")
Q_LOGGING_CATEGORY(lcService, "service")
Q_LOGGING_CATEGORY(lcStore, "store")
