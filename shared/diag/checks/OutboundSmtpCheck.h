#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// port.outbound25: this host can open SMTP connections to the outside (many providers block it).
class OutboundSmtpCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
