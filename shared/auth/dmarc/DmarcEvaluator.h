#pragma once

#include "shared/auth/dmarc/DmarcResult.h"
#include "shared/auth/dmarc/DmarcVerdict.h"
#include "shared/auth/dmarc/PublicSuffixList.h"

#include <functional>
#include <memory>

class QObject;

namespace pw::dns {
class Resolver;
}

namespace pw::auth {

// DMARC for one message (RFC 7489 6.6): policy discovery over the resolver (6.6.3), then
// DmarcVerdict for alignment, policy, pct and disposition.
//
// The evaluator may be destroyed while evaluations run; the resolver must outlive them. done is
// called exactly once, on context's thread, never from within evaluate(), and not at all if
// context is destroyed first (the Resolver contract).
class DmarcEvaluator
{
public:
    using Callback = std::function<void(const DmarcEvaluation&)>;

    // random defaults to QRandomGenerator::global(); tests pass a fixed one.
    DmarcEvaluator(dns::Resolver& resolver, std::shared_ptr<const PublicSuffixList> psl,
                   DmarcRandomSource random = {});

    void evaluate(const DmarcInput& input, QObject* context, Callback done) const;

private:
    dns::Resolver& m_resolver;
    const std::shared_ptr<const PublicSuffixList> m_psl;
    const DmarcRandomSource m_random;
};

} // namespace pw::auth
