#pragma once

#include <QLoggingCategory>

// One category per module, so that QT_LOGGING_RULES can turn modules up or down.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcControl)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
