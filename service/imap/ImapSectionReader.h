#pragma once

#include "service/imap/ImapCommand.h"

#include <QByteArray>
#include <memory>
#include <optional>

namespace pw::mail {
class MimeMessage;
}

namespace pw::service {

// The bytes of BODY[section] and BINARY[section] of one message (RFC 9051 6.4.5), over the
// MIME parser of shared/mail. Parses the message once, answers any number of sections. A part
// that does not exist gives an empty string (as Dovecot and Cyrus do), never an error.
class ImapSectionReader
{
public:
    explicit ImapSectionReader(QByteArray message);
    ~ImapSectionReader();

    [[nodiscard]] QByteArray section(const ImapSection& section) const;
    // BINARY[section]: the part's content with its transfer encoding undone; nullopt when the
    // encoding is unknown or broken (the session answers NO [UNKNOWN-CTE]).
    [[nodiscard]] std::optional<QByteArray> binary(const ImapSection& section) const;

private:
    QByteArray m_message;
    std::unique_ptr<mail::MimeMessage> m_mime;
};

// <start.length> of a fetched section: the bytes from start, at most length of them.
[[nodiscard]] QByteArray imapPartial(const QByteArray& bytes, qint64 start, qint64 length);

} // namespace pw::service
