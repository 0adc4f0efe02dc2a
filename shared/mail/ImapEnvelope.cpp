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
    std::array<const MimeField*, FieldCount> found{};
    int missing = FieldCount;
    for (const MimeField& field : part.fields) {
        const QByteArrayView name = message.fieldName(field);
        for (int i = 0; i < FieldCount; ++i) {
            if (!found[i] && name.size() == fieldNames[i].size() &&
                name.compare(fieldNames[i], Qt::CaseInsensitive) == 0) {
                found[i] = &field;
                --missing;
                break;
            }
        }
        if (missing == 0)
            break;
    }
    const auto value = [&](Field field) {
        if (!found[field])
            return QByteArray();
        QByteArray text = message.fieldValue(*found[field]);
        return text.isNull() ? QByteArray("") : text;
    };
    const auto addresses = [&](Field field) {
        return found[field] ? parseEnvelopeAddresses(message.fieldValue(*found[field]))
                            : QList<EnvelopeAddress>();
    };

    out.append('(');
    appendImapNString(out, value(Date));
    out.append(' ');
    appendImapNStringForHumans(out, value(Subject));
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
