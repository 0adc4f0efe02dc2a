#pragma once

#include "shared/diag/Check.h"

#include <QCoreApplication>

namespace pw::diag {

// port.local.<role>: each of our own listeners answers on its address with its greeting (SMTP 220,
// IMAP "* OK"), after a TLS handshake for implicit-TLS roles. hostname.banner.<role>: an SMTP
// listener greets with the configured host name.
class ListenerCheck : public Check
{
    // Members translate under this class's name, which is the context lupdate files them under.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::ListenerCheck)

public:
    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;
};

} // namespace pw::diag
