#pragma once

#include "service/imap/ImapCommand.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace pw::service {

struct ImapParseResult
{
    std::optional<ImapCommand> command; // set when the text is a valid command
    QByteArray tag;                     // the tag when one could be read, else "*"
    QString error;                      // for "tag BAD <error>" when command is empty
    bool unknownCommand = false;        // the command name itself is unknown
};

// Pure: one complete command as ImapInputReader assembled it (its first line, any literals
// with their bytes in place, and the lines after them, each ending in CRLF) in, a command or
// a reason out. Knows nothing of state: "FETCH before SELECT" is the session's business.
// The final line end may be CRLF, LF or missing. Names and keywords are case-insensitive;
// keyword-like values come out upper-cased (see ImapCommand), "INBOX" in any case as "INBOX".
class ImapCommandParser
{
public:
    [[nodiscard]] static ImapParseResult parse(const QByteArray& text);
};

} // namespace pw::service
