#pragma once

#include "shared/mail/MimeMessage.h"

#include <QByteArray>

namespace pw::mail {

// IMAP ENVELOPE (RFC 9051 7.5.2) of a message: the top-level one (MimeMessage::root()) or an
// encapsulated one (the child of a message/rfc822 part), "(date subject from sender reply-to
// to cc bcc in-reply-to message-id)". Values are the raw header values (no RFC 2047 decoding,
// as the RFC wants); sender and reply-to default to from. Like Dovecot, the last Date,
// Subject, In-Reply-To and Message-ID count, and repeated address fields add up.
// A part that is not a message gives the all-NIL envelope.
[[nodiscard]] QByteArray imapEnvelope(const MimeMessage& message, const MimePart& part);
void appendImapEnvelope(QByteArray& out, const MimeMessage& message, const MimePart& part);

} // namespace pw::mail
