#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pw::mail {

// IMAP string forms (RFC 9051 4.3) for server responses. A null QByteArray stands for NIL
// where an nstring is allowed; an empty one is "".

// A quoted string when the bytes allow one (no CR, LF, NUL or 8-bit bytes, and at most four
// '"' or '\' to escape, as Dovecot does), otherwise a literal "{n}\r\n" followed by the bytes.
// NUL bytes cannot travel in either form (RFC 9051 4.3: CHAR8 excludes %x00) and are dropped.
void appendImapString(QByteArray& out, QByteArrayView value);
// NIL for a null value, otherwise appendImapString.
void appendImapNString(QByteArray& out, const QByteArray& value);
// Text meant for people (a subject, a display name), as Dovecot writes it: quoted as it is when
// it needs no change, otherwise folding and runs of whitespace become one space, leading and
// trailing whitespace and NULs go, and the result is a literal (also for quotes, backslashes
// and 8-bit text); "" when nothing is left.
void appendImapStringForHumans(QByteArray& out, QByteArrayView value);
// NIL for a null value, otherwise appendImapStringForHumans.
void appendImapNStringForHumans(QByteArray& out, const QByteArray& value);
// An atom when the value is one (RFC 9051 ASTRING-CHAR, not empty, not "NIL"), otherwise a
// string as above.
void appendImapAstring(QByteArray& out, QByteArrayView value);
// Always a literal: "{n}\r\n" and the bytes, unchanged.
void appendImapLiteral(QByteArray& out, QByteArrayView value);

[[nodiscard]] QByteArray imapString(QByteArrayView value);
[[nodiscard]] QByteArray imapNString(const QByteArray& value);
[[nodiscard]] QByteArray imapAstring(QByteArrayView value);

} // namespace pw::mail
