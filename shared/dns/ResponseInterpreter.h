#pragma once

#include "shared/dns/LookupResult.h"
#include "shared/dns/MessageCodec.h"
#include "shared/dns/RecordType.h"
#include "shared/dns/ResolverOptions.h"

#include <QString>
#include <chrono>

namespace pw::dns {

// Turns a decoded response into the caller's LookupResult and decides how long it may be
// cached.
class ResponseInterpreter
{
public:
    struct Interpretation
    {
        LookupResult result;
        std::chrono::seconds cacheTtl{0}; // zero: do not cache
    };

    // name: the ASCII name asked for. The response must already be matched to the query.
    [[nodiscard]] static Interpretation interpret(const DecodedResponse& response, const QString& name,
                                                  RecordType type, const ResolverOptions& options);
};

} // namespace pw::dns
