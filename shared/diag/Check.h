#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/diag/DiagnosticsInput.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

class QObject;

namespace pw::dns {
class Resolver;
}

namespace pw::diag {

// What a check runs against; the resolver and the input outlive every running check.
struct CheckEnvironment
{
    const DiagnosticsInput& input;
    dns::Resolver& resolver;
};

// One area of the diagnostics (MX, SPF, PTR, ports…). A check is asynchronous: it starts its
// lookups and connections and calls `done` once, later, on `context`'s thread, with one or more
// results. If `context` is destroyed first, it must not call `done`.
class Check
{
public:
    using Done = std::function<void(CheckResults)>;

    virtual ~Check() = default;
    [[nodiscard]] virtual QString id() const = 0;
    [[nodiscard]] virtual QString title() const = 0;
    // True when the check opens TCP connections; DiagnosticsInput::dnsOnly skips it.
    [[nodiscard]] virtual bool usesNetwork() const { return false; }
    virtual void run(const CheckEnvironment& environment, QObject* context, Done done) = 0;
};

using CheckList = std::vector<std::unique_ptr<Check>>;

} // namespace pw::diag
