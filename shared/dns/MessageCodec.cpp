#include "shared/dns/MessageCodec.h"

#include <ldns/ldns.h>
#include <memory>

namespace pw::dns {

namespace {

struct PacketDeleter
{
    void operator()(ldns_pkt* packet) const { ldns_pkt_free(packet); }
};
using PacketPtr = std::unique_ptr<ldns_pkt, PacketDeleter>;

void setError(QString* error, const QString& text)
{
    if (error)
        *error = text;
}

// RFC 1035 5.1 presentation form of a name in uncompressed wire form, without the final dot.
// Written here rather than with ldns_rdf2str so that letters stay as sent and only the bytes
// that need it are escaped.
std::optional<QString> nameFromWire(const ldns_rdf* rdf)
{
    if (!rdf || ldns_rdf_get_type(rdf) != LDNS_RDF_TYPE_DNAME)
        return std::nullopt;
    const uint8_t* data = ldns_rdf_data(rdf);
    const size_t size = ldns_rdf_size(rdf);
    QString name;
    size_t at = 0;
    while (at < size) {
        const size_t length = data[at++];
        if (length == 0)
            return name.isEmpty() ? QStringLiteral(".") : name;
        if (length > 63 || at + length > size)
            return std::nullopt;
        if (!name.isEmpty())
            name.append(QLatin1Char('.'));
        for (size_t i = 0; i < length; ++i) {
            const uint8_t byte = data[at + i];
            if (byte == '.' || byte == '\\')
                name.append(QLatin1Char('\\')).append(QLatin1Char(static_cast<char>(byte)));
            else if (byte <= 0x20 || byte >= 0x7f)
                name.append(QStringLiteral("\\%1").arg(uint(byte), 3, 10, QLatin1Char('0')));
            else
                name.append(QLatin1Char(static_cast<char>(byte)));
        }
        at += length;
    }
    return std::nullopt;
}

const ldns_rdf* field(const ldns_rr* rr, size_t index, ldns_rdf_type type, size_t size = 0)
{
    if (index >= ldns_rr_rd_count(rr))
        return nullptr;
    const ldns_rdf* rdf = ldns_rr_rdf(rr, index);
    if (!rdf || ldns_rdf_get_type(rdf) != type || (size && ldns_rdf_size(rdf) != size))
        return nullptr;
    return rdf;
}

std::optional<quint8> int8Field(const ldns_rr* rr, size_t index, ldns_rdf_type type = LDNS_RDF_TYPE_INT8)
{
    const ldns_rdf* rdf = field(rr, index, type, 1);
    return rdf ? std::optional<quint8>(ldns_rdf2native_int8(rdf)) : std::nullopt;
}

std::optional<quint16> int16Field(const ldns_rr* rr, size_t index)
{
    const ldns_rdf* rdf = field(rr, index, LDNS_RDF_TYPE_INT16, 2);
    return rdf ? std::optional<quint16>(ldns_rdf2native_int16(rdf)) : std::nullopt;
}

std::optional<quint32> int32Field(const ldns_rr* rr, size_t index)
{
    if (index >= ldns_rr_rd_count(rr))
        return std::nullopt;
    // SOA timers are INT32 or PERIOD depending on the ldns version; both are 4 raw bytes.
    const ldns_rdf* rdf = ldns_rr_rdf(rr, index);
    if (!rdf || ldns_rdf_size(rdf) != 4)
        return std::nullopt;
    return ldns_rdf2native_int32(rdf);
}

std::optional<QString> nameField(const ldns_rr* rr, size_t index)
{
    return index < ldns_rr_rd_count(rr) ? nameFromWire(ldns_rr_rdf(rr, index)) : std::nullopt;
}

// Fills the typed fields of record; false if the rdata does not have the type's shape.
bool readRdata(const ldns_rr* rr, Record* record)
{
    switch (record->type) {
    case RecordType::A: {
        const ldns_rdf* rdf = field(rr, 0, LDNS_RDF_TYPE_A, 4);
        if (!rdf)
            return false;
        const uint8_t* b = ldns_rdf_data(rdf);
        record->address = QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
        return true;
    }
    case RecordType::AAAA: {
        const ldns_rdf* rdf = field(rr, 0, LDNS_RDF_TYPE_AAAA, 16);
        if (!rdf)
            return false;
        record->address = QHostAddress(ldns_rdf_data(rdf));
        return true;
    }
    case RecordType::MX: {
        const auto preference = int16Field(rr, 0);
        const auto exchange = nameField(rr, 1);
        if (!preference || !exchange)
            return false;
        record->preference = *preference;
        record->exchange = *exchange;
        return true;
    }
    case RecordType::TXT: {
        QByteArray joined;
        for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
            const ldns_rdf* rdf = field(rr, i, LDNS_RDF_TYPE_STR);
            if (!rdf || ldns_rdf_size(rdf) < 1)
                return false;
            const uint8_t* data = ldns_rdf_data(rdf);
            const size_t length = data[0];
            if (length + 1 != ldns_rdf_size(rdf))
                return false;
            const QByteArray string(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(length));
            record->strings.append(string);
            joined.append(string);
        }
        // RFC 7208 3.3: the strings of one record are concatenated without adding spaces.
        record->text = QString::fromUtf8(joined);
        return true;
    }
    case RecordType::PTR:
    case RecordType::CNAME:
    case RecordType::NS: {
        const auto target = nameField(rr, 0);
        if (!target)
            return false;
        record->target = *target;
        return true;
    }
    case RecordType::SOA: {
        const auto mname = nameField(rr, 0);
        const auto rname = nameField(rr, 1);
        const auto serial = int32Field(rr, 2);
        const auto refresh = int32Field(rr, 3);
        const auto retry = int32Field(rr, 4);
        const auto expire = int32Field(rr, 5);
        const auto minimum = int32Field(rr, 6);
        if (!mname || !rname || !serial || !refresh || !retry || !expire || !minimum)
            return false;
        record->soa = SoaData{*mname, *rname, *serial, *refresh, *retry, *expire, *minimum};
        return true;
    }
    case RecordType::SRV: {
        const auto priority = int16Field(rr, 0);
        const auto weight = int16Field(rr, 1);
        const auto port = int16Field(rr, 2);
        const auto target = nameField(rr, 3);
        if (!priority || !weight || !port || !target)
            return false;
        record->srv = SrvData{*priority, *weight, *port, *target};
        return true;
    }
    case RecordType::TLSA: {
        const auto usage = int8Field(rr, 0, LDNS_RDF_TYPE_CERTIFICATE_USAGE);
        const auto selector = int8Field(rr, 1, LDNS_RDF_TYPE_SELECTOR);
        const auto matchingType = int8Field(rr, 2, LDNS_RDF_TYPE_MATCHING_TYPE);
        const ldns_rdf* data = field(rr, 3, LDNS_RDF_TYPE_HEX);
        if (!usage || !selector || !matchingType || !data)
            return false;
        record->tlsa = TlsaData{*usage, *selector, *matchingType,
                                QByteArray(reinterpret_cast<const char*>(ldns_rdf_data(data)),
                                           static_cast<qsizetype>(ldns_rdf_size(data)))};
        return true;
    }
    }
    return false;
}

bool isKnownType(ldns_rr_type type)
{
    switch (static_cast<RecordType>(type)) {
    case RecordType::A:
    case RecordType::NS:
    case RecordType::CNAME:
    case RecordType::SOA:
    case RecordType::PTR:
    case RecordType::MX:
    case RecordType::TXT:
    case RecordType::AAAA:
    case RecordType::SRV:
    case RecordType::TLSA:
        return true;
    }
    return false;
}

// nullopt: a record of a known type whose rdata is malformed. A record of another type or
// class comes back with an empty owner, for the caller to skip.
std::optional<Record> readRecord(const ldns_rr* rr)
{
    Record record;
    if (ldns_rr_get_class(rr) != LDNS_RR_CLASS_IN || !isKnownType(ldns_rr_get_type(rr)))
        return record;
    const auto owner = nameFromWire(ldns_rr_owner(rr));
    if (!owner)
        return std::nullopt;
    record.owner = *owner;
    record.type = static_cast<RecordType>(ldns_rr_get_type(rr));
    record.ttl = ldns_rr_ttl(rr);
    if (!readRdata(rr, &record))
        return std::nullopt;
    return record;
}

} // namespace

std::optional<QByteArray> MessageCodec::encodeQuery(const QString& name, RecordType type, quint16 id,
                                                    QString* error)
{
    const QByteArray ascii = name.toLatin1();
    ldns_rdf* owner = ldns_dname_new_frm_str(ascii.constData());
    if (!owner) {
        setError(error, QStringLiteral("invalid domain name \"%1\"").arg(name));
        return std::nullopt;
    }
    // ldns_pkt_query_new takes ownership of owner.
    const PacketPtr packet(
        ldns_pkt_query_new(owner, static_cast<ldns_rr_type>(type), LDNS_RR_CLASS_IN, LDNS_RD));
    if (!packet) {
        setError(error, QStringLiteral("cannot build a query for \"%1\"").arg(name));
        return std::nullopt;
    }
    ldns_pkt_set_id(packet.get(), id);
    ldns_pkt_set_ad(packet.get(), true);
    ldns_pkt_set_edns_udp_size(packet.get(), kEdnsPayloadSize);
    ldns_pkt_set_edns_do(packet.get(), false);

    uint8_t* wire = nullptr;
    size_t size = 0;
    const ldns_status status = ldns_pkt2wire(&wire, packet.get(), &size);
    if (status != LDNS_STATUS_OK || !wire) {
        setError(
            error,
            QStringLiteral("cannot encode a query: %1").arg(QLatin1String(ldns_get_errorstr_by_id(status))));
        free(wire);
        return std::nullopt;
    }
    QByteArray result(reinterpret_cast<const char*>(wire), static_cast<qsizetype>(size));
    free(wire);
    return result;
}

std::optional<DecodedResponse> MessageCodec::decodeResponse(const QByteArray& wire, QString* error)
{
    ldns_pkt* raw = nullptr;
    const ldns_status status = ldns_wire2pkt(&raw, reinterpret_cast<const uint8_t*>(wire.constData()),
                                             static_cast<size_t>(wire.size()));
    const PacketPtr packet(raw);
    if (status != LDNS_STATUS_OK || !packet) {
        setError(error,
                 QStringLiteral("malformed answer: %1").arg(QLatin1String(ldns_get_errorstr_by_id(status))));
        return std::nullopt;
    }

    DecodedResponse response;
    response.id = ldns_pkt_id(packet.get());
    response.isResponse = ldns_pkt_qr(packet.get());
    response.truncated = ldns_pkt_tc(packet.get());
    response.authenticData = ldns_pkt_ad(packet.get());
    response.rcode = static_cast<quint8>(ldns_pkt_get_rcode(packet.get()));

    const ldns_rr_list* question = ldns_pkt_question(packet.get());
    if (question && ldns_rr_list_rr_count(question) > 0) {
        const ldns_rr* rr = ldns_rr_list_rr(question, 0);
        const auto name = nameFromWire(ldns_rr_owner(rr));
        if (!name) {
            setError(error, QStringLiteral("malformed answer: bad question name"));
            return std::nullopt;
        }
        response.hasQuestion = true;
        response.questionName = *name;
        response.questionType = static_cast<quint16>(ldns_rr_get_type(rr));
        response.questionClass = static_cast<quint16>(ldns_rr_get_class(rr));
    }

    const ldns_rr_list* answers = ldns_pkt_answer(packet.get());
    for (size_t i = 0; answers && i < ldns_rr_list_rr_count(answers); ++i) {
        const auto record = readRecord(ldns_rr_list_rr(answers, i));
        if (!record) {
            setError(error, QStringLiteral("malformed answer: bad record data"));
            return std::nullopt;
        }
        if (!record->owner.isEmpty())
            response.answers.append(*record);
    }

    const ldns_rr_list* authority = ldns_pkt_authority(packet.get());
    for (size_t i = 0; authority && i < ldns_rr_list_rr_count(authority); ++i) {
        const ldns_rr* rr = ldns_rr_list_rr(authority, i);
        if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_SOA)
            continue;
        const auto record = readRecord(rr);
        if (record && !record->owner.isEmpty()) {
            response.authoritySoa = *record;
            break;
        }
    }
    return response;
}

} // namespace pw::dns
