#include "shared/diag/checks/HostIdentityChecks.h"

#include "shared/diag/checks/BlocklistCheck.h"
#include "shared/diag/checks/HostnameCheck.h"
#include "shared/diag/checks/PtrCheck.h"
#include "shared/diag/checks/PublicIpCheck.h"
#include "shared/diag/checks/StaticIpCheck.h"

namespace pw::diag {

CheckList hostIdentityChecks()
{
    CheckList checks;
    checks.push_back(std::make_unique<PublicIpCheck>());
    checks.push_back(std::make_unique<StaticIpCheck>());
    checks.push_back(std::make_unique<HostnameCheck>());
    checks.push_back(std::make_unique<PtrCheck>());
    checks.push_back(std::make_unique<BlocklistCheck>());
    return checks;
}

} // namespace pw::diag
