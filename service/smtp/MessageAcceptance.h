#pragma once

#include "service/smtp/SmtpContext.h"
#include "service/smtp/SmtpEnvelope.h"
#include "service/smtp/SmtpReply.h"
#include "service/store/Directory.h"
#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/dmarc/DmarcResult.h"
#include "shared/mail/MessageHeader.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <optional>

namespace pw::service {

struct DeliveryReceipt;
struct StoreResult;

// What the session knows when a message's data is complete.
struct AcceptanceInput
{
    SmtpPeer peer;
    QString helo;
    QString protocol; // "ESMTPS", "ESMTPSA", ... for Received
    QString tlsProtocol;
    QString tlsCipher;
    std::optional<MailboxInfo> user; // authenticated submission
    SmtpEnvelope envelope;
    QByteArray message; // as received, CRLF line ends
    QString queueId;
};

// Everything between the end of DATA and the 250: header checks; on the MX, DKIM and DMARC
// (SPF was checked at MAIL FROM) and the Authentication-Results; on submission, that the From
// address is the user's, Date/Message-ID when missing, and the DKIM signatures; the trace
// headers; and the durable delivery through the store. One object per message; the reply comes
// through `done`, exactly once, on the session's thread.
class MessageAcceptance : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SmtpReply& reply, const QJsonObject& logFields)>;

    MessageAcceptance(SmtpContext& context, AcceptanceInput input, QObject* parent = nullptr);
    void run(Done done);

private:
    void checkInbound();
    void evaluateDmarc(const auth::DkimVerification& dkim);
    void prepareSubmission();
    void deliver(const QByteArray& prefix, const QString& folder, const QStringList& flags);
    void delivered(const StoreResult& result, const DeliveryReceipt& receipt);
    void finish(const SmtpReply& reply);

    SmtpContext& m_context;
    AcceptanceInput m_input;
    Done m_done;
    QDateTime m_received;
    QString m_fromDomain;
    mail::MessageHeader m_header;
    QByteArray m_authResults;
    QJsonObject m_log;
};

} // namespace pw::service
