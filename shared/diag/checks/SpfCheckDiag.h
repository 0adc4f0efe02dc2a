#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// The SPF record of the mail domain (RFC 7208): results spf.record (one valid record within
// the DNS-lookup limit), spf.policy (what "all" says) and spf.ourip (our addresses pass).
class SpfCheckDiag : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
