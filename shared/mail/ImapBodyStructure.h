#pragma once

#include "shared/mail/MimeMessage.h"

#include <QByteArray>

namespace pw::mail {

// IMAP BODYSTRUCTURE (extended = true, with the extension data) and BODY (extended = false)
// of a MIME part and everything below it (RFC 9051 7.5.2), as Dovecot writes them where the
// RFC leaves a choice: text parts without a charset get ("charset" "us-ascii"), a missing
// transfer encoding is "7bit", a multipart without parts shows one empty text/plain part,
// parameters keep their RFC 2231 form, sizes are bytes as stored and lines count LFs.
// message/rfc822 and message/global carry the envelope, the structure and the line count of
// the message inside.
[[nodiscard]] QByteArray imapBodyStructure(const MimeMessage& message, const MimePart& part, bool extended);
void appendImapBodyStructure(QByteArray& out, const MimeMessage& message, const MimePart& part,
                             bool extended);

} // namespace pw::mail
