#pragma once

// Runs one check against the loopback DNS server, for the host-identity check tests: a fresh
// uncached resolver per run, and an empty result when `done` is called early, twice or never.

#include "shared/diag/Check.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QTest>
#include <optional>

namespace pw::test {

// Runs one check against the loopback DNS server and waits for its results.
inline diag::CheckResults runCheck(diag::Check& check, const diag::DiagnosticsInput& input,
                                   const pw::test::TestDnsServer& server)
{
    pw::dns::ResolverOptions options;
    options.servers = {server.address()};
    options.timeout = std::chrono::milliseconds(500);
    options.retries = 0;
    options.cacheEnabled = false;
    pw::dns::LdnsResolver resolver(options);
    QObject context;
    std::optional<diag::CheckResults> results;
    int calls = 0;
    check.run({input, resolver}, &context, [&](diag::CheckResults found) {
        ++calls;
        results = std::move(found);
    });
    if (results) // never from inside run()
        return {};
    if (!QTest::qWaitFor([&] { return results.has_value(); }, 10000))
        return {};
    QTest::qWait(20);
    return calls == 1 ? *results : diag::CheckResults{};
}

inline diag::CheckResult byId(const diag::CheckResults& results, const QString& id)
{
    for (const diag::CheckResult& result : results) {
        if (result.id == id)
            return result;
    }
    diag::CheckResult missing;
    missing.id = QStringLiteral("missing:") + id;
    return missing;
}

inline QString describe(const diag::CheckResult& result)
{
    return QStringLiteral("%1 %2: %3 | %4 | %5 | %6")
        .arg(result.id, diag::checkStatusName(result.status), result.summary, result.explanation, result.fix,
             result.evidence.join(QStringLiteral(" / ")));
}

} // namespace pw::test
