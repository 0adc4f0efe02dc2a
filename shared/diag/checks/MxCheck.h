#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The MX records of the mail domain (RFC 5321 5.1, RFC 7505): results mx.present, mx.target
// and mx.resolves.
class MxCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
