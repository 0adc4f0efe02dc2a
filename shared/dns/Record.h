#pragma once

#include "shared/dns/RecordType.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace pw::dns {

// RFC 1035 3.3.13
struct SoaData
{
    QString primaryServer;      // MNAME
    QString responsibleMailbox; // RNAME, in domain-name form ("hostmaster.example.com")
    quint32 serial = 0;
    quint32 refresh = 0;
    quint32 retry = 0;
    quint32 expire = 0;
    quint32 minimum = 0; // the negative-caching TTL (RFC 2308 4)
};

// RFC 6698 2.1
struct TlsaData
{
    quint8 usage = 0;
    quint8 selector = 0;
    quint8 matchingType = 0;
    QByteArray data; // the certificate association data, raw bytes
};

// RFC 2782
struct SrvData
{
    quint16 priority = 0;
    quint16 weight = 0;
    quint16 port = 0;
    QString target;
};

// One resource record. Names are absolute, in ASCII (A-label) form as received, without the
// final dot; a dot or backslash inside a label and bytes outside printable ASCII appear as
// RFC 1035 5.1 escapes (backslash-dot, backslash-DDD). Only the fields of the type are set.
struct Record
{
    QString owner;
    RecordType type = RecordType::A;
    quint32 ttl = 0;

    QHostAddress address;   // A, AAAA
    quint16 preference = 0; // MX
    QString exchange;       // MX
    QString target;         // PTR, CNAME, NS
    // TXT: the character-strings joined without separator (RFC 7208 3.3, RFC 6376 3.6.2.2),
    // decoded as UTF-8; the individual strings stay available, raw.
    QString text;
    QList<QByteArray> strings;
    SoaData soa;
    TlsaData tlsa;
    SrvData srv;
};

} // namespace pw::dns
