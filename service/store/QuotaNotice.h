#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace pw::service {

// The message a mailbox gets when it crosses 80 % or 95 % of its quota: from its domain's
// postmaster, in plain words, marked auto-generated (RFC 3834) so that nobody answers it.
class QuotaNotice
{
    Q_DECLARE_TR_FUNCTIONS(pw::service::QuotaNotice)

public:
    [[nodiscard]] static QByteArray compose(const QString& address, const QString& domain, int percent,
                                            qint64 usedBytes, qint64 quotaBytes, const QDateTime& now);
};

} // namespace pw::service
