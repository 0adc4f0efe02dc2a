#pragma once

#include "shared/mail/HeaderField.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace pw::auth {

// RFC 6376 section 3.4
enum class DkimCanonicalization
{
    Simple,
    Relaxed,
};

namespace DkimCanon {

// "simple" or "relaxed"; nullopt for anything else (RFC 6376 3.5 c=).
[[nodiscard]] std::optional<DkimCanonicalization> fromName(QByteArrayView name);
[[nodiscard]] QByteArray name(DkimCanonicalization canonicalization);

// One header field, with its final CRLF. Simple (3.4.1): the field unchanged. Relaxed (3.4.2):
// name lower-cased, value unfolded, WSP runs turned into one SP, WSP at the ends and around
// the colon removed.
[[nodiscard]] QByteArray header(const mail::HeaderField& field, DkimCanonicalization canonicalization);

// The message body (everything after the empty line). Both CRLF and a bare LF end a line; the
// output uses CRLF. Simple (3.4.3): empty lines at the end removed, an empty body becomes one
// CRLF. Relaxed (3.4.4): WSP at line ends removed, WSP runs turned into one SP, empty lines at
// the end removed, an empty body stays empty (only a non-empty body gets a final CRLF).
[[nodiscard]] QByteArray body(QByteArrayView body, DkimCanonicalization canonicalization);

} // namespace DkimCanon

} // namespace pw::auth
