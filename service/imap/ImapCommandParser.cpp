#include "service/imap/ImapCommandParser.h"

#include "service/imap/ImapFetchParser.h"
#include "service/imap/ImapSearchParser.h"
#include "service/imap/ImapTokenizer.h"

namespace pw::service {

namespace {

using Name = ImapCommand::Name;

constexpr int maxIdPairs = 64; // RFC 2971 allows clients 30

const struct
{
    const char* name;
    Name command;
} commandNames[] = {
    {"CAPABILITY", Name::Capability},
    {"NOOP", Name::Noop},
    {"LOGOUT", Name::Logout},
    {"STARTTLS", Name::StartTls},
    {"AUTHENTICATE", Name::Authenticate},
    {"LOGIN", Name::Login},
    {"ENABLE", Name::Enable},
    {"SELECT", Name::Select},
    {"EXAMINE", Name::Examine},
    {"CREATE", Name::Create},
    {"DELETE", Name::Delete},
    {"RENAME", Name::Rename},
    {"SUBSCRIBE", Name::Subscribe},
    {"UNSUBSCRIBE", Name::Unsubscribe},
    {"LIST", Name::List},
    {"LSUB", Name::Lsub},
    {"NAMESPACE", Name::Namespace},
    {"STATUS", Name::Status},
    {"APPEND", Name::Append},
    {"IDLE", Name::Idle},
    {"ID", Name::Id},
    {"CHECK", Name::Check},
    {"CLOSE", Name::Close},
    {"UNSELECT", Name::Unselect},
    {"EXPUNGE", Name::Expunge},
    {"SEARCH", Name::Search},
    {"FETCH", Name::Fetch},
    {"STORE", Name::Store},
    {"COPY", Name::Copy},
    {"MOVE", Name::Move},
};

bool lookUp(const QByteArray& name, Name& command)
{
    for (const auto& entry : commandNames) {
        if (name == entry.name) {
            command = entry.command;
            return true;
        }
    }
    return false;
}

bool isUidCommand(Name name)
{
    return name == Name::Copy || name == Name::Move || name == Name::Fetch || name == Name::Search ||
           name == Name::Store || name == Name::Expunge;
}

QString missingMailbox()
{
    return QStringLiteral("Missing mailbox name");
}

bool readMailboxArgument(ImapTokenizer& tokens, QByteArray& mailbox)
{
    return tokens.expectArgument(missingMailbox()) && tokens.readMailbox(mailbox, missingMailbox());
}

bool readSetArgument(ImapTokenizer& tokens, ImapSequenceSet& set)
{
    return tokens.expectArgument(QStringLiteral("Missing sequence set")) && tokens.readSequenceSet(set);
}

// "(" item *(SP item) ")" of atoms, upper-cased, each checked by `accept`, which may read more.
template<typename Accept>
bool readAtomList(ImapTokenizer& tokens, const QString& invalid, bool allowEmpty, Accept accept)
{
    if (!tokens.expect('(', invalid))
        return false;
    if (tokens.skip(')'))
        return allowEmpty || tokens.fail(invalid);
    for (int count = 0;; ++count) {
        QByteArray item;
        if (count >= ImapTokenizer::maxListItems)
            return tokens.fail(invalid);
        if (!tokens.readAtomUpper(item, invalid) || !accept(item))
            return false;
        if (tokens.skip(')'))
            return true;
        if (!tokens.expect(' ', invalid))
            return false;
    }
}

bool readStatusItems(ImapTokenizer& tokens, QList<QByteArray>& items)
{
    static const char* const known[] = {"MESSAGES", "RECENT", "UIDNEXT",       "UIDVALIDITY", "UNSEEN",
                                        "DELETED",  "SIZE",   "HIGHESTMODSEQ", "APPENDLIMIT"};
    return readAtomList(tokens, QStringLiteral("Invalid status item list"), false,
                        [&](const QByteArray& item) {
                            for (const char* name : known) {
                                if (item == name) {
                                    if (!items.contains(item))
                                        items.append(item);
                                    return true;
                                }
                            }
                            return tokens.fail(QStringLiteral("Unknown status item"));
                        });
}

bool parseAuthenticate(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing authentication mechanism");
    if (!tokens.expectArgument(missing) || !tokens.readAtomUpper(command.mechanism, missing))
        return false;
    if (tokens.atEnd())
        return true;
    QByteArray response;
    const QString invalid = QStringLiteral("Invalid initial response");
    if (!tokens.expectArgument(invalid) || !tokens.readAtom(response, invalid))
        return false;
    if (response == "=") {
        command.initialResponse = QByteArray("");
        return true;
    }
    for (const char c : response) {
        const bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '+' || c == '/' || c == '=';
        if (!base64)
            return tokens.fail(invalid);
    }
    command.initialResponse = response;
    return true;
}

bool parseLogin(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString user = QStringLiteral("Missing user name");
    const QString password = QStringLiteral("Missing password");
    return tokens.expectArgument(user) && tokens.readAstring(command.user, user) &&
           tokens.expectArgument(password) && tokens.readAstring(command.password, password);
}

bool parseEnable(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing capability");
    while (true) {
        QByteArray capability;
        if (!tokens.expectArgument(missing) || !tokens.readAtomUpper(capability, missing))
            return false;
        if (command.capabilities.size() >= ImapTokenizer::maxListItems)
            return tokens.fail(QStringLiteral("Too many capabilities"));
        command.capabilities.append(capability);
        if (tokens.atEnd())
            return true;
    }
}

bool parseSelect(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!readMailboxArgument(tokens, command.mailbox))
        return false;
    if (tokens.atEnd())
        return true;
    const QString invalid = QStringLiteral("Invalid select parameters");
    return tokens.expectArgument(invalid) &&
           readAtomList(tokens, invalid, true, [&](const QByteArray& parameter) {
               if (parameter == "CONDSTORE") {
                   command.condstore = true;
                   return true;
               }
               if (parameter == "QRESYNC")
                   return tokens.fail(QStringLiteral("QRESYNC is not supported"));
               return tokens.fail(QStringLiteral("Unknown select parameter"));
           });
}

bool parseListPatterns(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!tokens.expectArgument(QStringLiteral("Missing mailbox pattern")))
        return false;
    if (!tokens.skip('(')) {
        command.patterns.append(QByteArray());
        return tokens.readListMailbox(command.patterns.last());
    }
    for (;;) {
        QByteArray pattern;
        if (!tokens.readListMailbox(pattern))
            return false;
        if (command.patterns.size() >= ImapTokenizer::maxListItems)
            return tokens.fail(QStringLiteral("Too many mailbox patterns"));
        command.patterns.append(pattern);
        if (tokens.skip(')'))
            return true;
        if (!tokens.expect(' ', QStringLiteral("Invalid mailbox pattern list")))
            return false;
    }
}

bool parseList(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!tokens.expectArgument(missingMailbox()))
        return false;
    if (tokens.peek() == '(') {
        const QString invalid = QStringLiteral("Invalid LIST selection options");
        const bool ok = readAtomList(tokens, invalid, true, [&](const QByteArray& option) {
            if (option != "SUBSCRIBED" && option != "REMOTE" && option != "RECURSIVEMATCH" &&
                option != "SPECIAL-USE")
                return tokens.fail(QStringLiteral("Unknown LIST selection option"));
            if (!command.listSelectOptions.contains(option))
                command.listSelectOptions.append(option);
            return true;
        });
        if (!ok)
            return false;
        // RFC 5258 3.1: RECURSIVEMATCH alone is an error (REMOTE does not count as a selection)
        const QList<QByteArray>& options = command.listSelectOptions;
        if (options.contains("RECURSIVEMATCH") && !options.contains("SUBSCRIBED") &&
            !options.contains("SPECIAL-USE"))
            return tokens.fail(QStringLiteral("RECURSIVEMATCH needs another selection option"));
        if (!tokens.expectArgument(missingMailbox()))
            return false;
    }
    if (!tokens.readAstring(command.reference, missingMailbox()) || !parseListPatterns(tokens, command))
        return false;
    if (tokens.atEnd())
        return true;
    QByteArray keyword;
    const QString invalid = QStringLiteral("Invalid LIST return options");
    if (!tokens.expectArgument(invalid) || !tokens.readAtomUpper(keyword, invalid))
        return false;
    if (keyword != "RETURN")
        return tokens.fail(invalid);
    return tokens.expectArgument(invalid) &&
           readAtomList(tokens, invalid, true, [&](const QByteArray& option) {
               if (option == "STATUS") {
                   if (!tokens.expect(' ', invalid) || !readStatusItems(tokens, command.statusItems))
                       return false;
               } else if (option != "SUBSCRIBED" && option != "CHILDREN" && option != "SPECIAL-USE") {
                   return tokens.fail(QStringLiteral("Unknown LIST return option"));
               }
               if (!command.listReturnOptions.contains(option))
                   command.listReturnOptions.append(option);
               return true;
           });
}

bool parseLsub(ImapTokenizer& tokens, ImapCommand& command)
{
    if (!tokens.expectArgument(missingMailbox()) ||
        !tokens.readAstring(command.reference, missingMailbox()) ||
        !tokens.expectArgument(QStringLiteral("Missing mailbox pattern")))
        return false;
    command.patterns.append(QByteArray());
    return tokens.readListMailbox(command.patterns.last());
}

bool parseStatus(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing status items");
    return readMailboxArgument(tokens, command.mailbox) && tokens.expectArgument(missing) &&
           readStatusItems(tokens, command.statusItems);
}

bool parseAppend(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing message literal");
    if (!readMailboxArgument(tokens, command.mailbox) || !tokens.expectArgument(missing))
        return false;
    if (tokens.peek() == '(') {
        if (!tokens.readFlagList(command.flags) || !tokens.expectArgument(missing))
            return false;
    }
    if (tokens.peek() == '"') {
        QDateTime date;
        if (!tokens.readDateTime(date) || !tokens.expectArgument(missing))
            return false;
        command.internalDate = date;
    }
    if (tokens.peek() == 'U' || tokens.peek() == 'u') {
        // RFC 6855: "UTF8 (" literal8 ")", the form for messages with UTF-8 headers
        QByteArray word;
        if (!tokens.readAtomUpper(word, missing) || word != "UTF8" || !tokens.expect(' ', missing) ||
            !tokens.expect('(', missing) || !tokens.readLiteral(command.message, true, true))
            return tokens.fail(QStringLiteral("The message must be a literal"));
        return tokens.expect(')', QStringLiteral("Invalid UTF8 message data"));
    }
    if (tokens.peek() != '{' && tokens.peek() != '~')
        return tokens.fail(QStringLiteral("The message must be a literal"));
    // A message may hold NUL bytes in a literal8; in a plain literal it is tolerated too, as
    // the store keeps bytes as they came.
    return tokens.readLiteral(command.message, true, true);
}

bool parseId(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString invalid = QStringLiteral("Invalid ID parameters");
    if (!tokens.expectArgument(QStringLiteral("Missing ID parameters")))
        return false;
    if (!tokens.skip('(')) {
        QByteArray nil;
        if (!tokens.readAtomUpper(nil, invalid) || nil != "NIL")
            return tokens.fail(invalid);
        return true;
    }
    if (tokens.skip(')'))
        return true;
    for (;;) {
        QByteArray field;
        QByteArray value;
        if (!tokens.readString(field) || !tokens.expect(' ', invalid) || !tokens.readNString(value))
            return false;
        if (command.idParameters.size() >= maxIdPairs)
            return tokens.fail(QStringLiteral("Too many ID parameters"));
        command.idParameters.append({field, value});
        if (tokens.skip(')'))
            return true;
        if (!tokens.expect(' ', invalid))
            return false;
    }
}

bool parseStore(ImapTokenizer& tokens, ImapCommand& command)
{
    const QString missing = QStringLiteral("Missing store item");
    if (!readSetArgument(tokens, command.set) || !tokens.expectArgument(missing))
        return false;
    if (tokens.peek() == '(') {
        const QString invalid = QStringLiteral("Invalid store modifiers");
        const bool ok = readAtomList(tokens, invalid, false, [&](const QByteArray& modifier) {
            if (modifier != "UNCHANGEDSINCE")
                return tokens.fail(QStringLiteral("Unknown store modifier"));
            return tokens.expect(' ', invalid) &&
                   tokens.readNumber(command.unchangedSince, ImapTokenizer::maxNumber64, false,
                                     QStringLiteral("Invalid UNCHANGEDSINCE value"));
        });
        if (!ok || !tokens.expectArgument(missing))
            return false;
    }
    if (tokens.skip('+'))
        command.storeMode = ImapCommand::StoreMode::Add;
    else if (tokens.skip('-'))
        command.storeMode = ImapCommand::StoreMode::Remove;
    const QByteArray item = tokens.readKeywordUpper();
    if (item != "FLAGS" && item != "FLAGS.SILENT")
        return tokens.fail(QStringLiteral("Unknown store item"));
    command.silent = item == "FLAGS.SILENT";
    const QString flags = QStringLiteral("Missing flags");
    if (!tokens.expectArgument(flags))
        return false;
    if (tokens.peek() == '(')
        return tokens.readFlagList(command.flags);
    for (;;) {
        QByteArray flag;
        if (!tokens.readFlag(flag))
            return false;
        if (command.flags.size() >= ImapTokenizer::maxListItems)
            return tokens.fail(QStringLiteral("Too many flags"));
        command.flags.append(flag);
        if (tokens.atEnd())
            return true;
        if (!tokens.expectArgument(flags))
            return false;
    }
}

bool parseArguments(ImapTokenizer& tokens, ImapCommand& command)
{
    switch (command.name) {
    case Name::Capability:
    case Name::Noop:
    case Name::Logout:
    case Name::StartTls:
    case Name::Namespace:
    case Name::Idle:
    case Name::Check:
    case Name::Close:
    case Name::Unselect:
        return true;
    case Name::Expunge:
        return !command.uid || readSetArgument(tokens, command.set);
    case Name::Authenticate:
        return parseAuthenticate(tokens, command);
    case Name::Login:
        return parseLogin(tokens, command);
    case Name::Enable:
        return parseEnable(tokens, command);
    case Name::Select:
    case Name::Examine:
        return parseSelect(tokens, command);
    case Name::Create:
    case Name::Delete:
    case Name::Subscribe:
    case Name::Unsubscribe:
        return readMailboxArgument(tokens, command.mailbox);
    case Name::Rename:
        return readMailboxArgument(tokens, command.mailbox) &&
               readMailboxArgument(tokens, command.newMailbox);
    case Name::List:
        return parseList(tokens, command);
    case Name::Lsub:
        return parseLsub(tokens, command);
    case Name::Status:
        return parseStatus(tokens, command);
    case Name::Append:
        return parseAppend(tokens, command);
    case Name::Id:
        return parseId(tokens, command);
    case Name::Search:
        return ImapSearchParser::parse(tokens, command);
    case Name::Fetch:
        return readSetArgument(tokens, command.set) && ImapFetchParser::parse(tokens, command);
    case Name::Store:
        return parseStore(tokens, command);
    case Name::Copy:
    case Name::Move:
        return readSetArgument(tokens, command.set) && readMailboxArgument(tokens, command.mailbox);
    }
    return tokens.fail(QStringLiteral("Unknown command"));
}

} // namespace

ImapParseResult ImapCommandParser::parse(const QByteArray& text)
{
    ImapParseResult result;
    result.tag = QByteArrayLiteral("*");
    ImapTokenizer tokens(text);
    const auto failed = [&]() {
        result.error = tokens.failed() ? tokens.error() : QStringLiteral("Syntax error");
        return result;
    };
    QByteArray tag;
    if (!tokens.readTag(tag))
        return failed();
    result.tag = tag;
    ImapCommand command;
    command.tag = tag;
    QByteArray name;
    const QString missing = QStringLiteral("Missing command");
    if (!tokens.expectArgument(missing) || !tokens.readAtomUpper(name, missing))
        return failed();
    if (name == "UID") {
        command.uid = true;
        if (!tokens.expectArgument(missing) || !tokens.readAtomUpper(name, missing))
            return failed();
        if (!lookUp(name, command.name) || !isUidCommand(command.name)) {
            result.unknownCommand = true;
            tokens.fail(QStringLiteral("Unknown UID command"));
            return failed();
        }
    } else if (!lookUp(name, command.name)) {
        result.unknownCommand = true;
        tokens.fail(QStringLiteral("Unknown command"));
        return failed();
    }
    if (!parseArguments(tokens, command) || !tokens.expectEnd())
        return failed();
    result.command = std::move(command);
    return result;
}

} // namespace pw::service
