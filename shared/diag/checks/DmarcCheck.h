#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The DMARC record at _dmarc.<domain> (RFC 7489 6.1, 6.3): results dmarc.record (one valid
// record), dmarc.policy (what receivers do with failing mail) and dmarc.reports (rua).
class DmarcCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
