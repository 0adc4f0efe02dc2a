#pragma once

#include <QString>
#include <optional>

namespace pw::dns {

// The record types Postwarden looks up; the values are the IANA type codes (RFC 1035 3.2.2,
// RFC 3596, RFC 2782, RFC 6698).
enum class RecordType : quint16
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    TLSA = 52,
};

// "A", "MX" ...; "TYPE<n>" for a code outside the enum.
[[nodiscard]] QString recordTypeName(RecordType type);
// Case-insensitive mnemonic ("mx") to type; nullopt for types this module does not handle.
[[nodiscard]] std::optional<RecordType> recordTypeFromName(const QString& text);

} // namespace pw::dns
