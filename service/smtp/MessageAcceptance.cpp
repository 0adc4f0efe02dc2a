#include "service/smtp/MessageAcceptance.h"

#include "service/smtp/SubmissionSigner.h"
#include "service/smtp/TraceHeaders.h"
#include "service/store/MessageStore.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/auth/dmarc/DmarcEvaluator.h"
#include "shared/mail/HeaderAddress.h"
#include "shared/mail/HeaderParser.h"
#include "shared/mail/MailAddress.h"

#include <QJsonArray>

namespace pw::service {

namespace {

// Real mail carries header lines far over RFC 5322's 998 (long To lists, badly folded
// Subjects); we refuse only what could not be a header at all.
mail::HeaderParser::Limits receivingLimits()
{
    mail::HeaderParser::Limits limits;
    limits.maxLineLength = 64 * 1024;
    limits.maxFieldSize = 256 * 1024;
    limits.maxHeaderSize = 4 * 1024 * 1024;
    limits.maxFields = 5000;
    return limits;
}

} // namespace

MessageAcceptance::MessageAcceptance(SmtpContext& context, AcceptanceInput input, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_input(std::move(input))
    , m_received(QDateTime::currentDateTimeUtc())
{
    QJsonArray recipients;
    for (const SmtpRecipient& r : std::as_const(m_input.envelope.recipients))
        recipients.append(r.address.toString());
    m_log = {{QStringLiteral("queue_id"), m_input.queueId},
             {QStringLiteral("client"), m_input.peer.address.toString()},
             {QStringLiteral("role"), smtpRoleName(m_input.peer.role)},
             {QStringLiteral("helo"), m_input.helo},
             {QStringLiteral("tls"), m_input.tlsProtocol},
             {QStringLiteral("from"), m_input.envelope.reversePath()},
             {QStringLiteral("recipients"), recipients},
             {QStringLiteral("size"), m_input.message.size()}};
    if (m_input.user)
        m_log.insert(QStringLiteral("user"), m_input.user->address);
}

void MessageAcceptance::run(Done done)
{
    m_done = std::move(done);
    const mail::HeaderParseResult parsed = mail::HeaderParser(receivingLimits()).parse(m_input.message);
    if (!parsed.ok()) {
        finish({550, "5.6.0", {tr("Malformed message header: %1").arg(parsed.error.message)}});
        return;
    }
    const QList<qsizetype> froms = parsed.header.indexesOf("From");
    if (froms.size() != 1) {
        finish({550,
                "5.6.0",
                {froms.isEmpty() ? tr("The message has no From header field")
                                 : tr("The message has more than one From header field")}});
        return;
    }
    const QByteArray fromValue = parsed.header.at(froms.first()).value();
    m_fromDomain = mail::firstAddressDomainOf(fromValue);
    m_header = parsed.header;
    if (m_input.peer.role == SmtpRole::Mx)
        checkInbound();
    else
        prepareSubmission();
}

void MessageAcceptance::checkInbound()
{
    m_context.dkimVerifier->verify(m_input.message, m_received, this,
                                   [this](const auth::DkimVerification& dkim) { evaluateDmarc(dkim); });
}

void MessageAcceptance::evaluateDmarc(const auth::DkimVerification& dkim)
{
    auth::DmarcInput input;
    input.fromDomain = m_fromDomain;
    const auto& spf = m_input.envelope.spf;
    input.spfPass = spf && spf->result == auth::SpfResult::Pass;
    input.spfDomain = m_input.envelope.from ? m_input.envelope.from->domain() : m_input.helo.toLower();
    for (const auth::DkimResult& result : dkim.results) {
        if (!result.domain.isEmpty())
            input.dkim.append({result.domain, result.status == auth::DkimStatus::Pass});
    }
    m_context.dmarc->evaluate(input, this, [this, dkim](const auth::DmarcEvaluation& dmarc) {
        m_authResults = TraceHeaders::authenticationResults(m_context.settings.hostname, m_input.envelope,
                                                            m_input.helo, dkim, dmarc);
        m_log.insert(QStringLiteral("spf"),
                     m_input.envelope.spf ? m_input.envelope.spf->toString() : QStringLiteral("none"));
        m_log.insert(QStringLiteral("dkim"), dkim.hasPass()
                                                 ? QStringLiteral("pass")
                                                 : auth::dkimStatusName(dkim.results.value(0).status));
        m_log.insert(QStringLiteral("dmarc"), auth::dmarcStatusName(dmarc.status));
        if (dmarc.disposition == auth::DmarcDisposition::Reject) {
            finish({550,
                    "5.7.1",
                    {tr("The DMARC policy of %1 rejects this message: %2")
                         .arg(dmarc.fromDomain, dmarc.explanation)}});
            return;
        }
        // RFC 8601 5: after DKIM has seen the message as sent, results claiming our name go.
        m_input.message = TraceHeaders::withoutForgedResults(m_input.message, m_context.settings.hostname);
        const QByteArray prefix = TraceHeaders::returnPath(m_input.envelope) + m_authResults +
                                  TraceHeaders::received(m_context.settings.hostname, m_input, m_received);
        if (dmarc.disposition == auth::DmarcDisposition::Quarantine) {
            m_log.insert(QStringLiteral("folder"), QStringLiteral("Junk"));
            deliver(prefix, QStringLiteral("Junk"), {QStringLiteral("$Junk")});
            return;
        }
        deliver(prefix, QStringLiteral("INBOX"), {});
    });
}

void MessageAcceptance::prepareSubmission()
{
    const QByteArray fromValue = m_header.field("From")->value();
    const auto from = mail::MailAddress::parse(mail::firstAddressOf(fromValue));
    const QStringList own = m_context.directory->sendAddresses(m_input.user->id);
    if (mail::addressCountOf(fromValue) != 1 || !from ||
        !own.contains(from->canonical(), Qt::CaseInsensitive)) {
        finish({550, "5.7.1", {tr("The From address is not one of yours")}});
        return;
    }
    QByteArray message =
        SubmissionSigner::completeHeader(m_input.message, m_header, m_context.settings.hostname, m_received);
    QString signError;
    const QByteArray signatures =
        SubmissionSigner(m_context.dkimSigners).sign(from->domain(), message, m_received, &signError);
    if (!signError.isEmpty())
        m_log.insert(QStringLiteral("dkim_sign_error"), signError);
    m_log.insert(QStringLiteral("dkim_signed"), !signatures.isEmpty());
    m_input.message = signatures + message;
    deliver(TraceHeaders::returnPath(m_input.envelope) +
                TraceHeaders::received(m_context.settings.hostname, m_input, m_received),
            QStringLiteral("INBOX"), {});
}

void MessageAcceptance::deliver(const QByteArray& prefix, const QString& folder, const QStringList& flags)
{
    Delivery delivery;
    delivery.message = prefix + m_input.message;
    delivery.internalDate = m_received;
    delivery.sessionId = m_input.peer.sessionId;
    QList<qint64> seen;
    for (const SmtpRecipient& recipient : std::as_const(m_input.envelope.recipients)) {
        for (const MailboxInfo& mailbox : recipient.mailboxes) {
            // One copy per mailbox even when several recipients (aliases) lead to it.
            if (seen.contains(mailbox.id))
                continue;
            seen.append(mailbox.id);
            delivery.targets.append(DeliveryTarget{mailbox.id, folder, flags});
        }
    }
    m_log.insert(QStringLiteral("size"), delivery.message.size());
    m_context.store->deliver(
        std::move(delivery), this,
        [this](const StoreResult& result, const DeliveryReceipt& receipt) { delivered(result, receipt); });
}

void MessageAcceptance::delivered(const StoreResult& result, const DeliveryReceipt& receipt)
{
    if (!result.ok()) {
        m_log.insert(QStringLiteral("store_error"), result.message);
        if (result.code == StoreErrorCode::DiskFull)
            finish({452, "4.3.1", {tr("Insufficient system storage; try again later")}});
        else
            finish({451, "4.3.0", {tr("Local error in processing; try again later")}});
        return;
    }
    if (receipt.storedCount() == 0) {
        bool full = false;
        for (const DeliveryReceipt::Target& target : receipt.targets)
            full = full || target.outcome == DeliveryReceipt::TargetOutcome::OverQuota;
        if (full)
            finish({552, "5.2.2", {tr("Mailbox full")}});
        else // removed between RCPT and the end of the data
            finish({550, "5.1.1", {tr("No mailbox here by that name")}});
        return;
    }
    int overQuota = 0;
    for (const DeliveryReceipt::Target& target : receipt.targets)
        overQuota += target.outcome != DeliveryReceipt::TargetOutcome::Stored ? 1 : 0;
    if (overQuota > 0)
        m_log.insert(QStringLiteral("not_stored"), overQuota);
    m_log.insert(QStringLiteral("file"), receipt.file);
    finish({250, "2.0.0", {tr("OK: queued as %1").arg(m_input.queueId)}});
}

void MessageAcceptance::finish(const SmtpReply& reply)
{
    m_log.insert(QStringLiteral("result"),
                 reply.isPositive() ? QStringLiteral("accepted") : QStringLiteral("rejected"));
    if (m_done) {
        const Done done = std::move(m_done);
        m_done = nullptr;
        done(reply, m_log);
    }
}

} // namespace pw::service
