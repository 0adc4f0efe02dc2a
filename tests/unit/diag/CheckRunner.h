#pragma once

// Runs one check to its end on the test's event loop.

#include "shared/diag/Check.h"
#include "shared/dns/Resolver.h"

#include <QEventLoop>
#include <QObject>
#include <QTest>
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

// Runs a check the way the check tests need it: fails loudly when `done` comes twice or from
// inside run(), and waits (bounded) for the results on the test's event loop.
[[nodiscard]] inline diag::CheckResults runChecked(diag::Check& check, const diag::DiagnosticsInput& input,
                                                   dns::Resolver& resolver, QObject* context)
{
    std::optional<diag::CheckResults> results;
    check.run(diag::CheckEnvironment{input, resolver}, context, [&](diag::CheckResults r) {
        if (results)
            qFatal("done called twice");
        results = std::move(r);
    });
    if (results)
        qWarning("done called from within run()");
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(results.has_value(), 5000);
    }();
    return results.value_or(diag::CheckResults{});
}

// The status name of one result, or "(missing)", so that QCOMPARE shows what came instead.
[[nodiscard]] inline QString statusOf(const diag::CheckResults& results, const QString& id)
{
    const diag::CheckResult* result = findResult(results, id);
    return result ? diag::checkStatusName(result->status) : QStringLiteral("(missing)");
}

} // namespace pw::test
