#pragma once

// Runs one check to its end on the test's event loop.

#include "shared/diag/Check.h"
#include "shared/dns/Resolver.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>
#include <optional>

namespace pw::test {

// Answers every lookup with "no such name": for checks that must not need DNS.
class NoDnsResolver : public dns::Resolver
{
public:
    void lookup(const QString& name, dns::RecordType type, QObject* context, Callback done) override
    {
        ++lookups;
        dns::LookupResult result;
        result.name = name;
        result.type = type;
        result.status = dns::Status::NxDomain;
        QTimer::singleShot(0, context, [done, result] { done(result); });
    }
    int lookups = 0;
};

[[nodiscard]] inline std::optional<diag::CheckResults> runCheck(diag::Check& check,
                                                                const diag::DiagnosticsInput& input,
                                                                dns::Resolver& resolver,
                                                                int timeoutMs = 20000)
{
    QObject context;
    QEventLoop loop;
    std::optional<diag::CheckResults> results;
    int calls = 0;
    check.run(diag::CheckEnvironment{input, resolver}, &context, [&](diag::CheckResults r) {
        ++calls;
        results = std::move(r);
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!results)
        loop.exec();
    return calls == 1 ? results : std::nullopt;
}

[[nodiscard]] inline const diag::CheckResult* findResult(const diag::CheckResults& results, const QString& id)
{
    for (const diag::CheckResult& result : results) {
        if (result.id == id)
            return &result;
    }
    return nullptr;
}

} // namespace pw::test
