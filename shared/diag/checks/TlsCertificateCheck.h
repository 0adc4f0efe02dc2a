#pragma once

#include "shared/diag/Check.h"

#include <QCoreApplication>

namespace pw::diag {

// tls.<role>: the certificate each TLS-capable listener presents: trusted or self-signed, matching the
// host name, not expired or about to.
class TlsCertificateCheck : public Check
{
    // Members translate under this class's name, which is the context lupdate files them under.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::TlsCertificateCheck)

public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
