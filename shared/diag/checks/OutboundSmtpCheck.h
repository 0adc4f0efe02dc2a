#pragma once

#include "shared/diag/Check.h"

#include <QCoreApplication>

namespace pw::diag {

// port.outbound25: this host can open SMTP connections to the outside (many providers block it).
class OutboundSmtpCheck : public Check
{
    // Members translate under this class's name, which is the context lupdate files them under.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::OutboundSmtpCheck)

public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
