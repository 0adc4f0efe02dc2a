#include "shared/auth/spf/SpfLog.h"

namespace pw::auth {

Q_LOGGING_CATEGORY(lcSpf, "postwarden.auth.spf", QtWarningMsg)

} // namespace pw::auth
