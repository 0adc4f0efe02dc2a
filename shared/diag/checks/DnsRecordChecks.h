#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The checks of the records a mail domain publishes in DNS, in the order the wizard shows
// them: MX (mx.*), SPF (spf.*), DKIM (dkim.<selector>), DMARC (dmarc.*). None opens a TCP
// connection.
[[nodiscard]] CheckList dnsRecordChecks();

} // namespace pw::diag
