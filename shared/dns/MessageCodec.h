#pragma once

#include "shared/dns/Record.h"
#include "shared/dns/RecordType.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace pw::dns {

// RFC 1035 4.1.1 response codes that the resolver tells apart.
enum class ResponseCode : quint8
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
};

// A DNS response read from the wire: the header bits the resolver needs, the question, the
// answer records of the types in RecordType (others skipped) and the authority SOA.
struct DecodedResponse
{
    quint16 id = 0;
    bool isResponse = false;    // QR
    bool truncated = false;     // TC
    bool authenticData = false; // AD
    quint8 rcode = 0;           // ResponseCode values, or another code
    bool hasQuestion = false;
    QString questionName;
    quint16 questionType = 0;
    quint16 questionClass = 0;
    QList<Record> answers;
    std::optional<Record> authoritySoa;
};

// Wire format, by ldns; nothing of ldns leaves MessageCodec.cpp.
class MessageCodec
{
public:
    // RFC 6891 6.2.5: 1232 bytes fits the IPv6 minimum MTU without fragmentation (DNS flag day
    // 2020).
    static constexpr quint16 kEdnsPayloadSize = 1232;

    // A recursive query (RD) for name (ASCII form, no final dot) with EDNS0 offering
    // kEdnsPayloadSize, DO off and AD on: RFC 6840 5.7 lets a stub ask a validating resolver
    // for the AD bit this way without receiving DNSSEC records.
    [[nodiscard]] static std::optional<QByteArray> encodeQuery(const QString& name, RecordType type,
                                                               quint16 id, QString* error = nullptr);
    [[nodiscard]] static std::optional<DecodedResponse> decodeResponse(const QByteArray& wire,
                                                                       QString* error = nullptr);
};

} // namespace pw::dns
