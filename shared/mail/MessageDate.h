#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace pw::mail {

// The Date: field value (RFC 5322 3.3, with the obsolete forms of 4.3: two- and three-digit
// years, zone names, folding and comments anywhere) as a UTC date-time; invalid when the value
// does not hold a day, a month, a year and a time. Lenient about order, so that the asctime
// form ("Tue Jan  1 10:00:00 2019") reads as well. Military zones and unknown zone names count
// as +0000 (RFC 5322 4.3 says they cannot be trusted).
[[nodiscard]] QDateTime parseMessageDate(QByteArrayView value);

} // namespace pw::mail
