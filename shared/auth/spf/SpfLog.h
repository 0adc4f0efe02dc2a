#pragma once

#include <QLoggingCategory>

namespace pw::auth {

// "postwarden.auth.spf": records fetched, terms evaluated, limits hit (debug level).
Q_DECLARE_LOGGING_CATEGORY(lcSpf)

} // namespace pw::auth
