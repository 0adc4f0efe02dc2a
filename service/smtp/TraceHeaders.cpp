#include "service/smtp/TraceHeaders.h"

#include "service/smtp/MessageAcceptance.h"
#include "shared/mail/HeaderParser.h"

#include <QLocale>

namespace pw::service {

namespace {

// Only what may stand in a header comment or a token: no CR, LF, parentheses or backslashes
// from the client's HELO reach our header.
QByteArray sanitized(const QString& text)
{
    QByteArray out = text.toUtf8();
    for (char& c : out) {
        if (c == '\r' || c == '\n' || c == '(' || c == ')' || c == '\\' || c == ';' || c == '"')
            c = '_';
    }
    return out.left(255);
}

} // namespace

QByteArray TraceHeaders::dateTime(const QDateTime& when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
           " +0000";
}

QByteArray TraceHeaders::returnPath(const SmtpEnvelope& envelope)
{
    return "Return-Path: <" + envelope.reversePath().toUtf8() + ">\r\n";
}

QByteArray TraceHeaders::received(const QString& hostname, const AcceptanceInput& input,
                                  const QDateTime& when)
{
    QByteArray field = "Received: from " + sanitized(input.helo) + " ([" +
                       input.peer.address.toString().toLatin1() + "])\r\n\tby " + hostname.toUtf8() +
                       " (Postwarden) with " + input.protocol.toLatin1() + " id " + input.queueId.toLatin1();
    if (!input.tlsProtocol.isEmpty())
        field += "\r\n\t(using " + sanitized(input.tlsProtocol) + " with cipher " +
                 sanitized(input.tlsCipher) + ")";
    // One recipient is named; several are not, so that Bcc recipients stay hidden from each other.
    if (input.envelope.recipients.size() == 1)
        field += "\r\n\tfor <" + input.envelope.recipients.first().address.toString().toUtf8() + ">";
    field += ";\r\n\t" + dateTime(when) + "\r\n";
    return field;
}

QByteArray TraceHeaders::authenticationResults(const QString& authservId, const SmtpEnvelope& envelope,
                                               const QString& helo, const auth::DkimVerification& dkim,
                                               const auth::DmarcEvaluation& dmarc)
{
    QByteArray field = "Authentication-Results: " + authservId.toUtf8();
    const QString spf = envelope.spf ? envelope.spf->toString() : QStringLiteral("none");
    if (envelope.from)
        field += ";\r\n\tspf=" + spf.toLatin1() + " smtp.mailfrom=" + envelope.from->toString().toUtf8();
    else
        field += ";\r\n\tspf=" + spf.toLatin1() + " smtp.helo=" + sanitized(helo);
    if (envelope.from && envelope.heloSpf)
        field += ";\r\n\tspf=" + envelope.heloSpf->toString().toLatin1() + " smtp.helo=" + sanitized(helo);
    for (const auth::DkimResult& result : dkim.results) {
        field += ";\r\n\tdkim=" + auth::dkimStatusName(result.status).toLatin1();
        if (!result.reasonText.isEmpty() && result.status != auth::DkimStatus::Pass)
            field += " (" + sanitized(result.reasonText) + ")";
        if (!result.domain.isEmpty())
            field += " header.d=" + result.domain.toUtf8();
        if (!result.selector.isEmpty())
            field += " header.s=" + sanitized(result.selector);
        if (!result.headerB.isEmpty())
            field += " header.b=" + sanitized(result.headerB);
    }
    field += ";\r\n\tdmarc=" + auth::dmarcStatusName(dmarc.status).toLatin1();
    if (dmarc.status != auth::DmarcStatus::None && dmarc.record)
        field += " (p=" + auth::dmarcPolicyName(dmarc.appliedPolicy).toLatin1() +
                 " dis=" + auth::dmarcDispositionName(dmarc.disposition).toUpper().toLatin1() + ")";
    if (!dmarc.fromDomain.isEmpty())
        field += " header.from=" + dmarc.fromDomain.toUtf8();
    return field + "\r\n";
}

QByteArray TraceHeaders::withoutForgedResults(const QByteArray& message, const QString& authservId)
{
    const mail::HeaderParseResult parsed = mail::HeaderParser().parse(message);
    if (!parsed.ok())
        return message;
    const QByteArray id = authservId.toUtf8().toLower();
    QByteArray out;
    bool removed = false;
    for (const mail::HeaderField& field : parsed.header.fields()) {
        if (field.hasName("Authentication-Results")) {
            const QByteArray value = field.value().toLower();
            const QByteArray rest = value.mid(id.size());
            if (value.startsWith(id) &&
                (rest.isEmpty() || rest.at(0) == ';' || rest.at(0) == ' ' || rest.at(0) == '\t')) {
                removed = true;
                continue;
            }
        }
        out += field.raw();
    }
    if (!removed)
        return message;
    return out + message.mid(parsed.header.bodyOffset() - (parsed.header.hasSeparator() ? 2 : 0));
}

} // namespace pw::service
