#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The checks of the server's identity on the internet, in the order the wizard shows them:
// public IP (ip.public), static IP and the Spamhaus PBL (ip.static, ip.pbl), host name
// (hostname.fqdn, hostname.resolves), reverse DNS (ptr.v4, ptr.v6, ptr.fcrdns, ptr.hostname)
// and the blocklists (blocklist.<zone>, dbl.<zone>). All DNS only: none opens a connection.
[[nodiscard]] CheckList hostIdentityChecks();

} // namespace pw::diag
