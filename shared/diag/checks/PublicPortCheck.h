#pragma once

#include "shared/diag/Check.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <functional>

namespace pw::diag {

// port.public.<port>: the public addresses accept connections on the mail ports. From behind NAT a
// failure cannot be told from a closed port, so it is reported as "could not tell".
class PublicPortCheck : public Check
{
    // Members translate under this class's name, which is the context lupdate files them under.
    Q_DECLARE_TR_FUNCTIONS(pw::diag::PublicPortCheck)

public:
    // Whether an address sits on one of this host's interfaces (then a failure is a closed port,
    // otherwise we may be behind NAT). Tests substitute their own.
    using IsLocalAddress = std::function<bool(const QHostAddress&)>;

    explicit PublicPortCheck(IsLocalAddress isLocal = {});

    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    [[nodiscard]] bool usesNetwork() const override { return true; }
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;

private:
    IsLocalAddress m_isLocal;
};

} // namespace pw::diag
