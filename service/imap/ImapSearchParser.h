#pragma once

#include "service/imap/ImapCommand.h"
#include "service/imap/ImapTokenizer.h"

namespace pw::service {

// The SEARCH arguments: RETURN options (ESEARCH), CHARSET and the search program, with NOT, OR
// and parenthesized lists nesting at most maxDepth deep. Part of ImapCommandParser.
class ImapSearchParser
{
public:
    static constexpr int maxDepth = 64;
    static constexpr int maxKeys = 10000;

    static bool parse(ImapTokenizer& tokens, ImapCommand& command);

private:
    explicit ImapSearchParser(ImapTokenizer& tokens)
        : m_tokens(tokens)
    {}
    bool parseReturn(ImapCommand& command);
    bool parseKey(ImapSearchKey& key, int depth);
    bool parseModSeq(ImapSearchKey& key);

    ImapTokenizer& m_tokens;
    int m_keys = 0;
};

} // namespace pw::service
