#include "shared/dns/RecordType.h"

#include <array>
#include <utility>

namespace pw::dns {

namespace {

constexpr std::array<std::pair<RecordType, const char*>, 10> kNames{{
    {RecordType::A, "A"},
    {RecordType::NS, "NS"},
    {RecordType::CNAME, "CNAME"},
    {RecordType::SOA, "SOA"},
    {RecordType::PTR, "PTR"},
    {RecordType::MX, "MX"},
    {RecordType::TXT, "TXT"},
    {RecordType::AAAA, "AAAA"},
    {RecordType::SRV, "SRV"},
    {RecordType::TLSA, "TLSA"},
}};

} // namespace

QString recordTypeName(RecordType type)
{
    for (const auto& [known, name] : kNames) {
        if (known == type)
            return QLatin1String(name);
    }
    return QStringLiteral("TYPE%1").arg(static_cast<quint16>(type));
}

std::optional<RecordType> recordTypeFromName(const QString& text)
{
    for (const auto& [known, name] : kNames) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return known;
    }
    return std::nullopt;
}

} // namespace pw::dns
