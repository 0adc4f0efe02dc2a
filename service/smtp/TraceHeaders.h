#pragma once

#include "service/smtp/SmtpEnvelope.h"
#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/dmarc/DmarcResult.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pw::service {

struct AcceptanceInput;

// The header fields a receiving server adds on top of a message: Return-Path (RFC 5321 4.4),
// Received (RFC 5321 4.4, with RFC 3848 protocol names) and Authentication-Results (RFC 8601).
// Each returns whole folded fields ending in CRLF.
class TraceHeaders
{
public:
    [[nodiscard]] static QByteArray returnPath(const SmtpEnvelope& envelope);
    [[nodiscard]] static QByteArray received(const QString& hostname, const AcceptanceInput& input,
                                             const QDateTime& when);
    [[nodiscard]] static QByteArray authenticationResults(const QString& authservId,
                                                          const SmtpEnvelope& envelope, const QString& helo,
                                                          const auth::DkimVerification& dkim,
                                                          const auth::DmarcEvaluation& dmarc);
    // RFC 8601 5: Authentication-Results fields that claim to be ours (same authserv-id) were
    // forged upstream; they are removed before ours is added.
    [[nodiscard]] static QByteArray withoutForgedResults(const QByteArray& message,
                                                         const QString& authservId);
    // RFC 5322 3.3 date-time, in UTC.
    [[nodiscard]] static QByteArray dateTime(const QDateTime& when);
};

} // namespace pw::service
