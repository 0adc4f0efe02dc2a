#pragma once

#include "shared/diag/Check.h"

#include <QCoreApplication>

namespace pw::diag {

// roles.postmaster, roles.abuse: the mail domain accepts mail to postmaster@ (RFC 5321 4.5.1) and
// abuse@ (RFC 2142 2). Asks the first local "smtp" listener with a short dialogue that ends after
// RCPT TO (RSET, QUIT): no DATA, nothing is ever sent.
class RoleAddressCheck : public Check
{
    // Members translate under this class's name, which is the context lupdate files them under.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::RoleAddressCheck)

public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
