#pragma once

#include <QHostAddress>
#include <QStringView>
#include <optional>

// Lexical pieces of the SPF record grammar (RFC 7208 Appendix A), shared by the record and
// macro parsers. All pure.
namespace pw::auth {

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
// (RFC 7208 7.1): letters, digits and inner dashes, not all digits unless a dash is present.
[[nodiscard]] bool isSpfTopLabel(QStringView label);

// ip4-network (RFC 7208 5.6): exactly four dec-octets without leading zeros.
[[nodiscard]] std::optional<QHostAddress> parseSpfIp4Network(QStringView text);
// ip6-network (RFC 7208 5.6, RFC 4291 2.2): a textual IPv6 address, no zone index.
[[nodiscard]] std::optional<QHostAddress> parseSpfIp6Network(QStringView text);
// The digits of ip4-cidr-length / ip6-cidr-length (RFC 7208 5.6): "0" or a number without
// leading zeros, at most maximum (32 or 128).
[[nodiscard]] std::optional<int> parseSpfCidrLength(QStringView digits, int maximum);

// delimiter = "." / "-" / "+" / "," / "/" / "_" / "=" (RFC 7208 7.1)
[[nodiscard]] bool isSpfMacroDelimiter(QChar c);

} // namespace pw::auth
