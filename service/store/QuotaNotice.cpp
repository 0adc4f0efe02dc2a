#include "service/store/QuotaNotice.h"

#include <QLocale>
#include <QUuid>

namespace pw::service {

namespace {

// RFC 2047 encoded word for a header text that is not plain ASCII.
QByteArray headerText(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return "=?UTF-8?B?" + utf8.toBase64() + "?=";
    }
    return utf8;
}

} // namespace

QByteArray QuotaNotice::compose(const QString& address, const QString& domain, int percent, qint64 usedBytes,
                                qint64 quotaBytes, const QDateTime& now)
{
    const QLocale locale;
    const QString subject = tr("Your mailbox is %1 % full").arg(percent);
    QString body =
        tr("Your mailbox %1 now holds %2 of the %3 it may use (%4 %).\n"
           "\n"
           "When it is full, mail sent to you will be refused and returned to its senders.\n"
           "To make room, delete messages you no longer need, large ones first, and empty "
           "your Trash folder.\n"
           "If you need more space, ask the administrator of your mail service.\n"
           "\n"
           "This message was sent automatically; replies to it are not read.\n")
            .arg(address, locale.formattedDataSize(usedBytes), locale.formattedDataSize(quotaBytes))
            .arg(percent);
    body.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    const QByteArray domainBytes = domain.toUtf8();
    QByteArray message;
    message += "Return-Path: <>\r\n";
    message += "From: Postmaster <postmaster@" + domainBytes + ">\r\n";
    message += "To: <" + address.toUtf8() + ">\r\n";
    message += "Subject: " + headerText(subject) + "\r\n";
    message += "Date: " + now.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    message +=
        "Message-ID: <" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "@" + domainBytes + ">\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "\r\n";
    message += body.toUtf8();
    return message;
}

} // namespace pw::service
