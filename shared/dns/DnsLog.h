#pragma once

#include <QLoggingCategory>

namespace pw::dns {

// "postwarden.dns": queries, retries, ignored answers (debug level).
Q_DECLARE_LOGGING_CATEGORY(lcDns)

} // namespace pw::dns
