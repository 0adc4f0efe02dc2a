#pragma once

#include "shared/diag/Check.h"

#include <QHostAddress>
#include <QString>

namespace pw::diag {

// Does the server send from an address that looks like a home or dynamic connection?
//   ip.static  the PTR names of the public addresses look generic or dynamic
//              (dyn, pool, dsl, the address's own digits…);
//   ip.pbl     the Spamhaus Policy Block List lists the address as one that should not send
//              mail directly (127.0.0.10/11 from zen.spamhaus.org).
class StaticIpCheck : public Check
{
public:
    enum class NameLook
    {
        Custom,  // nothing suggests a generic or dynamic name
        Generic, // the address's digits are in the name (a provider's default name)
        Dynamic, // a label says dynamic/dial-up/DSL/cable/pool…
    };

    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;

    // How a PTR name looks for the address it belongs to; *reason gets the label or digits seen.
    [[nodiscard]] static NameLook classifyPtrName(const QString& name, const QHostAddress& address,
                                                  QString* reason = nullptr);
};

} // namespace pw::diag
