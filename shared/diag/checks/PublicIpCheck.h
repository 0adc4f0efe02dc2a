#pragma once

#include "shared/diag/Check.h"

#include <QHostAddress>
#include <QList>
#include <optional>

namespace pw::diag {

// ip.public: are the server's public addresses usable for mail at all? Each configured address
// (or, without one, each A/AAAA of the host name) is classified (private, shared CGNAT,
// loopback, link-local, documentation, unique local) and compared with this machine's own
// interface addresses: an address not on any interface means the server sits behind NAT.
class PublicIpCheck : public Check
{
public:
    // interfaceAddresses: this machine's addresses; nullopt = ask QNetworkInterface. Tests pass
    // their own so that the result does not depend on the machine.
    explicit PublicIpCheck(std::optional<QList<QHostAddress>> interfaceAddresses = std::nullopt);

    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;

private:
    std::optional<QList<QHostAddress>> m_interfaceAddresses;
};

} // namespace pw::diag
