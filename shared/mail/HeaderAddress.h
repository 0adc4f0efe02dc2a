#pragma once

#include <QByteArray>
#include <QString>

namespace pw::mail {

// The first address of an address-list field value such as From (RFC 5322 3.4): the addr-spec
// inside the angle brackets, or the bare addr-spec, with comments removed and surrounding
// whitespace trimmed. Empty when the value holds no "@".
[[nodiscard]] QByteArray firstAddressOf(const QByteArray& fieldValue);
// The domain of that address, lower case; empty when there is none.
[[nodiscard]] QString firstAddressDomainOf(const QByteArray& fieldValue);
// How many addresses the value lists (top-level commas outside quotes, comments and angle
// brackets, plus one); 0 for an empty value. RFC 5322 3.6.2: From may hold several, and DMARC
// (RFC 7489 6.6.1) cannot evaluate those.
[[nodiscard]] int addressCountOf(const QByteArray& fieldValue);

} // namespace pw::mail
