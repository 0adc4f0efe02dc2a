#include "shared/mail/MessageSummary.h"

#include "shared/mail/EncodedWords.h"
#include "shared/mail/HtmlText.h"
#include "shared/mail/ImapBodyStructure.h"
#include "shared/mail/ImapEnvelope.h"
#include "shared/mail/MessageDate.h"
#include "shared/mail/MimeMessage.h"
#include "shared/mail/TransferEncoding.h"

namespace pw::mail {

namespace {

// Enough encoded bytes to give `characters` characters of text: UTF-8 takes up to 4 bytes a
// character, quoted-printable 3 bytes a byte, and HTML spends more on markup than on text.
qsizetype inputBudget(qsizetype characters)
{
    return characters > MessageSummary::maxBodyText ? characters : characters * 16 + 4096;
}

bool isPlainAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return !text.contains("=?");
}

QString headerTextOf(const MimeMessage& mime, const MimePart& part)
{
    QString text;
    text.reserve(mime.header(part).size());
    for (const MimeField& field : part.fields) {
        text.append(QLatin1StringView(mime.fieldName(field)));
        text.append(u": ");
        const QByteArray value = mime.fieldValue(field);
        // Most fields need no decoding at all; skip the detour through a QString of their own.
        if (isPlainAscii(value))
            text.append(QLatin1StringView(value));
        else
            text.append(decodeEncodedWords(value));
        text.append(u'\n');
    }
    return text;
}

QString bodyTextOf(const MimeMessage& mime)
{
    QString text;
    for (const MimePart& part : mime.parts()) {
        const qsizetype remaining = MessageSummary::maxBodyText - text.size();
        if (remaining <= 0)
            break;
        if (!part.isText() || !part.children.isEmpty() || part.bodySize() == 0)
            continue;
        const QByteArrayView encoded =
            mime.body(part).first(std::min(mime.body(part).size(), inputBudget(remaining)));
        const std::optional<QByteArray> decoded = decodeTransferEncoding(encoded, part.transferEncoding);
        const QByteArrayView bytes = decoded ? QByteArrayView(*decoded) : encoded;
        QString partText = decodeText(bytes, part.parameter("charset"));
        if (part.subtype == "html")
            partText = htmlToText(partText, remaining);
        if (partText.trimmed().isEmpty())
            continue;
        if (!text.isEmpty())
            text.append(u'\n');
        text.append(partText.left(MessageSummary::maxBodyText - text.size()));
    }
    if (text.size() > MessageSummary::maxBodyText)
        text.truncate(MessageSummary::maxBodyText);
    return text;
}

} // namespace

MessageSummary summarizeMessage(const QByteArray& message)
{
    const MimeMessage mime(message);
    const MimePart& root = mime.root();
    MessageSummary summary;
    summary.header = message.left(root.headerEnd);
    summary.envelope = imapEnvelope(mime, root);
    summary.bodyStructure = imapBodyStructure(mime, root, true);
    summary.body = imapBodyStructure(mime, root, false);
    if (const MimeField* date = mime.field(root, "Date"))
        summary.sentDate = parseMessageDate(mime.fieldValue(*date));
    summary.headerText = headerTextOf(mime, root);
    summary.bodyText = bodyTextOf(mime);
    return summary;
}

} // namespace pw::mail
