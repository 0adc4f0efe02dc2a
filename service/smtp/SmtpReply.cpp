#include "service/smtp/SmtpReply.h"

namespace pw::service {

namespace {

// A reply line must never carry its own line end: text that echoes client input could
// otherwise forge further replies.
QByteArray oneLine(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    for (char& c : bytes) {
        if (c == '\r' || c == '\n' || c == '\0')
            c = ' ';
    }
    return bytes;
}

} // namespace

QByteArray SmtpReply::toWire() const
{
    const QByteArray number = QByteArray::number(code);
    QByteArray wire;
    if (lines.isEmpty()) {
        wire = number;
        if (!enhanced.isEmpty())
            wire += ' ' + enhanced;
        wire += "\r\n";
        return wire;
    }
    // RFC 5321 4.2.1: "250-" on every line but the last; RFC 2034 4: the enhanced code on each.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        QByteArray text = oneLine(lines.at(i));
        if (!enhanced.isEmpty())
            text = text.isEmpty() ? enhanced : enhanced + ' ' + text;
        wire += number;
        // The final line's text is optional, and without text it has no space either.
        if (!last)
            wire += '-';
        else if (!text.isEmpty())
            wire += ' ';
        wire += text;
        wire += "\r\n";
    }
    return wire;
}

} // namespace pw::service
