#pragma once

#include "service/store/Directory.h"
#include "shared/auth/spf/SpfResult.h"
#include "shared/mail/MailAddress.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw::service {

struct SmtpRecipient
{
    mail::MailAddress address;
    QList<MailboxInfo> mailboxes; // where the directory routed it
};

// One mail transaction: MAIL FROM up to the end of DATA or BDAT LAST (or RSET).
struct SmtpEnvelope
{
    bool active = false;                   // MAIL FROM was accepted
    std::optional<mail::MailAddress> from; // nullopt = the null reverse-path <>
    bool smtpUtf8 = false;
    bool eightBit = false;
    qint64 declaredSize = 0;
    QList<SmtpRecipient> recipients;
    std::optional<auth::SpfResult> spf;     // MX only: checked at MAIL FROM
    std::optional<auth::SpfResult> heloSpf; // MX only: the HELO identity, when it is a host name
    QStringList rejected;                   // "<address>: 550 5.1.1 ..." for the log
    bool logged = false;                    // its log record is written (or on its way)

    [[nodiscard]] QString reversePath() const { return from ? from->toString() : QString(); }
};

} // namespace pw::service
