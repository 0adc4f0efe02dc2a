#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// port.public.<port>: the public addresses accept connections on the mail ports. From behind NAT a
// failure cannot be told from a closed port, so it is reported as "could not tell".
class PublicPortCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
