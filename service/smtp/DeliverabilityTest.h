#pragma once

#include "service/smtp/SmtpContext.h"
#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/spf/SpfResult.h"
#include "shared/mail/MailAddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <functional>

namespace pw::service {

// A mail-tester run without leaving the server: builds the message a mail program would
// send from `from`, DKIM-signs it as submission does, then checks it as a receiving server
// would, through the service's own resolver: SPF for each public address of the server (MAIL
// FROM = from, HELO = the host name), DKIM of the signed bytes, DMARC over both.
// Deletes itself after `done` has been called.
class DeliverabilityTest : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QJsonObject& answer)>;

    // publicAddresses empty: the host name's A and AAAA records are the server's addresses.
    DeliverabilityTest(const SmtpContext& context, QList<QHostAddress> publicAddresses,
                       mail::MailAddress from, QObject* parent);

    void run(Done done);

    // The unsigned test message, CRLF line ends, with Date and Message-ID @hostname.
    [[nodiscard]] static QByteArray composeMessage(const mail::MailAddress& from, const QString& hostname,
                                                   const QDateTime& now);

private:
    void addressesKnown(const QList<QHostAddress>& addresses);
    void stepDone();
    void evaluateDmarc();

    const SmtpContext& m_context;
    QList<QHostAddress> m_addresses;
    mail::MailAddress m_from;
    QDateTime m_now;
    QByteArray m_signed;
    QString m_signError;
    Done m_done;
    int m_pending = 0;
    QList<auth::SpfResult> m_spf; // per address, in m_addresses order
    QString m_spfProblem;         // why SPF could not be checked at all
    auth::DkimVerification m_dkim;
};

} // namespace pw::service
