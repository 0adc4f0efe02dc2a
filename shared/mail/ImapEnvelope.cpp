#include "shared/mail/ImapEnvelope.h"

#include "shared/mail/EnvelopeAddress.h"
#include "shared/mail/ImapString.h"

#include <array>

namespace pw::mail {

namespace {

enum Field
{
    Date,
    Subject,
    From,
    Sender,
    ReplyTo,
    To,
    Cc,
    Bcc,
    InReplyTo,
    MessageId,
    FieldCount
};

constexpr std::array<QByteArrayView, FieldCount> fieldNames = {
    "Date", "Subject", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "In-Reply-To", "Message-ID"};

void appendAddresses(QByteArray& out, const QList<EnvelopeAddress>& addresses)
{
    if (addresses.isEmpty()) {
        out.append("NIL");
        return;
    }
    out.append('(');
    for (const EnvelopeAddress& address : addresses) {
        out.append('(');
        appendImapNStringForHumans(out, address.name);
        out.append(' ');
        appendImapNString(out, address.route);
        out.append(' ');
        appendImapNString(out, address.mailbox);
        out.append(' ');
        appendImapNString(out, address.host);
        out.append(')');
    }
    out.append(')');
}

} // namespace

void appendImapEnvelope(QByteArray& out, const MimeMessage& message, const MimePart& part)
{
    if (!part.isMessage) {
        out.append("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
        return;
    }
    // As Dovecot: of the string fields the last one counts, the address fields add up (a
    // message with two From fields shows both).
    std::array<const MimeField*, FieldCount> last{};
    std::array<QList<const MimeField*>, FieldCount> all{};
    for (const MimeField& field : part.fields) {
        const QByteArrayView name = message.fieldName(field);
        for (int i = 0; i < FieldCount; ++i) {
            if (name.size() == fieldNames[i].size() &&
                name.compare(fieldNames[i], Qt::CaseInsensitive) == 0) {
                last[i] = &field;
                all[i].append(&field);
                break;
            }
        }
    }
    const auto value = [&](Field field) {
        if (!last[field])
            return QByteArray();
        QByteArray text = message.fieldValue(*last[field]);
        return text.isNull() ? QByteArray("") : text;
    };
    const auto addresses = [&](Field field) {
        QList<EnvelopeAddress> list;
        for (const MimeField* occurrence : all[field])
            list.append(parseEnvelopeAddresses(message.fieldValue(*occurrence)));
        return list;
    };

    out.append('(');
    appendImapNString(out, value(Date));
    out.append(' ');
    // The subject goes with its folding, which appendImapStringForHumans() takes out (and
    // Dovecot then sends a literal).
    if (last[Subject])
        appendImapStringForHumans(out, message.fieldRawValue(*last[Subject]));
    else
        out.append("NIL");
    const QList<EnvelopeAddress> from = addresses(From);
    out.append(' ');
    appendAddresses(out, from);
    const QList<EnvelopeAddress> sender = addresses(Sender);
    out.append(' ');
    appendAddresses(out, sender.isEmpty() ? from : sender);
    const QList<EnvelopeAddress> replyTo = addresses(ReplyTo);
    out.append(' ');
    appendAddresses(out, replyTo.isEmpty() ? from : replyTo);
    for (const Field field : {To, Cc, Bcc}) {
        out.append(' ');
        appendAddresses(out, addresses(field));
    }
    out.append(' ');
    appendImapNString(out, value(InReplyTo));
    out.append(' ');
    appendImapNString(out, value(MessageId));
    out.append(')');
}

QByteArray imapEnvelope(const MimeMessage& message, const MimePart& part)
{
    QByteArray out;
    appendImapEnvelope(out, message, part);
    return out;
}

} // namespace pw::mail
