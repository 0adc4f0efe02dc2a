#pragma once

#include "service/imap/ImapCommand.h"
#include "service/imap/ImapTokenizer.h"

namespace pw::service {

// The FETCH arguments after the sequence set: the items (a macro, one item or a list) and the
// optional fetch modifiers (CHANGEDSINCE). Part of ImapCommandParser.
class ImapFetchParser
{
public:
    static bool parse(ImapTokenizer& tokens, ImapCommand& command);

private:
    static bool parseItem(ImapTokenizer& tokens, QList<ImapFetchItem>& items);
    static bool parseSection(ImapTokenizer& tokens, ImapSection& section);
    static bool parseBinarySection(ImapTokenizer& tokens, ImapSection& section);
    static bool parsePartial(ImapTokenizer& tokens, ImapFetchItem& item);
    static bool parseModifiers(ImapTokenizer& tokens, ImapCommand& command);
};

} // namespace pw::service
