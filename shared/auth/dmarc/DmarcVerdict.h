#pragma once

#include "shared/auth/dmarc/DmarcResult.h"
#include "shared/auth/dmarc/PublicSuffixList.h"

#include <QString>
#include <functional>

namespace pw::auth {

// Returns a number in [0, bound); DMARC's pct sampling draws from it (RFC 7489 6.6.4).
using DmarcRandomSource = std::function<quint32(quint32 bound)>;

// The part of DMARC that needs no DNS: alignment (RFC 7489 3.1) and the policy decision
// (RFC 7489 6.6.2, 6.6.4) once the record is known. Pure, given the random source.
class DmarcVerdict
{
public:
    // RFC 7489 3.1.1, 3.1.2: strict means the same name; relaxed means the same organizational
    // domain. Names are compared in normalised form; an empty name never aligns.
    [[nodiscard]] static bool isAligned(const QString& authenticatedDomain, const QString& fromDomain,
                                        DmarcAlignment mode, const PublicSuffixList& psl);

    // Fills alignment, status, applied policy, sampling, disposition and the explanation of
    // evaluation, whose fromDomain, organizationalDomain, record and policySource are set.
    static void decide(const DmarcInput& input, const PublicSuffixList& psl, const DmarcRandomSource& random,
                       DmarcEvaluation* evaluation);
};

} // namespace pw::auth
