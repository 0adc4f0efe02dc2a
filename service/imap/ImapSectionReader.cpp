#include "service/imap/ImapSectionReader.h"

#include "shared/mail/MimeMessage.h"
#include "shared/mail/TransferEncoding.h"

namespace pw::service {

namespace {

using mail::MimeMessage;
using mail::MimePart;

bool listed(QByteArrayView name, const QList<QByteArray>& names)
{
    for (const QByteArray& listedName : names) {
        if (listedName.size() == name.size() &&
            QByteArrayView(listedName).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// RFC 9051 6.4.5 HEADER.FIELDS / HEADER.FIELDS.NOT: the matching fields as written, folded
// lines included, then the empty line that ends a header.
QByteArray headerFields(const MimeMessage& mime, const MimePart& part, const QList<QByteArray>& names,
                        bool exclude)
{
    QByteArray out;
    for (const mail::MimeField& field : part.fields) {
        if (listed(mime.fieldName(field), names) == exclude)
            continue;
        const QByteArrayView raw = mime.fieldRaw(field);
        out.append(raw);
        if (raw.endsWith('\r'))
            out.append('\n');
        else if (!raw.endsWith('\n'))
            out.append("\r\n");
    }
    out.append("\r\n");
    return out;
}

// What HEADER, TEXT and HEADER.FIELDS of a message part read: the top-level message for an
// empty part number, the message inside a message/rfc822 part otherwise.
const MimePart* messageOf(const MimeMessage& mime, const ImapSection& section, const MimePart& part)
{
    if (section.part.isEmpty())
        return &part;
    return mime.encapsulated(part);
}

} // namespace

ImapSectionReader::ImapSectionReader(QByteArray message)
    : m_message(message)
    , m_mime(std::make_unique<mail::MimeMessage>(std::move(message)))
{}

ImapSectionReader::~ImapSectionReader() = default;

QByteArray ImapSectionReader::section(const ImapSection& section) const
{
    const MimePart* part = m_mime->partByNumber(section.part);
    if (!part)
        return {};
    switch (section.text) {
    case ImapSection::Text::Whole:
        if (section.part.isEmpty())
            return m_message;
        return m_mime->body(*part).toByteArray();
    case ImapSection::Text::Mime:
        // RFC 9051 6.4.5: MIME needs a part number; the part's own header.
        if (section.part.isEmpty())
            return {};
        return m_mime->header(*part).toByteArray();
    case ImapSection::Text::Header:
    case ImapSection::Text::HeaderFields:
    case ImapSection::Text::HeaderFieldsNot:
    case ImapSection::Text::Text:
        break;
    }
    const MimePart* message = messageOf(*m_mime, section, *part);
    if (!message)
        return {};
    switch (section.text) {
    case ImapSection::Text::Header:
        return m_mime->header(*message).toByteArray();
    case ImapSection::Text::HeaderFields:
        return headerFields(*m_mime, *message, section.fields, false);
    case ImapSection::Text::HeaderFieldsNot:
        return headerFields(*m_mime, *message, section.fields, true);
    case ImapSection::Text::Text:
        return m_mime->body(*message).toByteArray();
    case ImapSection::Text::Whole:
    case ImapSection::Text::Mime:
        break;
    }
    return {};
}

std::optional<QByteArray> ImapSectionReader::binary(const ImapSection& section) const
{
    // RFC 3516 / RFC 9051 6.4.5: BINARY takes a part number only; the whole message is sent
    // as it is.
    if (section.text != ImapSection::Text::Whole || section.part.isEmpty())
        return this->section(section);
    const MimePart* part = m_mime->partByNumber(section.part);
    if (!part)
        return QByteArray();
    return mail::decodeTransferEncoding(m_mime->body(*part), part->transferEncoding);
}

QByteArray imapPartial(const QByteArray& bytes, qint64 start, qint64 length)
{
    start = std::max<qint64>(start, 0);
    if (start >= bytes.size())
        return {};
    if (length < 0)
        return bytes.mid(static_cast<qsizetype>(start));
    return bytes.mid(static_cast<qsizetype>(start), static_cast<qsizetype>(length));
}

} // namespace pw::service
