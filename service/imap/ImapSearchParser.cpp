#include "service/imap/ImapSearchParser.h"

namespace pw::service {

namespace {

using Kind = ImapSearchKey::Kind;

enum class Argument
{
    None,
    String,  // astring
    Date,    // search date
    Keyword, // flag-keyword
    Size,    // number64
    Set,     // sequence set
};

struct KeyName
{
    const char* name;
    Kind kind;
    Argument argument;
};

const KeyName keyNames[] = {
    {"ALL", Kind::All, Argument::None},
    {"ANSWERED", Kind::Answered, Argument::None},
    {"BCC", Kind::Bcc, Argument::String},
    {"BEFORE", Kind::Before, Argument::Date},
    {"BODY", Kind::Body, Argument::String},
    {"CC", Kind::Cc, Argument::String},
    {"DELETED", Kind::Deleted, Argument::None},
    {"DRAFT", Kind::Draft, Argument::None},
    {"FLAGGED", Kind::Flagged, Argument::None},
    {"FROM", Kind::From, Argument::String},
    {"KEYWORD", Kind::Keyword, Argument::Keyword},
    {"LARGER", Kind::Larger, Argument::Size},
    {"NEW", Kind::New, Argument::None},
    {"OLD", Kind::Old, Argument::None},
    {"ON", Kind::On, Argument::Date},
    {"RECENT", Kind::Recent, Argument::None},
    {"SEEN", Kind::Seen, Argument::None},
    {"SENTBEFORE", Kind::SentBefore, Argument::Date},
    {"SENTON", Kind::SentOn, Argument::Date},
    {"SENTSINCE", Kind::SentSince, Argument::Date},
    {"SINCE", Kind::Since, Argument::Date},
    {"SMALLER", Kind::Smaller, Argument::Size},
    {"SUBJECT", Kind::Subject, Argument::String},
    {"TEXT", Kind::Text, Argument::String},
    {"TO", Kind::To, Argument::String},
    {"UID", Kind::Uid, Argument::Set},
    {"UNANSWERED", Kind::Unanswered, Argument::None},
    {"UNDELETED", Kind::Undeleted, Argument::None},
    {"UNDRAFT", Kind::Undraft, Argument::None},
    {"UNFLAGGED", Kind::Unflagged, Argument::None},
    {"UNKEYWORD", Kind::Unkeyword, Argument::Keyword},
    {"UNSEEN", Kind::Unseen, Argument::None},
};

// Consumes `word` (case-insensitive) when it is the next whole word.
bool skipWord(ImapTokenizer& tokens, const char* word)
{
    const qsizetype start = tokens.position();
    if (tokens.readKeywordUpper() == word && (tokens.peek() == ' ' || tokens.atEnd()))
        return true;
    tokens.rewind(start);
    return false;
}

} // namespace

bool ImapSearchParser::parse(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing search criteria");
    if (!tokens.expectArgument(missing))
        return false;
    ImapSearchParser parser(tokens);
    if (skipWord(tokens, "RETURN")) {
        if (!parser.parseReturn(command) || !tokens.expectArgument(missing))
            return false;
    }
    if (skipWord(tokens, "CHARSET")) {
        if (!tokens.expectArgument(QStringLiteral("Missing charset")) ||
            !tokens.readAstring(command.charset, QStringLiteral("Missing charset")))
            return false;
        command.charset = command.charset.toUpper();
        if (!tokens.expectArgument(missing))
            return false;
    }
    command.search = ImapSearchKey{};
    command.search.kind = Kind::And;
    for (;;) {
        ImapSearchKey key;
        if (!parser.parseKey(key, 1))
            return false;
        command.search.children.append(std::move(key));
        if (tokens.atEnd())
            return true;
        if (!tokens.expectArgument(missing))
            return false;
    }
}

bool ImapSearchParser::parseReturn(ImapCommand& command)
{
    const QString invalid = QStringLiteral("Invalid search return options");
    if (!m_tokens.expect(' ', invalid) || !m_tokens.expect('(', invalid))
        return false;
    command.searchReturn = true;
    if (m_tokens.skip(')')) {
        command.returnOptions.append(QByteArrayLiteral("ALL")); // RFC 4731: "()" means ALL
        return true;
    }
    for (;;) {
        QByteArray option;
        if (!m_tokens.readAtomUpper(option, invalid))
            return false;
        if (option == "SAVE")
            return m_tokens.fail(QStringLiteral("SEARCHRES is not supported"));
        if (option != "MIN" && option != "MAX" && option != "ALL" && option != "COUNT")
            return m_tokens.fail(QStringLiteral("Unknown search return option"));
        if (!command.returnOptions.contains(option))
            command.returnOptions.append(option);
        if (m_tokens.skip(')'))
            return true;
        if (!m_tokens.expect(' ', invalid))
            return false;
    }
}

bool ImapSearchParser::parseKey(ImapSearchKey& key, int depth)
{
    if (depth > maxDepth)
        return m_tokens.fail(QStringLiteral("Search program too deeply nested"));
    if (++m_keys > maxKeys)
        return m_tokens.fail(QStringLiteral("Too many search keys"));
    const char first = m_tokens.peek();
    if (m_tokens.skip('(')) {
        key.kind = Kind::And;
        if (m_tokens.peek() == ')')
            return m_tokens.fail(QStringLiteral("Empty search list"));
        for (;;) {
            ImapSearchKey child;
            if (!parseKey(child, depth + 1))
                return false;
            key.children.append(std::move(child));
            if (m_tokens.skip(')'))
                return true;
            if (!m_tokens.expect(' ', QStringLiteral("Invalid search list")))
                return false;
        }
    }
    if ((first >= '0' && first <= '9') || first == '*' || first == '$') {
        key.kind = Kind::SequenceSet;
        return m_tokens.readSequenceSet(key.set);
    }
    QByteArray name;
    if (!m_tokens.readAtomUpper(name, QStringLiteral("Invalid search key")))
        return false;
    const QString missing = QStringLiteral("Missing search argument");
    if (name == "NOT") {
        key.kind = Kind::Not;
        key.children.resize(1);
        return m_tokens.expectArgument(missing) && parseKey(key.children[0], depth + 1);
    }
    if (name == "OR") {
        key.kind = Kind::Or;
        key.children.resize(2);
        return m_tokens.expectArgument(missing) && parseKey(key.children[0], depth + 1) &&
               m_tokens.expectArgument(missing) && parseKey(key.children[1], depth + 1);
    }
    if (name == "HEADER") {
        key.kind = Kind::Header;
        return m_tokens.expectArgument(missing) && m_tokens.readAstring(key.headerField, missing) &&
               m_tokens.expectArgument(missing) && m_tokens.readAstring(key.text, missing);
    }
    if (name == "MODSEQ") {
        key.kind = Kind::ModSeq;
        return m_tokens.expectArgument(missing) && parseModSeq(key);
    }
    for (const KeyName& entry : keyNames) {
        if (name != entry.name)
            continue;
        key.kind = entry.kind;
        if (entry.argument == Argument::None)
            return true;
        if (!m_tokens.expectArgument(missing))
            return false;
        switch (entry.argument) {
        case Argument::None:
            return true;
        case Argument::String:
            return m_tokens.readAstring(key.text, missing);
        case Argument::Date:
            return m_tokens.readDate(key.date);
        case Argument::Keyword:
            return m_tokens.readAtom(key.text, QStringLiteral("Invalid keyword"));
        case Argument::Size:
            return m_tokens.readNumber(key.number, ImapTokenizer::maxNumber64, false,
                                       QStringLiteral("Invalid size"));
        case Argument::Set:
            return m_tokens.readSequenceSet(key.set);
        }
    }
    return m_tokens.fail(QStringLiteral("Unknown search key"));
}

bool ImapSearchParser::parseModSeq(ImapSearchKey& key)
{
    // RFC 7162: MODSEQ [entry-name SP entry-type-req SP] mod-sequence-valzer. We keep no
    // per-flag modseqs, so the entry is checked for syntax and then ignored.
    if (m_tokens.peek() == '"') {
        QByteArray entry;
        QByteArray type;
        if (!m_tokens.readQuoted(entry) || !m_tokens.expect(' ', QStringLiteral("Invalid MODSEQ entry")) ||
            !m_tokens.readAtomUpper(type, QStringLiteral("Invalid MODSEQ entry type")))
            return false;
        if (type != "PRIV" && type != "SHARED" && type != "ALL")
            return m_tokens.fail(QStringLiteral("Invalid MODSEQ entry type"));
        if (!m_tokens.expectArgument(QStringLiteral("Missing MODSEQ value")))
            return false;
    }
    return m_tokens.readNumber(key.number, ImapTokenizer::maxNumber64, false,
                               QStringLiteral("Invalid MODSEQ value"));
}

} // namespace pw::service
