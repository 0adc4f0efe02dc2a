#pragma once

#include "shared/mail/MessageHeader.h"
#include "shared/mail/MimeFieldParser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace pw::mail {

// One header field of a MIME part, as offsets into the message: the field runs from its name
// through the line end of its last folded line.
struct MimeField
{
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype nameEnd = 0;    // just past the name (whitespace before the colon excluded)
    qsizetype valueStart = 0; // just past the colon
};

// One node of the MIME tree (RFC 2045, 2046). Offsets are into MimeMessage::data().
struct MimePart
{
    qsizetype headerStart = 0;
    qsizetype headerEnd = 0; // just past the empty line that ends the header, if it has one
    qsizetype bodyStart = 0;
    qsizetype bodyEnd = 0;
    qsizetype bodyLines = 0; // LF characters in the body
    QList<MimeField> fields;

    // From the Content-* fields (RFC 2045, 2183, 3282, 2557, 1864). Values are unfolded and
    // trimmed as written; a null QByteArray means the field is absent (or, for the top-level
    // message and encapsulated messages, ignored because the message is not MIME: no
    // MIME-Version and no Content-Type, as Dovecot does).
    QByteArray type = QByteArrayLiteral("text"); // lower case
    QByteArray subtype = QByteArrayLiteral("plain");
    QList<MimeParameter> parameters;
    QByteArray contentId;
    QByteArray description;
    QByteArray transferEncoding; // the token as written; null = 7bit (RFC 2045 6.1)
    QByteArray md5;
    QByteArray disposition;
    QList<MimeParameter> dispositionParameters;
    QList<QByteArray> languages;
    QByteArray location;

    int parent = -1;     // index into MimeMessage::parts(); -1 for the message itself
    QList<int> children; // multipart: its parts; message/rfc822: the encapsulated message
    int depth = 0;
    bool isMessage = false; // the top-level message or an encapsulated one (has an envelope)

    [[nodiscard]] bool isMultipart() const { return type == "multipart"; }
    // message/rfc822 or message/global (RFC 6532), whose body is a message of its own.
    [[nodiscard]] bool isEncapsulating() const
    {
        return type == "message" && (subtype == "rfc822" || subtype == "global");
    }
    [[nodiscard]] bool isText() const { return type == "text"; }
    [[nodiscard]] qsizetype bodySize() const { return bodyEnd - bodyStart; }
    [[nodiscard]] QByteArray parameter(QByteArrayView name) const { return mimeParameter(parameters, name); }
    // The transfer encoding in lower case, "7bit" when absent.
    [[nodiscard]] QByteArray encoding() const;
};

// A whole RFC 5322 message split into its MIME tree. Pure and robust: any bytes give a tree
// (broken MIME a best-effort one), in time and memory linear in the size times the depth
// limit. Lines end in CRLF or a bare LF. Nothing is copied: parts are offsets into data().
class MimeMessage
{
public:
    struct Limits
    {
        int maxDepth = 30;           // nesting of multiparts and encapsulated messages
        int maxParts = 2000;         // parts in the whole tree
        int maxFieldsPerPart = 1000; // header fields kept per part (later ones are ignored)
    };

    explicit MimeMessage(QByteArray message);
    MimeMessage(QByteArray message, const Limits& limits);

    [[nodiscard]] const QByteArray& data() const { return m_data; }
    // Every part in document order; parts().front() is the message itself.
    [[nodiscard]] const QList<MimePart>& parts() const { return m_parts; }
    [[nodiscard]] const MimePart& root() const { return m_parts.front(); }
    [[nodiscard]] const MimePart& child(const MimePart& part, qsizetype index) const
    {
        return m_parts.at(part.children.at(index));
    }
    // The encapsulated message of a message/rfc822 part, or nullptr (also past the limits).
    [[nodiscard]] const MimePart* encapsulated(const MimePart& part) const;

    // The part that an IMAP part number names (RFC 9051 6.4.5): "1" of a non-multipart message
    // is its body; the parts of a message/rfc822 part are those of the message inside it. Like
    // Dovecot, part "1" of any non-multipart part is that part. nullptr when there is none;
    // the root for an empty number.
    [[nodiscard]] const MimePart* partByNumber(const QList<int>& number) const;

    [[nodiscard]] QByteArrayView header(const MimePart& part) const;
    [[nodiscard]] QByteArrayView body(const MimePart& part) const;
    [[nodiscard]] QByteArrayView fieldName(const MimeField& field) const;
    // The whole field as written, its line ends included.
    [[nodiscard]] QByteArrayView fieldRaw(const MimeField& field) const;
    // Unfolded (every CR and LF removed) and trimmed.
    [[nodiscard]] QByteArray fieldValue(const MimeField& field) const;
    // After the colon and the blanks that follow it, up to the final line break; folding kept.
    [[nodiscard]] QByteArrayView fieldRawValue(const MimeField& field) const;
    // The first field of that name (case-insensitive), or nullptr.
    [[nodiscard]] const MimeField* field(const MimePart& part, QByteArrayView name) const;
    // The value of the first field of that name; null when there is none.
    [[nodiscard]] QByteArray fieldValue(const MimePart& part, QByteArrayView name) const;
    // The part's header as HeaderFields (line ends made CRLF), for code written against those.
    [[nodiscard]] MessageHeader messageHeader(const MimePart& part) const;

private:
    class Parser;

    QByteArray m_data;
    QList<MimePart> m_parts;
};

} // namespace pw::mail
