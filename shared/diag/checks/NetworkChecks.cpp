#include "shared/diag/checks/NetworkChecks.h"

#include "shared/diag/checks/ListenerCheck.h"
#include "shared/diag/checks/OutboundSmtpCheck.h"
#include "shared/diag/checks/PublicPortCheck.h"
#include "shared/diag/checks/RoleAddressCheck.h"
#include "shared/diag/checks/TlsCertificateCheck.h"

namespace pw::diag {

CheckList networkChecks()
{
    CheckList checks;
    checks.push_back(std::make_unique<ListenerCheck>());
    checks.push_back(std::make_unique<PublicPortCheck>());
    checks.push_back(std::make_unique<OutboundSmtpCheck>());
    checks.push_back(std::make_unique<TlsCertificateCheck>());
    checks.push_back(std::make_unique<RoleAddressCheck>());
    return checks;
}

} // namespace pw::diag
