#include "shared/diag/StandardChecks.h"

#include "shared/diag/checks/DnsRecordChecks.h"
#include "shared/diag/checks/HostIdentityChecks.h"
#include "shared/diag/checks/NetworkChecks.h"

namespace pw::diag {

namespace {

void append(CheckList& to, CheckList from)
{
    for (auto& check : from)
        to.push_back(std::move(check));
}

} // namespace

CheckList standardChecks()
{
    CheckList checks;
    append(checks, dnsRecordChecks());
    append(checks, hostIdentityChecks());
    append(checks, networkChecks());
    return checks;
}

} // namespace pw::diag
