#include "service/smtp/SubmissionSigner.h"

#include "service/smtp/TraceHeaders.h"
#include "shared/auth/dkim/DkimSigner.h"

#include <QCoreApplication>
#include <QUuid>

namespace pw::service {

QByteArray SubmissionSigner::completeHeader(const QByteArray& message, const mail::MessageHeader& header,
                                            const QString& hostname, const QDateTime& now)
{
    QByteArray added;
    if (!header.contains("Date"))
        added += "Date: " + TraceHeaders::dateTime(now) + "\r\n";
    if (!header.contains("Message-ID"))
        added += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@" +
                 hostname.toUtf8() + ">\r\n";
    return added + message;
}

QByteArray SubmissionSigner::sign(const QString& domain, const QByteArray& message, const QDateTime& now,
                                  QString* error) const
{
    const QList<std::shared_ptr<const auth::DkimSigner>> signers =
        m_signers ? m_signers(domain) : QList<std::shared_ptr<const auth::DkimSigner>>();
    if (signers.isEmpty()) {
        *error = QCoreApplication::translate("pw::service::SubmissionSigner", "%1 has no DKIM signing key")
                     .arg(domain);
        return {};
    }
    QList<const auth::DkimSigner*> list;
    for (const auto& signer : signers)
        list.append(signer.get());
    const auth::DkimSignOutcome outcome = auth::DkimSigner::signAll(list, message, now);
    if (!outcome.ok()) {
        *error = outcome.error;
        return {};
    }
    return outcome.headerField;
}

} // namespace pw::service
