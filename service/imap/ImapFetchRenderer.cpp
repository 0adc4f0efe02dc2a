#include "service/imap/ImapFetchRenderer.h"

#include "service/imap/ImapSectionReader.h"
#include "service/imap/ImapSelectedFolder.h"
#include "shared/mail/ImapString.h"

#include <QTimeZone>
#include <charconv>
#include <optional>

namespace pw::service {

namespace {

// Sections of the top-level header are answered from the stored header block, without the file.
bool headerOnly(const ImapSection& section)
{
    return section.part.isEmpty() &&
           (section.text == ImapSection::Text::Header || section.text == ImapSection::Text::HeaderFields ||
            section.text == ImapSection::Text::HeaderFieldsNot);
}

bool listed(QByteArrayView name, const QList<QByteArray>& names)
{
    for (const QByteArray& one : names)
        if (QByteArrayView(one).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// HEADER.FIELDS(.NOT) of the top-level header straight from its bytes: "the headers of every
// message" is what clients ask most, and it must not parse MIME. Fields as written, folded
// lines included, then the empty line (RFC 9051 6.4.5).
QByteArray topHeaderFields(const QByteArray& header, const QList<QByteArray>& names, bool exclude)
{
    QByteArray out;
    qsizetype pos = 0;
    bool keep = false;
    while (pos < header.size()) {
        qsizetype end = header.indexOf('\n', pos);
        end = end < 0 ? header.size() : end + 1;
        const QByteArrayView line(header.constData() + pos, end - pos);
        if (line == "\r\n" || line == "\n")
            break;
        if (line.front() != ' ' && line.front() != '\t') {
            const qsizetype colon = line.indexOf(':');
            keep = colon > 0 && listed(line.first(colon).trimmed(), names) != exclude;
        }
        if (keep) {
            out.append(line);
            if (!line.endsWith('\n'))
                out.append("\r\n");
            else if (!line.endsWith("\r\n"))
                out.insert(out.size() - 1, '\r');
        }
        pos = end;
    }
    out.append("\r\n");
    return out;
}

// The bytes of a section that needs no MIME parsing, or nullopt.
std::optional<QByteArray> plainSection(const ImapSection& section, const QByteArray& header,
                                       const QByteArray& content)
{
    if (!section.part.isEmpty())
        return std::nullopt;
    switch (section.text) {
    case ImapSection::Text::Whole:
        return content;
    case ImapSection::Text::Header:
        return header;
    case ImapSection::Text::HeaderFields:
    case ImapSection::Text::HeaderFieldsNot:
        return topHeaderFields(header, section.fields, section.text == ImapSection::Text::HeaderFieldsNot);
    default:
        return std::nullopt;
    }
}

// Digits straight into the answer: FETCH FLAGS of 10,000 messages formats 20,000 numbers.
void appendNumber(QByteArray& out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

void appendOrigin(QByteArray& out, const ImapFetchItem& item)
{
    if (item.partialStart >= 0)
        out += '<' + QByteArray::number(item.partialStart) + '>';
}

} // namespace

QByteArray imapSectionSpec(const ImapSection& section)
{
    QByteArray spec;
    for (const int part : section.part) {
        if (!spec.isEmpty())
            spec += '.';
        spec += QByteArray::number(part);
    }
    QByteArray text;
    switch (section.text) {
    case ImapSection::Text::Whole:
        break;
    case ImapSection::Text::Header:
        text = "HEADER";
        break;
    case ImapSection::Text::HeaderFields:
    case ImapSection::Text::HeaderFieldsNot:
        text = section.text == ImapSection::Text::HeaderFields ? "HEADER.FIELDS (" : "HEADER.FIELDS.NOT (";
        for (qsizetype i = 0; i < section.fields.size(); ++i) {
            if (i > 0)
                text += ' ';
            text += mail::imapAstring(section.fields.at(i));
        }
        text += ')';
        break;
    case ImapSection::Text::Text:
        text = "TEXT";
        break;
    case ImapSection::Text::Mime:
        text = "MIME";
        break;
    }
    if (!text.isEmpty())
        spec += spec.isEmpty() ? text : '.' + text;
    return spec;
}

QByteArray imapDateTime(const QDateTime& date)
{
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = date.isValid() ? date.toUTC() : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray::number(d.day()).rightJustified(2, '0') + '-' + months[d.month() - 1] + '-' +
           QByteArray::number(d.year()).rightJustified(4, '0') + ' ' +
           QByteArray::number(t.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.second()).rightJustified(2, '0') + " +0000";
}

ImapFetchRenderer::ImapFetchRenderer(const QList<ImapFetchItem>& items)
    : m_items(items)
{
    using K = ImapFetchItem::Kind;
    for (const ImapFetchItem& item : items) {
        switch (item.kind) {
        case K::Envelope:
        case K::BodyStructure:
        case K::Body:
            m_needsStructure = true;
            m_needsSummary = true;
            break;
        case K::Rfc822Header:
            m_needsSummary = true;
            break;
        case K::Section:
            if (headerOnly(item.section))
                m_needsSummary = true;
            else
                m_needsContent = true;
            m_setsSeen = m_setsSeen || !item.peek;
            break;
        case K::Binary:
        case K::BinarySize:
            m_needsContent = true;
            m_setsSeen = m_setsSeen || (item.kind == K::Binary && !item.peek);
            break;
        case K::Rfc822:
        case K::Rfc822Text:
            m_needsContent = true;
            m_setsSeen = true;
            break;
        case K::Flags:
            m_wantsFlags = true;
            break;
        default:
            break;
        }
    }
}

bool ImapFetchRenderer::render(const Message& message, Extra extra, QByteArray& out) const
{
    using K = ImapFetchItem::Kind;
    const FolderMessage& row = *message.row;
    const QByteArray empty;
    const QByteArray& content = message.content ? *message.content : empty;
    const QByteArray& header = message.summary ? message.summary->header : empty;
    std::optional<ImapSectionReader> reader; // of the whole message, made on first use
    bool binaryOk = true;

    out += "* ";
    appendNumber(out, message.sequence);
    out += " FETCH (";
    const qsizetype start = out.size();
    const auto item = [&out, start](QByteArrayView name) {
        if (out.size() > start)
            out += ' ';
        out += name;
    };
    const auto flags = [this, &out, &item, &row] {
        item("FLAGS ");
        // The view shares one list per flag set, so its data pointer names the set.
        const void* key = row.flags.constData();
        auto cached = m_flagText.constFind(key);
        if (cached == m_flagText.cend())
            cached = m_flagText.insert(key, imapFlagList(row.flags));
        out += *cached;
    };
    const auto number = [&out, &item](const char* name, qint64 value) {
        item(name);
        appendNumber(out, value);
    };
    bool uidDone = false;
    bool flagsDone = false;
    bool modseqDone = false;
    for (const ImapFetchItem& fetch : m_items) {
        switch (fetch.kind) {
        case K::Flags:
            if (!flagsDone)
                flags();
            flagsDone = true;
            break;
        case K::Uid:
            if (!uidDone)
                number("UID ", row.uid);
            uidDone = true;
            break;
        case K::ModSeq:
            if (!modseqDone)
                item("MODSEQ (" + QByteArray::number(row.modseq) + ')');
            modseqDone = true;
            break;
        case K::InternalDate:
            item("INTERNALDATE \"" + imapDateTime(row.internalDate) + '"');
            break;
        case K::Rfc822Size:
            number("RFC822.SIZE ", row.size);
            break;
        case K::Envelope:
            item("ENVELOPE " + (message.summary ? message.summary->envelope : QByteArray("NIL")));
            break;
        case K::BodyStructure:
            item("BODYSTRUCTURE " + (message.summary ? message.summary->bodyStructure : QByteArray("NIL")));
            break;
        case K::Body:
            item("BODY " + (message.summary ? message.summary->body : QByteArray("NIL")));
            break;
        case K::Rfc822Header:
            item("RFC822.HEADER ");
            mail::appendImapLiteral(out, header);
            break;
        case K::Rfc822:
            item("RFC822 ");
            mail::appendImapLiteral(out, content);
            break;
        case K::Rfc822Text: {
            if (!reader)
                reader.emplace(content);
            ImapSection text;
            text.text = ImapSection::Text::Text;
            item("RFC822.TEXT ");
            mail::appendImapLiteral(out, reader->section(text));
            break;
        }
        case K::Section: {
            std::optional<QByteArray> bytes = plainSection(fetch.section, header, content);
            if (!bytes) {
                if (!reader)
                    reader.emplace(content);
                bytes = reader->section(fetch.section);
            }
            item("BODY[" + imapSectionSpec(fetch.section) + ']');
            appendOrigin(out, fetch);
            out += ' ';
            mail::appendImapLiteral(out, imapPartial(*bytes, fetch.partialStart, fetch.partialLength));
            break;
        }
        case K::Binary:
        case K::BinarySize: {
            if (!reader)
                reader.emplace(content);
            const std::optional<QByteArray> bytes = reader->binary(fetch.section);
            if (!bytes) {
                binaryOk = false;
                break;
            }
            if (fetch.kind == K::BinarySize) {
                item("BINARY.SIZE[" + imapSectionSpec(fetch.section) + "] " +
                     QByteArray::number(bytes->size()));
                break;
            }
            item("BINARY[" + imapSectionSpec(fetch.section) + ']');
            appendOrigin(out, fetch);
            const QByteArray part = imapPartial(*bytes, fetch.partialStart, fetch.partialLength);
            // literal8 (RFC 3516) only when the bytes hold a NUL, which a literal cannot carry.
            out += part.contains('\0') ? " ~{" + QByteArray::number(part.size()) + "}\r\n" + part
                                       : ' ' + mail::imapString(part);
            break;
        }
        }
    }
    if (extra.uid && !uidDone)
        number("UID ", row.uid);
    if (extra.flags && !flagsDone)
        flags();
    if (extra.modseq && !modseqDone)
        item("MODSEQ (" + QByteArray::number(row.modseq) + ')');
    out += ")\r\n";
    return binaryOk;
}

} // namespace pw::service
