#pragma once

#include "shared/auth/dkim/DkimResult.h"
#include "shared/dns/Resolver.h"
#include "shared/mail/HeaderParser.h"

#include <QByteArray>
#include <QDateTime>
#include <chrono>
#include <functional>

class QObject;

namespace pw::auth {

// Verifies every DKIM-Signature of a message (RFC 6376 6, RFC 8463), fetching the keys through
// the resolver it is given; all lookups run at once.
//
// Contract, as for dns::Resolver: verify() never blocks and never calls done before it
// returns; done is called exactly once, on context's thread, unless context is destroyed first
// (then never). The resolver must outlive every verification in flight.
class DkimVerifier
{
public:
    struct Options
    {
        // RFC 6376 6.1: verifiers MAY limit the number of signatures they try.
        int maxSignatures = 5;
        // Tolerated difference between our clock and the signer's, for t= and x=.
        std::chrono::seconds clockSkew{300};
        mail::HeaderParser::Limits headerLimits;
    };
    using Callback = std::function<void(const DkimVerification&)>;

    explicit DkimVerifier(dns::Resolver& resolver);
    DkimVerifier(dns::Resolver& resolver, const Options& options);

    [[nodiscard]] const Options& options() const { return m_options; }

    // message: header and body as received, CRLF (a bare LF is read as CRLF). `now` is the
    // verification time that t= and x= are checked against.
    void verify(const QByteArray& message, const QDateTime& now, QObject* context, Callback done) const;

private:
    dns::Resolver& m_resolver;
    Options m_options;
};

} // namespace pw::auth
