#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// Reverse DNS of the server's public addresses (RFC 1912 2.1, RFC 8499 "forward-confirmed
// reverse DNS"):
//   ptr.v4        every public IPv4 address has a PTR record;
//   ptr.v6        every IPv6 address (configured or an AAAA of the host name) has one;
//   ptr.fcrdns    each PTR name resolves back to the same address;
//   ptr.hostname  the PTR name is the mail host name.
class PtrCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
