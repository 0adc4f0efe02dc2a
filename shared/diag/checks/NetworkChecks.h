#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The checks that open TCP connections: local listeners, public ports, outbound port 25 and the
// TLS certificates and the role addresses (ids port.local.*, hostname.banner.*, port.public.*,
// port.outbound25, tls.*, roles.*).
[[nodiscard]] CheckList networkChecks();

} // namespace pw::diag
