#include "shared/dns/DnsLog.h"

namespace pw::dns {

Q_LOGGING_CATEGORY(lcDns, "postwarden.dns", QtWarningMsg)

} // namespace pw::dns
