#pragma once

#include "shared/auth/spf/SpfRequest.h"
#include "shared/auth/spf/SpfResult.h"

#include <functional>

class QObject;

namespace pw::dns {
class Resolver;
}

namespace pw::auth {

// The entry point of SPF (RFC 7208): check_host() for the MAIL FROM or HELO identity of an
// SMTP session, over the resolver it is given. There is deliberately no blocking variant: the
// SMTP session and the GUI thread both wait in their event loops.
class SpfCheck
{
public:
    using Callback = std::function<void(const SpfResult&)>;

    // Starts the check. done is called exactly once, later, from the event loop of the calling
    // thread, unless context is destroyed first (then never; the check is abandoned). context
    // may be null. resolver must live in the calling thread and outlive the check.
    static void checkHost(dns::Resolver& resolver, const SpfRequest& request, QObject* context,
                          Callback done);
    static void checkHost(dns::Resolver& resolver, const SpfRequest& request, const SpfOptions& options,
                          QObject* context, Callback done);
};

} // namespace pw::auth
