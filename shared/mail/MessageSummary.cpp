#include "shared/mail/MessageSummary.h"

namespace pw::mail {

// First cut: the header block and the raw body only. The MIME parser replaces this.
MessageSummary summarizeMessage(const QByteArray& message)
{
    MessageSummary summary;
    qsizetype end = message.indexOf("\r\n\r\n");
    end = end < 0 ? message.size() : end + 4;
    summary.header = message.left(end);
    summary.envelope = "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)";
    summary.bodyStructure =
        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)";
    summary.body = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)";
    summary.headerText = QString::fromUtf8(summary.header);
    summary.bodyText = QString::fromUtf8(message.mid(end).left(MessageSummary::maxBodyText));
    return summary;
}

} // namespace pw::mail
