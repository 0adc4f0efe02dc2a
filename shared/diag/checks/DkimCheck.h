#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The DKIM key records of our signing keys (RFC 6376 3.6.1, RFC 8301, RFC 8463): one result
// dkim.<selector> per key of DiagnosticsInput::dkimKeys.
class DkimCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
