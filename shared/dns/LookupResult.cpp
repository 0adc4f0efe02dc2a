#include "shared/dns/LookupResult.h"

namespace pw::dns {

QString statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::NoData:
        return QStringLiteral("no data");
    case Status::NxDomain:
        return QStringLiteral("no such domain");
    case Status::ServFail:
        return QStringLiteral("server failure");
    case Status::Refused:
        return QStringLiteral("refused");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

QString LookupResult::canonicalName() const
{
    return cnameChain.isEmpty() ? name : cnameChain.last().target;
}

QList<QHostAddress> LookupResult::addresses() const
{
    QList<QHostAddress> result;
    for (const Record& record : records) {
        if (record.type == RecordType::A || record.type == RecordType::AAAA)
            result.append(record.address);
    }
    return result;
}

QStringList LookupResult::texts() const
{
    QStringList result;
    for (const Record& record : records) {
        if (record.type == RecordType::TXT)
            result.append(record.text);
    }
    return result;
}

QStringList LookupResult::targets() const
{
    QStringList result;
    for (const Record& record : records) {
        if (record.type == RecordType::PTR || record.type == RecordType::CNAME ||
            record.type == RecordType::NS)
            result.append(record.target);
    }
    return result;
}

} // namespace pw::dns
