#pragma once

#include "shared/dns/LookupResult.h"
#include "shared/dns/RecordType.h"

#include <QString>
#include <functional>

class QObject;

namespace pw::dns {

// Every DNS lookup in Postwarden goes through this interface, so that checks, SPF, DKIM and
// DMARC take a resolver as a parameter and tests substitute their own (or point the real one
// at a loopback server).
//
// Contract for implementations:
// - lookup() never blocks and never calls done before it returns;
// - done is called exactly once, on context's thread, unless context is destroyed first
//   (then never); a null context means no lifetime guard, done then runs on the resolver's
//   thread;
// - name is a domain name in Unicode (U-label) or ASCII form, with or without the final dot.
class Resolver
{
public:
    using Callback = std::function<void(const LookupResult&)>;

    virtual ~Resolver() = default;

    virtual void lookup(const QString& name, RecordType type, QObject* context, Callback done) = 0;

protected:
    Resolver() = default;
    Resolver(const Resolver&) = default;
    Resolver& operator=(const Resolver&) = default;
};

} // namespace pw::dns
