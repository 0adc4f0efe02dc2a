#include "shared/diag/checks/DnsRecordChecks.h"

#include "shared/diag/checks/DkimCheck.h"
#include "shared/diag/checks/DmarcCheck.h"
#include "shared/diag/checks/MxCheck.h"
#include "shared/diag/checks/SpfCheckDiag.h"

namespace pw::diag {

CheckList dnsRecordChecks()
{
    CheckList checks;
    checks.push_back(std::make_unique<MxCheck>());
    checks.push_back(std::make_unique<SpfCheckDiag>());
    checks.push_back(std::make_unique<DkimCheck>());
    checks.push_back(std::make_unique<DmarcCheck>());
    return checks;
}

} // namespace pw::diag
