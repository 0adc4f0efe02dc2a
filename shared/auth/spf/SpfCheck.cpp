#include "shared/auth/spf/SpfCheck.h"

#include "shared/auth/spf/SpfEvaluator.h"

namespace pw::auth {

void SpfCheck::checkHost(dns::Resolver& resolver, const SpfRequest& request, QObject* context, Callback done)
{
    checkHost(resolver, request, SpfOptions{}, context, std::move(done));
}

void SpfCheck::checkHost(dns::Resolver& resolver, const SpfRequest& request, const SpfOptions& options,
                         QObject* context, Callback done)
{
    // As a child of context, the evaluator (and with it every callback) goes when context goes.
    auto* evaluator = new SpfEvaluator(resolver, request, options, context);
    evaluator->start([evaluator, done = std::move(done)](const SpfResult& result) {
        evaluator->deleteLater();
        if (done)
            done(result);
    });
}

} // namespace pw::auth
