#pragma once

#include "shared/control/ControlClient.h"
#include "shared/diag/DiagnosticsInput.h"

#include <QStringList>
#include <functional>

namespace pw::app {

// What the diagnostics need to know about the running service, asked over the control socket:
// host name, public addresses and DNS servers (config.show), local listeners (status), and the
// published DKIM keys of `domain` (dkim.show). The app never reads the config file or the
// database itself.
struct ServiceDiagnosticsInput
{
    diag::DiagnosticsInput input;
    QStringList dnsServers; // "host:port", what the service resolves with
    QString error;          // non-empty when the service could not be asked
};

// Collects the above for `domain` and calls `done` once, on `context`'s thread (dropped if
// `context` goes first).
void loadServiceDiagnosticsInput(control::ControlClient& client, const QString& domain, QObject* context,
                                 std::function<void(const ServiceDiagnosticsInput&)> done);

} // namespace pw::app
