#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pw::service {

// An SMTP reply: code, RFC 3463 enhanced status (empty for 220/221/354 and the EHLO lines), and
// text lines. Rendered as "250-..." continuation lines and a final "250 ...".
struct SmtpReply
{
    int code = 250;
    QByteArray enhanced; // "2.1.0"; empty = none
    QStringList lines;

    [[nodiscard]] QByteArray toWire() const;
    [[nodiscard]] bool isPositive() const { return code < 400; }
    [[nodiscard]] bool isPermanentFailure() const { return code >= 500; }
};

} // namespace pw::service
