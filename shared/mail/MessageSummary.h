#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pw::mail {

// What the store keeps of a message besides its file, worked out once at delivery (or APPEND)
// so that IMAP answers ENVELOPE, BODYSTRUCTURE, header fetches and SEARCH without opening the
// file. Robust on any input: broken MIME gives a best-effort structure, never an error.
struct MessageSummary
{
    QByteArray header; // the header block, through the empty line that ends it
    QByteArray
        envelope; // IMAP ENVELOPE, "(date subject from sender reply-to to cc bcc in-reply-to message-id)"
    QByteArray bodyStructure; // IMAP BODYSTRUCTURE (with extension data), "(...)"
    QByteArray body;          // IMAP BODY (without extension data), "(...)"
    QDateTime sentDate;       // the Date: header in UTC; invalid when missing or unreadable
    QString headerText;       // the decoded (RFC 2047) header field values, for full-text search
    QString bodyText;         // the decoded text of the text/* parts (HTML as text), for
                              // full-text search; at most maxBodyText characters
    static constexpr qsizetype maxBodyText = 1024 * 1024;
};

[[nodiscard]] MessageSummary summarizeMessage(const QByteArray& message);

} // namespace pw::mail
