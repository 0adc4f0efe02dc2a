#include "shared/core/LogCategories.h"

Q_LOGGING_CATEGORY(lcCore, "postwarden.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "postwarden.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "postwarden.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "postwarden.store", QtInfoMsg)
