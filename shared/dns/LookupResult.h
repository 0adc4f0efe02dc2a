#pragma once

#include "shared/dns/Record.h"
#include "shared/dns/RecordType.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace pw::dns {

// How a lookup ended. Callers must tell "the name has no such record" (NoData, NxDomain:
// definite answers, e.g. SPF "none") from "we could not find out" (ServFail, Refused, Timeout,
// Error: temporary errors, e.g. SPF "temperror", RFC 7208 2.6.6).
enum class Status
{
    Ok,       // records of the asked type are present
    NoData,   // the name exists, but has no record of that type (RFC 2308 2.2)
    NxDomain, // the name does not exist (RFC 2308 2.1)
    ServFail,
    Refused,
    Timeout, // no server answered within the tries allowed
    Error,   // FORMERR or another rcode, invalid name, network error, malformed answer
};

[[nodiscard]] QString statusName(Status status);

struct LookupResult
{
    QString name; // the name asked for, in ASCII (A-label) form, without the final dot
    RecordType type = RecordType::A;
    Status status = Status::Error;
    QList<Record> records;    // of the asked type, owned by the last name of the CNAME chain
    QList<Record> cnameChain; // the CNAME records followed from name, in order
    // The AD bit of the answer: the upstream resolver validated it with DNSSEC. Worth only as
    // much as the path to that resolver (RFC 6698 and RFC 7672 want a trusted local one).
    bool authenticData = false;
    QString server;         // "host:port" of the server that answered; empty if none did
    QString errorString;    // human-readable, set for every status but Ok, NoData and NxDomain
    bool fromCache = false; // the record TTLs are then what remains of them

    [[nodiscard]] bool isOk() const { return status == Status::Ok; }
    // NoData and NxDomain: the DNS answered that there is nothing.
    [[nodiscard]] bool isNegative() const { return status == Status::NoData || status == Status::NxDomain; }
    // ServFail, Refused, Timeout, Error: asking again later may give another answer.
    [[nodiscard]] bool isTemporaryFailure() const { return !isOk() && !isNegative(); }
    // The name the records belong to: the last CNAME target, or name.
    [[nodiscard]] QString canonicalName() const;
    // Convenience views of records: addresses of A/AAAA, texts of TXT, targets of PTR/CNAME/NS.
    [[nodiscard]] QList<QHostAddress> addresses() const;
    [[nodiscard]] QStringList texts() const;
    [[nodiscard]] QStringList targets() const;
};

} // namespace pw::dns
