#include "shared/dns/ResponseInterpreter.h"

#include "shared/dns/DnsName.h"

#include <algorithm>
#include <limits>

namespace pw::dns {

namespace {

// More links than any sane zone has; a loop of CNAMEs ends here.
constexpr int kMaxCnameLinks = 16;

Status statusForRcode(quint8 rcode)
{
    switch (static_cast<ResponseCode>(rcode)) {
    case ResponseCode::NoError:
        return Status::NoData; // refined to Ok once records are found
    case ResponseCode::NxDomain:
        return Status::NxDomain;
    case ResponseCode::ServFail:
        return Status::ServFail;
    case ResponseCode::Refused:
        return Status::Refused;
    case ResponseCode::FormErr:
    case ResponseCode::NotImp:
        break;
    }
    return Status::Error;
}

QString rcodeName(quint8 rcode)
{
    switch (static_cast<ResponseCode>(rcode)) {
    case ResponseCode::NoError:
        return QStringLiteral("NOERROR");
    case ResponseCode::FormErr:
        return QStringLiteral("FORMERR");
    case ResponseCode::ServFail:
        return QStringLiteral("SERVFAIL");
    case ResponseCode::NxDomain:
        return QStringLiteral("NXDOMAIN");
    case ResponseCode::NotImp:
        return QStringLiteral("NOTIMP");
    case ResponseCode::Refused:
        return QStringLiteral("REFUSED");
    }
    return QStringLiteral("RCODE%1").arg(rcode);
}

} // namespace

ResponseInterpreter::Interpretation ResponseInterpreter::interpret(const DecodedResponse& response,
                                                                   const QString& name, RecordType type,
                                                                   const ResolverOptions& options)
{
    Interpretation out;
    LookupResult& result = out.result;
    result.name = name;
    result.type = type;
    result.authenticData = response.authenticData;
    result.status = statusForRcode(response.rcode);

    // RFC 1034 4.3.2 / RFC 6604: a recursive server answers with the CNAME chain from the
    // asked name followed by the records of the last target, and the rcode belongs to that
    // last name. Records owned by names off the chain are not ours to believe.
    QString current = name;
    if (type != RecordType::CNAME) {
        for (int link = 0; link < kMaxCnameLinks; ++link) {
            const auto cname =
                std::find_if(response.answers.cbegin(), response.answers.cend(), [&](const Record& r) {
                    return r.type == RecordType::CNAME && sameName(r.owner, current);
                });
            if (cname == response.answers.cend())
                break;
            result.cnameChain.append(*cname);
            const bool loops = std::any_of(result.cnameChain.cbegin(), result.cnameChain.cend(),
                                           [&](const Record& r) { return sameName(r.owner, cname->target); });
            current = cname->target;
            if (loops)
                break;
        }
    }
    for (const Record& record : response.answers) {
        if (record.type == type && sameName(record.owner, current))
            result.records.append(record);
    }

    if (static_cast<ResponseCode>(response.rcode) == ResponseCode::NoError && !result.records.isEmpty())
        result.status = Status::Ok;
    if (result.isTemporaryFailure())
        result.errorString =
            QStringLiteral("%1 for %2/%3").arg(rcodeName(response.rcode), name, recordTypeName(type));

    if (result.status == Status::Ok) {
        quint32 ttl = std::numeric_limits<quint32>::max();
        for (const Record& record : std::as_const(result.records))
            ttl = std::min(ttl, record.ttl);
        for (const Record& record : std::as_const(result.cnameChain))
            ttl = std::min(ttl, record.ttl);
        out.cacheTtl = std::min(std::chrono::seconds(ttl), options.maxPositiveTtl);
    } else if (result.isNegative() && response.authoritySoa) {
        // RFC 2308 5: the negative TTL is the lesser of the SOA's own TTL and its MINIMUM;
        // without an SOA the answer is not cached at all.
        const quint32 ttl = std::min(response.authoritySoa->ttl, response.authoritySoa->soa.minimum);
        out.cacheTtl = std::min(std::chrono::seconds(ttl), options.maxNegativeTtl);
    }
    return out;
}

} // namespace pw::dns
