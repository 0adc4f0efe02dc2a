#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The whole suite in the order a report shows it: the domain's DNS records, the host's
// identity (IP, host name, reverse DNS, blocklists), then the network checks. What the CLI's
// `check`, the wizard and the service's self-check run.
[[nodiscard]] CheckList standardChecks();

} // namespace pw::diag
