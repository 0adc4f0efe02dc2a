#pragma once

#include "shared/diag/Check.h"

namespace pw::diag {

// tls.<role>: the certificate each TLS-capable listener presents: trusted or self-signed, matching the
// host name, not expired or about to.
class TlsCertificateCheck : public Check
{
public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
