// ImapCommandParser: every command, strings of every kind (atoms, quoted with escapes, literals
// {n} {n+} ~{n}), sequence sets and their corner cases, FETCH items and sections, STORE, the
// SEARCH program with nesting, LIST-EXTENDED, and the errors with the tag they carry.

#include "service/imap/ImapCommandParser.h"

#include <QTest>
#include <QTimeZone>

using namespace pw::service;
using Name = ImapCommand::Name;

namespace {

QByteArray describeSet(const ImapSequenceSet& set)
{
    if (set.savedResult)
        return "$";
    QList<QByteArray> parts;
    const auto number = [](qint64 n) {
        return n == ImapSequenceSet::star ? QByteArray("*") : QByteArray::number(n);
    };
    for (const auto& range : set.ranges)
        parts.append(range.first == range.last ? number(range.first)
                                               : number(range.first) + ':' + number(range.last));
    return parts.join(',');
}

QByteArray describeSection(const ImapSection& section)
{
    QList<QByteArray> parts;
    for (const int part : section.part)
        parts.append(QByteArray::number(part));
    static const char* const texts[] = {"", "HEADER", "HEADER.FIELDS", "HEADER.FIELDS.NOT", "TEXT", "MIME"};
    if (section.text != ImapSection::Text::Whole)
        parts.append(texts[static_cast<int>(section.text)]);
    QByteArray out = '[' + parts.join('.');
    if (!section.fields.isEmpty())
        out += " (" + section.fields.join(' ') + ')';
    return out + ']';
}

QByteArray describeItems(const QList<ImapFetchItem>& items)
{
    using Kind = ImapFetchItem::Kind;
    QList<QByteArray> out;
    for (const ImapFetchItem& item : items) {
        static const char* const names[] = {"FLAGS",         "INTERNALDATE", "RFC822.SIZE", "ENVELOPE",
                                            "BODYSTRUCTURE", "BODY",         "UID",         "MODSEQ",
                                            "BODY",          "BINARY",       "BINARY.SIZE", "RFC822",
                                            "RFC822.HEADER", "RFC822.TEXT"};
        QByteArray text = names[static_cast<int>(item.kind)];
        if (item.peek)
            text += ".PEEK";
        if (item.kind == Kind::Section || item.kind == Kind::Binary || item.kind == Kind::BinarySize)
            text += describeSection(item.section);
        if (item.partialStart >= 0)
            text += '<' + QByteArray::number(item.partialStart) + '.' +
                    QByteArray::number(item.partialLength) + '>';
        out.append(text);
    }
    return out.join(' ');
}

QByteArray describeKey(const ImapSearchKey& key)
{
    using Kind = ImapSearchKey::Kind;
    static const char* const names[] = {
        "AND",     "ALL",       "ANSWERED",  "BCC",    "BEFORE",  "BODY",       "CC",         "DELETED",
        "DRAFT",   "FLAGGED",   "FROM",      "HEADER", "KEYWORD", "LARGER",     "NEW",        "NOT",
        "OLD",     "ON",        "OR",        "RECENT", "SEEN",    "SENTBEFORE", "SENTON",     "SENTSINCE",
        "SINCE",   "SMALLER",   "SUBJECT",   "TEXT",   "TO",      "UID",        "UNANSWERED", "UNDELETED",
        "UNDRAFT", "UNFLAGGED", "UNKEYWORD", "UNSEEN", "SET",     "MODSEQ"};
    QByteArray out = names[static_cast<int>(key.kind)];
    switch (key.kind) {
    case Kind::Bcc:
    case Kind::Body:
    case Kind::Cc:
    case Kind::From:
    case Kind::Subject:
    case Kind::Text:
    case Kind::To:
    case Kind::Keyword:
    case Kind::Unkeyword:
        return out + '{' + key.text + '}';
    case Kind::Header:
        return out + '{' + key.headerField + ':' + key.text + '}';
    case Kind::Before:
    case Kind::On:
    case Kind::Since:
    case Kind::SentBefore:
    case Kind::SentOn:
    case Kind::SentSince:
        return out + '{' + key.date.toString(Qt::ISODate).toLatin1() + '}';
    case Kind::Larger:
    case Kind::Smaller:
    case Kind::ModSeq:
        return out + '{' + QByteArray::number(key.number) + '}';
    case Kind::Uid:
    case Kind::SequenceSet:
        return out + '{' + describeSet(key.set) + '}';
    case Kind::And:
    case Kind::Not:
    case Kind::Or: {
        QList<QByteArray> children;
        for (const ImapSearchKey& child : key.children)
            children.append(describeKey(child));
        return out + '(' + children.join(' ') + ')';
    }
    default:
        return out;
    }
}

ImapCommand parsed(const QByteArray& text)
{
    const ImapParseResult result = ImapCommandParser::parse(text);
    if (!result.command) {
        qWarning("unexpected error for \"%s\": %s", text.constData(), qPrintable(result.error));
        ImapCommand failed;
        failed.tag = "<error>";
        return failed;
    }
    return *result.command;
}

} // namespace

class TestImapCommandParser : public QObject
{
    Q_OBJECT

private slots:
    void commandsWithoutArguments_data();
    void commandsWithoutArguments();
    void tags();
    void lineEnds();
    void login();
    void quotedStrings();
    void literals();
    void authenticate();
    void enable();
    void selectExamine();
    void mailboxCommands();
    void list();
    void listExtended();
    void lsub();
    void status();
    void append();
    void appendDateTime();
    void id();
    void sequenceSets_data();
    void sequenceSets();
    void sequenceSetContains();
    void sequenceSetIntervals();
    void fetchMacros();
    void fetchItems_data();
    void fetchItems();
    void fetchModifiers();
    void store();
    void copyMoveAndUid();
    void search_data();
    void search();
    void searchReturnAndCharset();
    void searchDepthIsBounded();
    void errors_data();
    void errors();
};

void TestImapCommandParser::commandsWithoutArguments_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Name>("name");
    QTest::newRow("CAPABILITY") << QByteArray("a1 CAPABILITY\r\n") << Name::Capability;
    QTest::newRow("noop lower") << QByteArray("a1 noop\r\n") << Name::Noop;
    QTest::newRow("LoGoUt") << QByteArray("a1 LoGoUt\r\n") << Name::Logout;
    QTest::newRow("STARTTLS") << QByteArray("a1 STARTTLS\r\n") << Name::StartTls;
    QTest::newRow("NAMESPACE") << QByteArray("a1 NAMESPACE\r\n") << Name::Namespace;
    QTest::newRow("IDLE") << QByteArray("a1 IDLE\r\n") << Name::Idle;
    QTest::newRow("CHECK") << QByteArray("a1 CHECK\r\n") << Name::Check;
    QTest::newRow("CLOSE") << QByteArray("a1 CLOSE\r\n") << Name::Close;
    QTest::newRow("UNSELECT") << QByteArray("a1 UNSELECT\r\n") << Name::Unselect;
    QTest::newRow("EXPUNGE") << QByteArray("a1 EXPUNGE\r\n") << Name::Expunge;
}

void TestImapCommandParser::commandsWithoutArguments()
{
    QFETCH(QByteArray, text);
    QFETCH(Name, name);
    const ImapParseResult result = ImapCommandParser::parse(text);
    QVERIFY2(result.command, qPrintable(result.error));
    QCOMPARE(result.command->name, name);
    QCOMPARE(result.command->tag, QByteArray("a1"));
    QCOMPARE(result.tag, QByteArray("a1"));
    QVERIFY(!result.command->uid);

    text.insert(text.size() - 2, " extra");
    const ImapParseResult extra = ImapCommandParser::parse(text);
    QVERIFY(!extra.command);
    QCOMPARE(extra.tag, QByteArray("a1"));
    QCOMPARE(extra.error, QStringLiteral("Unexpected text after the command"));
}

void TestImapCommandParser::tags()
{
    QCOMPARE(parsed("A001.x-y NOOP\r\n").tag, QByteArray("A001.x-y"));
    QCOMPARE(parsed("x] NOOP\r\n").tag, QByteArray("x]")); // resp-specials are ASTRING-CHARs
    const ImapParseResult star = ImapCommandParser::parse("* NOOP\r\n");
    QVERIFY(!star.command);
    QCOMPARE(star.tag, QByteArray("*"));
    const ImapParseResult plus = ImapCommandParser::parse("a+ NOOP\r\n");
    QVERIFY(!plus.command);
    QCOMPARE(plus.tag, QByteArray("*"));
    QCOMPARE(plus.error, QStringLiteral("Invalid tag"));
    const ImapParseResult empty = ImapCommandParser::parse("\r\n");
    QCOMPARE(empty.tag, QByteArray("*"));
    QCOMPARE(empty.error, QStringLiteral("Empty command line"));
    const ImapParseResult leadingSpace = ImapCommandParser::parse(" a NOOP\r\n");
    QCOMPARE(leadingSpace.tag, QByteArray("*"));
    QCOMPARE(leadingSpace.error, QStringLiteral("Invalid tag"));
    const ImapParseResult alone = ImapCommandParser::parse("abc\r\n");
    QCOMPARE(alone.tag, QByteArray("abc"));
    QCOMPARE(alone.error, QStringLiteral("Missing command"));
    const ImapParseResult unknown = ImapCommandParser::parse("t7 XYZZY foo\r\n");
    QCOMPARE(unknown.tag, QByteArray("t7"));
    QVERIFY(unknown.unknownCommand);
    QCOMPARE(unknown.error, QStringLiteral("Unknown command"));
    QVERIFY(!ImapCommandParser::parse("t7 NOOP\r\n").unknownCommand);
}

void TestImapCommandParser::lineEnds()
{
    QCOMPARE(parsed("a NOOP").name, Name::Noop);
    QCOMPARE(parsed("a NOOP\n").name, Name::Noop);
    QCOMPARE(parsed("a NOOP\r\n").name, Name::Noop);
    QCOMPARE(ImapCommandParser::parse("a NOOP\r\nb NOOP\r\n").error,
             QStringLiteral("Unexpected text after the command"));
    QCOMPARE(ImapCommandParser::parse("a NOOP\r").error, QStringLiteral("Unexpected text after the command"));
    QCOMPARE(ImapCommandParser::parse("a NOOP \r\n").error,
             QStringLiteral("Unexpected text after the command"));
    QCOMPARE(ImapCommandParser::parse("a  NOOP\r\n").error, QStringLiteral("Missing command"));
}

void TestImapCommandParser::login()
{
    ImapCommand c = parsed("a LOGIN joe secret\r\n");
    QCOMPARE(c.name, Name::Login);
    QCOMPARE(c.user, QByteArray("joe"));
    QCOMPARE(c.password, QByteArray("secret"));
    c = parsed("a login \"joe@example.org\" {6}\r\nse cr\"\r\n");
    QCOMPARE(c.user, QByteArray("joe@example.org"));
    QCOMPARE(c.password, QByteArray("se cr\""));
    c = parsed("a LOGIN {3+}\r\njoe \"\"\r\n");
    QCOMPARE(c.user, QByteArray("joe"));
    QCOMPARE(c.password, QByteArray(""));
    QVERIFY(!c.password.isNull());       // an empty string, not NIL
    c = parsed("a LOGIN x]y pass]\r\n"); // astrings allow ']'
    QCOMPARE(c.user, QByteArray("x]y"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN joe\r\n").error, QStringLiteral("Missing password"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN\r\n").error, QStringLiteral("Missing user name"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN joe se(cret\r\n").error,
             QStringLiteral("Unexpected text after the command"));
}

void TestImapCommandParser::quotedStrings()
{
    QCOMPARE(parsed("a LOGIN \"a\\\"b\" \"c\\\\d\"\r\n").user, QByteArray("a\"b"));
    QCOMPARE(parsed("a LOGIN \"a\\\"b\" \"c\\\\d\"\r\n").password, QByteArray("c\\d"));
    QCOMPARE(parsed("a LOGIN \"\" \"(x) {3} %*\"\r\n").password, QByteArray("(x) {3} %*"));
    QCOMPARE(parsed("a LOGIN \"gr\xc3\xbc\xc3\x9f\" x\r\n").user, QByteArray("gr\xc3\xbc\xc3\x9f"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN \"a\\b\" x\r\n").error,
             QStringLiteral("Invalid escape in quoted string"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN \"abc x\r\n").error,
             QStringLiteral("Unterminated quoted string"));
    QCOMPARE(ImapCommandParser::parse(QByteArray("a LOGIN \"a\0b\" x\r\n", 17)).error,
             QStringLiteral("Invalid character in quoted string"));
}

void TestImapCommandParser::literals()
{
    // CRLF, "{3}" and quotes inside a literal are data
    ImapCommand c = parsed("a LOGIN {10}\r\nab\r\n{3}\"\"x {0}\r\n\r\n");
    QCOMPARE(c.user, QByteArray("ab\r\n{3}\"\"x"));
    QCOMPARE(c.password, QByteArray(""));
    c = parsed("a LOGIN {2+}\nab {1+}\n)\n"); // bare LF after the size
    QCOMPARE(c.user, QByteArray("ab"));
    QCOMPARE(c.password, QByteArray(")"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN {10}\r\nabc\r\n").error, QStringLiteral("Truncated literal"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN {3} x\r\n").error,
             QStringLiteral("Literal size not at the end of a line"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN {x}\r\nabc\r\n").error,
             QStringLiteral("Invalid literal size"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN {99999999999999999999}\r\nx\r\n").error,
             QStringLiteral("Invalid literal size"));
    QCOMPARE(ImapCommandParser::parse("a LOGIN ~{3}\r\nabc x\r\n").error,
             QStringLiteral("Binary literal not allowed here"));
    QCOMPARE(ImapCommandParser::parse(QByteArray("a LOGIN {3}\r\na\0c x\r\n", 20)).error,
             QStringLiteral("NUL in literal"));
}

void TestImapCommandParser::authenticate()
{
    ImapCommand c = parsed("a AUTHENTICATE plain\r\n");
    QCOMPARE(c.name, Name::Authenticate);
    QCOMPARE(c.mechanism, QByteArray("PLAIN"));
    QVERIFY(!c.initialResponse);
    c = parsed("a AUTHENTICATE PLAIN AGpvZQBzZWNyZXQ=\r\n");
    QCOMPARE(c.initialResponse.value_or("<none>"), QByteArray("AGpvZQBzZWNyZXQ="));
    c = parsed("a AUTHENTICATE EXTERNAL =\r\n");
    QVERIFY(c.initialResponse);
    QCOMPARE(*c.initialResponse, QByteArray(""));
    QCOMPARE(ImapCommandParser::parse("a AUTHENTICATE PLAIN ab-c\r\n").error,
             QStringLiteral("Invalid initial response"));
    QCOMPARE(ImapCommandParser::parse("a AUTHENTICATE\r\n").error,
             QStringLiteral("Missing authentication mechanism"));
}

void TestImapCommandParser::enable()
{
    const ImapCommand c = parsed("a ENABLE condstore UTF8=ACCEPT\r\n");
    QCOMPARE(c.capabilities, (QList<QByteArray>{"CONDSTORE", "UTF8=ACCEPT"}));
    QCOMPARE(ImapCommandParser::parse("a ENABLE\r\n").error, QStringLiteral("Missing capability"));
}

void TestImapCommandParser::selectExamine()
{
    ImapCommand c = parsed("a SELECT inbox\r\n");
    QCOMPARE(c.name, Name::Select);
    QCOMPARE(c.mailbox, QByteArray("INBOX"));
    QVERIFY(!c.condstore);
    c = parsed("a examine \"Lists/Foo Bar\" (condstore)\r\n");
    QCOMPARE(c.name, Name::Examine);
    QCOMPARE(c.mailbox, QByteArray("Lists/Foo Bar"));
    QVERIFY(c.condstore);
    QCOMPARE(parsed("a SELECT INBOX.Sub\r\n").mailbox, QByteArray("INBOX.Sub"));
    QCOMPARE(parsed("a SELECT \"Inbox\"\r\n").mailbox, QByteArray("INBOX"));
    QCOMPARE(ImapCommandParser::parse("a SELECT\r\n").error, QStringLiteral("Missing mailbox name"));
    QCOMPARE(ImapCommandParser::parse("a SELECT \r\n").error, QStringLiteral("Missing mailbox name"));
    QCOMPARE(ImapCommandParser::parse("a SELECT INBOX (QRESYNC (1 2))\r\n").error,
             QStringLiteral("QRESYNC is not supported"));
    QCOMPARE(ImapCommandParser::parse("a SELECT INBOX (FOO)\r\n").error,
             QStringLiteral("Unknown select parameter"));
}

void TestImapCommandParser::mailboxCommands()
{
    QCOMPARE(parsed("a CREATE Work/2024\r\n").mailbox, QByteArray("Work/2024"));
    QCOMPARE(parsed("a DELETE {4}\r\nA\"B)\r\n").mailbox, QByteArray("A\"B)"));
    QCOMPARE(parsed("a SUBSCRIBE Sent\r\n").name, Name::Subscribe);
    QCOMPARE(parsed("a UNSUBSCRIBE Sent\r\n").name, Name::Unsubscribe);
    const ImapCommand rename = parsed("a RENAME \"Old Name\" New&AOQ-\r\n");
    QCOMPARE(rename.mailbox, QByteArray("Old Name"));
    QCOMPARE(rename.newMailbox, QByteArray("New&AOQ-"));
    QCOMPARE(ImapCommandParser::parse("a RENAME Old\r\n").error, QStringLiteral("Missing mailbox name"));
    QCOMPARE(ImapCommandParser::parse("a CREATE Foo (USE (\\Drafts))\r\n").error,
             QStringLiteral("Unexpected text after the command"));
}

void TestImapCommandParser::list()
{
    ImapCommand c = parsed("a LIST \"\" *\r\n");
    QCOMPARE(c.name, Name::List);
    QCOMPARE(c.reference, QByteArray(""));
    QCOMPARE(c.patterns, QList<QByteArray>{"*"});
    c = parsed("a list ~/Mail/ %/foo]*\r\n");
    QCOMPARE(c.reference, QByteArray("~/Mail/"));
    QCOMPARE(c.patterns, QList<QByteArray>{"%/foo]*"});
    QCOMPARE(parsed("a LIST \"\" \"\"\r\n").patterns, QList<QByteArray>{""});
    QCOMPARE(parsed("a LIST \"\" {3}\r\nA B\r\n").patterns, QList<QByteArray>{"A B"});
    QCOMPARE(ImapCommandParser::parse("a LIST \"\"\r\n").error, QStringLiteral("Missing mailbox pattern"));
    QCOMPARE(ImapCommandParser::parse("a LIST \"\" (a\r\n").error,
             QStringLiteral("Invalid mailbox pattern list"));
}

void TestImapCommandParser::listExtended()
{
    ImapCommand c = parsed("a LIST (subscribed RECURSIVEMATCH) \"\" (INBOX Sent% \"A B\") "
                           "RETURN (CHILDREN STATUS (messages UNSEEN) SPECIAL-USE)\r\n");
    QCOMPARE(c.listSelectOptions, (QList<QByteArray>{"SUBSCRIBED", "RECURSIVEMATCH"}));
    QCOMPARE(c.patterns, (QList<QByteArray>{"INBOX", "Sent%", "A B"}));
    QCOMPARE(c.listReturnOptions, (QList<QByteArray>{"CHILDREN", "STATUS", "SPECIAL-USE"}));
    QCOMPARE(c.statusItems, (QList<QByteArray>{"MESSAGES", "UNSEEN"}));
    c = parsed("a LIST () \"\" % RETURN ()\r\n");
    QVERIFY(c.listSelectOptions.isEmpty());
    QVERIFY(c.listReturnOptions.isEmpty());
    QCOMPARE(ImapCommandParser::parse("a LIST (RECURSIVEMATCH) \"\" *\r\n").error,
             QStringLiteral("RECURSIVEMATCH needs another selection option"));
    QCOMPARE(ImapCommandParser::parse("a LIST (FOO) \"\" *\r\n").error,
             QStringLiteral("Unknown LIST selection option"));
    QCOMPARE(ImapCommandParser::parse("a LIST \"\" * RETURN (MYRIGHTS)\r\n").error,
             QStringLiteral("Unknown LIST return option"));
    QCOMPARE(ImapCommandParser::parse("a LIST \"\" * FOO (CHILDREN)\r\n").error,
             QStringLiteral("Invalid LIST return options"));
    QCOMPARE(ImapCommandParser::parse("a LIST \"\" * RETURN (STATUS (FOO))\r\n").error,
             QStringLiteral("Unknown status item"));
}

void TestImapCommandParser::lsub()
{
    const ImapCommand c = parsed("a LSUB \"#news.\" comp.mail.*\r\n");
    QCOMPARE(c.name, Name::Lsub);
    QCOMPARE(c.reference, QByteArray("#news."));
    QCOMPARE(c.patterns, QList<QByteArray>{"comp.mail.*"});
}

void TestImapCommandParser::status()
{
    const ImapCommand c = parsed("a STATUS blurdybloop (UIDNEXT messages HIGHESTMODSEQ size deleted)\r\n");
    QCOMPARE(c.name, Name::Status);
    QCOMPARE(c.mailbox, QByteArray("blurdybloop"));
    QCOMPARE(c.statusItems, (QList<QByteArray>{"UIDNEXT", "MESSAGES", "HIGHESTMODSEQ", "SIZE", "DELETED"}));
    QCOMPARE(ImapCommandParser::parse("a STATUS INBOX ()\r\n").error,
             QStringLiteral("Invalid status item list"));
    QCOMPARE(ImapCommandParser::parse("a STATUS INBOX (FOO)\r\n").error,
             QStringLiteral("Unknown status item"));
    QCOMPARE(ImapCommandParser::parse("a STATUS INBOX\r\n").error, QStringLiteral("Missing status items"));
}

void TestImapCommandParser::append()
{
    const QByteArray message = "From: a@example.org\r\nSubject: x\r\n\r\nbody\r\n";
    ImapCommand c = parsed("a APPEND saved-messages (\\Seen $Junk) {" + QByteArray::number(message.size()) +
                           "}\r\n" + message + "\r\n");
    QCOMPARE(c.name, Name::Append);
    QCOMPARE(c.mailbox, QByteArray("saved-messages"));
    QCOMPARE(c.flags, (QList<QByteArray>{"\\Seen", "$Junk"}));
    QVERIFY(!c.internalDate);
    QCOMPARE(c.message, message);
    c = parsed("a APPEND INBOX {0+}\r\n\r\n");
    QVERIFY(c.flags.isEmpty());
    QVERIFY(!c.message.isNull());
    QCOMPARE(c.message, QByteArray(""));
    c = parsed(QByteArray("a APPEND INBOX () ~{3}\r\na\0b\r\n", 29));
    QCOMPARE(c.message, QByteArray("a\0b", 3));
    c = parsed("a APPEND INBOX (\\Seen) UTF8 (~{5+}\r\nhello)\r\n");
    QCOMPARE(c.message, QByteArray("hello"));
    QCOMPARE(c.flags, QList<QByteArray>{"\\Seen"});
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX UTF8 (~{5}\r\nhello\r\n").error,
             QStringLiteral("Invalid UTF8 message data"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX\r\n").error, QStringLiteral("Missing message literal"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX \"From: x\"\r\n").error,
             QStringLiteral("Invalid date-time"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX hello\r\n").error,
             QStringLiteral("The message must be a literal"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX\r\n").error, QStringLiteral("Missing message literal"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX (\\Seen) \r\n").error,
             QStringLiteral("Missing message literal"));
    QCOMPARE(ImapCommandParser::parse("a APPEND INBOX (\\*) {1}\r\nx\r\n").error,
             QStringLiteral("Invalid flag"));
}

void TestImapCommandParser::appendDateTime()
{
    ImapCommand c = parsed("a APPEND INBOX \"17-Jul-1996 02:44:25 -0700\" {1}\r\nx\r\n");
    QVERIFY(c.internalDate);
    QCOMPARE(c.internalDate->toUTC(), QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), QTimeZone::utc()));
    QCOMPARE(c.internalDate->offsetFromUtc(), -7 * 3600);
    c = parsed("a APPEND INBOX (\\Draft) \" 5-jan-2024 23:59:60 +0530\" {1}\r\nx\r\n");
    QCOMPARE(c.flags, QList<QByteArray>{"\\Draft"});
    QCOMPARE(c.internalDate->date(), QDate(2024, 1, 5));
    QCOMPARE(c.internalDate->time(), QTime(23, 59, 59));
    QCOMPARE(c.internalDate->offsetFromUtc(), 5 * 3600 + 30 * 60);
    for (const QByteArray& bad :
         {QByteArray("\"31-Feb-2024 00:00:00 +0000\""), QByteArray("\"01-Foo-2024 00:00:00 +0000\""),
          QByteArray("\"01-Jan-2024 24:00:00 +0000\""), QByteArray("\"01-Jan-2024 00:00:00 0000\""),
          QByteArray("\"01-Jan-2024 00:00:00 +0000"), QByteArray("\"01-Jan-24 00:00:00 +0000\"")}) {
        const ImapParseResult result = ImapCommandParser::parse("a APPEND INBOX " + bad + " {1}\r\nx\r\n");
        QVERIFY2(!result.command, bad.constData());
        QCOMPARE(result.error, QStringLiteral("Invalid date-time"));
    }
}

void TestImapCommandParser::id()
{
    ImapCommand c = parsed("a ID NIL\r\n");
    QCOMPARE(c.name, Name::Id);
    QVERIFY(c.idParameters.isEmpty());
    c = parsed("a ID (\"name\" \"Thunderbird\" \"version\" NIL \"os\" {5}\r\nLinux)\r\n");
    QCOMPARE(c.idParameters.size(), 3);
    QCOMPARE(c.idParameters[0], (QPair<QByteArray, QByteArray>{"name", "Thunderbird"}));
    QCOMPARE(c.idParameters[1].first, QByteArray("version"));
    QVERIFY(c.idParameters[1].second.isNull());
    QCOMPARE(c.idParameters[2].second, QByteArray("Linux"));
    QVERIFY(parsed("a ID ()\r\n").idParameters.isEmpty());
    QCOMPARE(ImapCommandParser::parse("a ID (\"name\")\r\n").error, QStringLiteral("Invalid ID parameters"));
    QCOMPARE(ImapCommandParser::parse("a ID foo\r\n").error, QStringLiteral("Invalid ID parameters"));
}

void TestImapCommandParser::sequenceSets_data()
{
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QByteArray>("expected"); // empty = invalid
    QTest::newRow("one") << QByteArray("1") << QByteArray("1");
    QTest::newRow("star") << QByteArray("*") << QByteArray("*");
    QTest::newRow("star range") << QByteArray("*:4") << QByteArray("*:4");
    QTest::newRow("mixed") << QByteArray("2,4:7,9,12:*") << QByteArray("2,4:7,9,12:*");
    QTest::newRow("reversed") << QByteArray("7:3") << QByteArray("7:3");
    QTest::newRow("max") << QByteArray("4294967295") << QByteArray("4294967295");
    QTest::newRow("leading zero") << QByteArray("007") << QByteArray("7");
    QTest::newRow("saved") << QByteArray("$") << QByteArray("$");
    QTest::newRow("zero") << QByteArray("0") << QByteArray();
    QTest::newRow("zero in range") << QByteArray("1:0") << QByteArray();
    QTest::newRow("over 32 bits") << QByteArray("4294967296") << QByteArray();
    QTest::newRow("huge") << QByteArray("99999999999999999999999") << QByteArray();
    QTest::newRow("open range") << QByteArray("1:") << QByteArray();
    QTest::newRow("leading colon") << QByteArray(":1") << QByteArray();
    QTest::newRow("double comma") << QByteArray("1,,2") << QByteArray();
    QTest::newRow("trailing comma") << QByteArray("1,") << QByteArray();
    QTest::newRow("three parts") << QByteArray("1:2:3") << QByteArray();
    QTest::newRow("letters") << QByteArray("1a") << QByteArray();
    QTest::newRow("negative") << QByteArray("-1") << QByteArray();
    QTest::newRow("saved combined") << QByteArray("$,1") << QByteArray();
}

void TestImapCommandParser::sequenceSets()
{
    QFETCH(QByteArray, set);
    QFETCH(QByteArray, expected);
    const ImapParseResult result = ImapCommandParser::parse("a FETCH " + set + " FLAGS\r\n");
    if (expected.isEmpty()) {
        QVERIFY(!result.command);
        QCOMPARE(result.error, QStringLiteral("Invalid sequence set"));
        return;
    }
    QVERIFY2(result.command, qPrintable(result.error));
    QCOMPARE(describeSet(result.command->set), expected);
    QCOMPARE(result.command->set.savedResult, expected == "$");
}

void TestImapCommandParser::sequenceSetContains()
{
    const ImapSequenceSet set = parsed("a FETCH 2,4:7,9,12:* FLAGS\r\n").set;
    QList<qint64> in;
    for (qint64 n = 0; n <= 20; ++n) {
        if (set.contains(n, 15))
            in.append(n);
    }
    QCOMPARE(in, (QList<qint64>{2, 4, 5, 6, 7, 9, 12, 13, 14, 15}));
    const ImapSequenceSet reversed = parsed("a FETCH *:4 FLAGS\r\n").set;
    QVERIFY(reversed.contains(4, 6));
    QVERIFY(reversed.contains(6, 6));
    QVERIFY(!reversed.contains(3, 6));
    QVERIFY(!reversed.contains(7, 6));
    // n:* with n above the largest number still names the largest (RFC 9051 6.4.8)
    const ImapSequenceSet beyond = parsed("a UID FETCH 100:* FLAGS\r\n").set;
    QVERIFY(beyond.contains(50, 50));
    QVERIFY(!beyond.contains(49, 50));
    QVERIFY(beyond.contains(100, 50));
    QVERIFY(!beyond.contains(101, 50));
    // on an empty mailbox `*` matches nothing
    QVERIFY(!parsed("a FETCH * FLAGS\r\n").set.contains(1, 0));
    QVERIFY(!beyond.contains(100, 0));
    QVERIFY(parsed("a FETCH 3,* FLAGS\r\n").set.contains(3, 0));
    QVERIFY(!parsed("a FETCH $ FLAGS\r\n").set.contains(1, 10));
    QVERIFY(!set.contains(0, 15));
}

void TestImapCommandParser::sequenceSetIntervals()
{
    const auto describe = [](const QList<ImapSequenceSet::Interval>& intervals) {
        QList<QByteArray> parts;
        for (const auto& interval : intervals)
            parts.append(QByteArray::number(interval.low) + '-' + QByteArray::number(interval.high));
        return parts.join(',');
    };
    const ImapSequenceSet set = parsed("a FETCH 12:*,9,7:4,2,3,5,20 FLAGS\r\n").set;
    QCOMPARE(describe(set.intervals(15)), QByteArray("2-7,9-9,12-15,20-20"));
    QCOMPARE(describe(set.intervals(0)), QByteArray("2-7,9-9,20-20"));
    QCOMPARE(describe(set.intervals(10)), QByteArray("2-7,9-12,20-20"));
    QCOMPARE(describe(parsed("a FETCH *:4 FLAGS\r\n").set.intervals(2)), QByteArray("2-4"));
    QVERIFY(parsed("a FETCH $ FLAGS\r\n").set.intervals(5).isEmpty());
    // intervals() and contains() agree
    for (qint64 largest = 0; largest < 25; ++largest) {
        const auto intervals = set.intervals(largest);
        for (qint64 n = 1; n < 25; ++n) {
            bool inside = false;
            for (const auto& interval : intervals)
                inside = inside || (n >= interval.low && n <= interval.high);
            QCOMPARE(inside, set.contains(n, largest));
        }
    }
}

void TestImapCommandParser::fetchMacros()
{
    QCOMPARE(describeItems(parsed("a FETCH 1 ALL\r\n").fetchItems),
             QByteArray("FLAGS INTERNALDATE RFC822.SIZE ENVELOPE"));
    QCOMPARE(describeItems(parsed("a FETCH 1 fast\r\n").fetchItems),
             QByteArray("FLAGS INTERNALDATE RFC822.SIZE"));
    QCOMPARE(describeItems(parsed("a FETCH 1 FULL\r\n").fetchItems),
             QByteArray("FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY"));
    QCOMPARE(describeItems(parsed("a FETCH 1 FLAGS\r\n").fetchItems), QByteArray("FLAGS"));
    QCOMPARE(ImapCommandParser::parse("a FETCH 1 (ALL)\r\n").error,
             QStringLiteral("Fetch macros cannot be in a list"));
    QCOMPARE(ImapCommandParser::parse("a FETCH 1 ALL FLAGS\r\n").error,
             QStringLiteral("Invalid fetch modifiers"));
}

void TestImapCommandParser::fetchItems_data()
{
    QTest::addColumn<QByteArray>("items");
    QTest::addColumn<QByteArray>("expected"); // empty = invalid
    QTest::newRow("simple") << QByteArray(
                                   "(flags internaldate RFC822.SIZE envelope BODYSTRUCTURE UID MODSEQ)")
                            << QByteArray("FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE UID MODSEQ");
    QTest::newRow("rfc822") << QByteArray("(RFC822 RFC822.HEADER RFC822.TEXT)")
                            << QByteArray("RFC822 RFC822.HEADER RFC822.TEXT");
    QTest::newRow("body structure") << QByteArray("BODY") << QByteArray("BODY");
    QTest::newRow("whole") << QByteArray("BODY[]") << QByteArray("BODY[]");
    QTest::newRow("peek partial") << QByteArray("body.peek[]<0.2048>") << QByteArray("BODY.PEEK[]<0.2048>");
    QTest::newRow("part path") << QByteArray("BODY[1.2.3]") << QByteArray("BODY[1.2.3]");
    QTest::newRow("header") << QByteArray("BODY[HEADER]") << QByteArray("BODY[HEADER]");
    QTest::newRow("part text") << QByteArray("BODY[4.2.TEXT]") << QByteArray("BODY[4.2.TEXT]");
    QTest::newRow("part mime") << QByteArray("BODY[1.mime]") << QByteArray("BODY[1.MIME]");
    QTest::newRow("fields") << QByteArray("BODY.PEEK[HEADER.FIELDS (From to \"Message-ID\")]")
                            << QByteArray("BODY.PEEK[HEADER.FIELDS (FROM TO MESSAGE-ID)]");
    QTest::newRow("fields not") << QByteArray("(UID BODY[2.HEADER.FIELDS.NOT (Received)]<10.5>)")
                                << QByteArray("UID BODY[2.HEADER.FIELDS.NOT (RECEIVED)]<10.5>");
    QTest::newRow("binary") << QByteArray("(BINARY[1] BINARY.PEEK[2.1]<0.100> BINARY.SIZE[3] BINARY[])")
                            << QByteArray("BINARY[1] BINARY.PEEK[2.1]<0.100> BINARY.SIZE[3] BINARY[]");
    QTest::newRow("mime without part") << QByteArray("BODY[MIME]") << QByteArray();
    QTest::newRow("empty fields") << QByteArray("BODY[HEADER.FIELDS ()]") << QByteArray();
    QTest::newRow("zero part") << QByteArray("BODY[0]") << QByteArray();
    QTest::newRow("zero length") << QByteArray("BODY[]<0.0>") << QByteArray();
    QTest::newRow("half partial") << QByteArray("BODY[]<5>") << QByteArray();
    QTest::newRow("unclosed") << QByteArray("BODY[TEXT") << QByteArray();
    QTest::newRow("binary text") << QByteArray("BINARY[1.TEXT]") << QByteArray();
    QTest::newRow("size partial") << QByteArray("BINARY.SIZE[1]<0.1>") << QByteArray();
    QTest::newRow("peek without section") << QByteArray("BODY.PEEK") << QByteArray();
    QTest::newRow("section on flags") << QByteArray("FLAGS[]") << QByteArray();
    QTest::newRow("unknown") << QByteArray("(FLAGS X-GM-MSGID)") << QByteArray();
    QTest::newRow("empty list") << QByteArray("()") << QByteArray();
    QTest::newRow("unclosed list") << QByteArray("(FLAGS UID") << QByteArray();
}

void TestImapCommandParser::fetchItems()
{
    QFETCH(QByteArray, items);
    QFETCH(QByteArray, expected);
    const ImapParseResult result = ImapCommandParser::parse("a1 FETCH 1:* " + items + "\r\n");
    if (expected.isEmpty()) {
        QVERIFY(!result.command);
        QCOMPARE(result.tag, QByteArray("a1"));
        QVERIFY(!result.error.isEmpty());
        return;
    }
    QVERIFY2(result.command, qPrintable(result.error));
    QCOMPARE(describeItems(result.command->fetchItems), expected);
    QCOMPARE(result.command->changedSince, -1);
    QVERIFY(!result.command->condstore);
}

void TestImapCommandParser::fetchModifiers()
{
    const ImapCommand c = parsed("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345678901234)\r\n");
    QVERIFY(c.uid);
    QCOMPARE(c.changedSince, 12345678901234);
    QVERIFY(c.condstore);
    QCOMPARE(ImapCommandParser::parse("a UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)\r\n").error,
             QStringLiteral("VANISHED requires QRESYNC"));
    QCOMPARE(ImapCommandParser::parse("a FETCH 1 FLAGS (FOO 1)\r\n").error,
             QStringLiteral("Unknown fetch modifier"));
    QCOMPARE(ImapCommandParser::parse("a FETCH 1 FLAGS (CHANGEDSINCE x)\r\n").error,
             QStringLiteral("Invalid CHANGEDSINCE value"));
    QCOMPARE(ImapCommandParser::parse("a FETCH 1\r\n").error, QStringLiteral("Missing fetch items"));
}

void TestImapCommandParser::store()
{
    ImapCommand c = parsed("a STORE 2:4 +FLAGS (\\Deleted)\r\n");
    QCOMPARE(c.name, Name::Store);
    QCOMPARE(describeSet(c.set), QByteArray("2:4"));
    QCOMPARE(c.storeMode, ImapCommand::StoreMode::Add);
    QVERIFY(!c.silent);
    QCOMPARE(c.flags, QList<QByteArray>{"\\Deleted"});
    QCOMPARE(c.unchangedSince, -1);
    c = parsed("a UID STORE 7 -flags.silent \\Seen $Junk\r\n");
    QVERIFY(c.uid);
    QCOMPARE(c.storeMode, ImapCommand::StoreMode::Remove);
    QVERIFY(c.silent);
    QCOMPARE(c.flags, (QList<QByteArray>{"\\Seen", "$Junk"}));
    c = parsed("a STORE * (UNCHANGEDSINCE 320162338) FLAGS ()\r\n");
    QCOMPARE(c.storeMode, ImapCommand::StoreMode::Replace);
    QCOMPARE(c.unchangedSince, 320162338);
    QVERIFY(c.flags.isEmpty());
    QCOMPARE(ImapCommandParser::parse("a STORE 1 +FLAGS\r\n").error, QStringLiteral("Missing flags"));
    QCOMPARE(ImapCommandParser::parse("a STORE 1 LABELS (x)\r\n").error,
             QStringLiteral("Unknown store item"));
    QCOMPARE(ImapCommandParser::parse("a STORE 1 (FOO 1) FLAGS ()\r\n").error,
             QStringLiteral("Unknown store modifier"));
    QCOMPARE(ImapCommandParser::parse("a STORE 1 FLAGS (\\Seen\r\n").error,
             QStringLiteral("Invalid flag list"));
}

void TestImapCommandParser::copyMoveAndUid()
{
    ImapCommand c = parsed("a COPY 2:4 MEETING\r\n");
    QCOMPARE(c.name, Name::Copy);
    QCOMPARE(c.mailbox, QByteArray("MEETING"));
    c = parsed("a uid move 1,3 {5}\r\nTrash\r\n");
    QCOMPARE(c.name, Name::Move);
    QVERIFY(c.uid);
    QCOMPARE(c.mailbox, QByteArray("Trash"));
    c = parsed("a UID EXPUNGE 3000:3002\r\n");
    QCOMPARE(c.name, Name::Expunge);
    QVERIFY(c.uid);
    QCOMPARE(describeSet(c.set), QByteArray("3000:3002"));
    QCOMPARE(ImapCommandParser::parse("a UID EXPUNGE\r\n").error, QStringLiteral("Missing sequence set"));
    QCOMPARE(ImapCommandParser::parse("a COPY 1\r\n").error, QStringLiteral("Missing mailbox name"));
    const ImapParseResult noop = ImapCommandParser::parse("a UID NOOP\r\n");
    QVERIFY(noop.unknownCommand);
    QCOMPARE(noop.error, QStringLiteral("Unknown UID command"));
    QCOMPARE(ImapCommandParser::parse("a UID\r\n").error, QStringLiteral("Missing command"));
}

void TestImapCommandParser::search_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<QByteArray>("expected"); // empty = invalid
    QTest::newRow("all") << QByteArray("ALL") << QByteArray("AND(ALL)");
    QTest::newRow("flags") << QByteArray("answered deleted DRAFT flagged NEW OLD RECENT SEEN")
                           << QByteArray("AND(ANSWERED DELETED DRAFT FLAGGED NEW OLD RECENT SEEN)");
    QTest::newRow("unflags") << QByteArray("UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNSEEN")
                             << QByteArray("AND(UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNSEEN)");
    QTest::newRow("strings")
        << QByteArray("FROM \"Smith\" TO {3}\r\nbob CC x BCC y SUBJECT \"a b\" BODY z TEXT w")
        << QByteArray("AND(FROM{Smith} TO{bob} CC{x} BCC{y} SUBJECT{a b} BODY{z} TEXT{w})");
    QTest::newRow("dates")
        << QByteArray("SINCE 1-Feb-1994 BEFORE \"28-feb-2024\" ON 01-Mar-2024 SENTBEFORE 2-Jan-2000 "
                      "SENTON 3-Jan-2000 SENTSINCE 4-Jan-2000")
        << QByteArray("AND(SINCE{1994-02-01} BEFORE{2024-02-28} ON{2024-03-01} "
                      "SENTBEFORE{2000-01-02} SENTON{2000-01-03} SENTSINCE{2000-01-04})");
    QTest::newRow("header") << QByteArray("HEADER Message-ID \"<a@b>\" HEADER X-Spam \"\"")
                            << QByteArray("AND(HEADER{Message-ID:<a@b>} HEADER{X-Spam:})");
    QTest::newRow("keywords") << QByteArray("KEYWORD $Junk UNKEYWORD foo")
                              << QByteArray("AND(KEYWORD{$Junk} UNKEYWORD{foo})");
    QTest::newRow("sizes") << QByteArray("LARGER 1024 SMALLER 10000000000")
                           << QByteArray("AND(LARGER{1024} SMALLER{10000000000})");
    QTest::newRow("sets") << QByteArray("1:3,5 UID 10:* *") << QByteArray("AND(SET{1:3,5} UID{10:*} SET{*})");
    QTest::newRow("nested") << QByteArray("OR (FROM a SEEN) NOT (OR TO b NOT DELETED) 2")
                            << QByteArray(
                                   "AND(OR(AND(FROM{a} SEEN) NOT(AND(OR(TO{b} NOT(DELETED))))) SET{2})");
    QTest::newRow("or or") << QByteArray("OR OR SEEN FLAGGED DRAFT")
                           << QByteArray("AND(OR(OR(SEEN FLAGGED) DRAFT))");
    QTest::newRow("modseq") << QByteArray("MODSEQ 620162338") << QByteArray("AND(MODSEQ{620162338})");
    QTest::newRow("modseq entry") << QByteArray("MODSEQ \"/flags/\\\\draft\" all 620162338")
                                  << QByteArray("AND(MODSEQ{620162338})");
    QTest::newRow("unknown key") << QByteArray("YOUNGER 10") << QByteArray();
    QTest::newRow("missing argument") << QByteArray("FROM") << QByteArray();
    QTest::newRow("missing or operand") << QByteArray("OR SEEN") << QByteArray();
    QTest::newRow("bad date") << QByteArray("SINCE 30-Feb-2024") << QByteArray();
    QTest::newRow("bad date form") << QByteArray("SINCE 2024-02-01") << QByteArray();
    QTest::newRow("empty list") << QByteArray("()") << QByteArray();
    QTest::newRow("unclosed list") << QByteArray("(SEEN") << QByteArray();
    QTest::newRow("bad entry type") << QByteArray("MODSEQ \"/flags/\\\\draft\" some 1") << QByteArray();
    QTest::newRow("zero set") << QByteArray("0") << QByteArray();
}

void TestImapCommandParser::search()
{
    QFETCH(QByteArray, program);
    QFETCH(QByteArray, expected);
    const ImapParseResult result = ImapCommandParser::parse("a SEARCH " + program + "\r\n");
    if (expected.isEmpty()) {
        QVERIFY(!result.command);
        QVERIFY(!result.error.isEmpty());
        return;
    }
    QVERIFY2(result.command, qPrintable(result.error));
    QCOMPARE(describeKey(result.command->search), expected);
    QVERIFY(!result.command->searchReturn);
    QVERIFY(result.command->charset.isEmpty());
}

void TestImapCommandParser::searchReturnAndCharset()
{
    ImapCommand c =
        parsed("a UID SEARCH RETURN (min COUNT max) CHARSET utf-8 SUBJECT {4}\r\n\xc3\xa4\xc3\xb6\r\n");
    QVERIFY(c.uid);
    QVERIFY(c.searchReturn);
    QCOMPARE(c.returnOptions, (QList<QByteArray>{"MIN", "COUNT", "MAX"}));
    QCOMPARE(c.charset, QByteArray("UTF-8"));
    QCOMPARE(describeKey(c.search), QByteArray("AND(SUBJECT{\xc3\xa4\xc3\xb6})"));
    c = parsed("a SEARCH RETURN () ALL\r\n");
    QCOMPARE(c.returnOptions, QList<QByteArray>{"ALL"});
    QCOMPARE(ImapCommandParser::parse("a SEARCH RETURN (SAVE) ALL\r\n").error,
             QStringLiteral("SEARCHRES is not supported"));
    QCOMPARE(ImapCommandParser::parse("a SEARCH RETURN (PARTIAL 1:5) ALL\r\n").error,
             QStringLiteral("Unknown search return option"));
    QCOMPARE(ImapCommandParser::parse("a SEARCH CHARSET UTF-8\r\n").error,
             QStringLiteral("Missing search criteria"));
    QCOMPARE(ImapCommandParser::parse("a SEARCH\r\n").error, QStringLiteral("Missing search criteria"));
    QCOMPARE(ImapCommandParser::parse("a SEARCH ALL \r\n").error, QStringLiteral("Missing search criteria"));
    QCOMPARE(describeKey(parsed("a SEARCH $\r\n").search), QByteArray("AND(SET{$})"));
}

void TestImapCommandParser::searchDepthIsBounded()
{
    QByteArray nots;
    for (int i = 0; i < 63; ++i)
        nots += "NOT ";
    QVERIFY(ImapCommandParser::parse("a SEARCH " + nots + "SEEN\r\n").command);
    const ImapParseResult deep = ImapCommandParser::parse("a SEARCH NOT " + nots + "SEEN\r\n");
    QVERIFY(!deep.command);
    QCOMPARE(deep.error, QStringLiteral("Search program too deeply nested"));
    const ImapParseResult parens = ImapCommandParser::parse("a SEARCH " + QByteArray(100000, '(') + "\r\n");
    QCOMPARE(parens.error, QStringLiteral("Search program too deeply nested"));
    const ImapParseResult many =
        ImapCommandParser::parse("a SEARCH" + QByteArray(" SEEN").repeated(10001) + "\r\n");
    QCOMPARE(many.error, QStringLiteral("Too many search keys"));
}

void TestImapCommandParser::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<QString>("error");
    QTest::newRow("fetch no set") << QByteArray("f1 FETCH\r\n") << QByteArray("f1")
                                  << QStringLiteral("Missing sequence set");
    QTest::newRow("fetch bad set") << QByteArray("f1 FETCH x FLAGS\r\n") << QByteArray("f1")
                                   << QStringLiteral("Invalid sequence set");
    QTest::newRow("fetch unknown") << QByteArray("f2 FETCH 1 FOO\r\n") << QByteArray("f2")
                                   << QStringLiteral("Unknown fetch item");
    QTest::newRow("delete no mailbox")
        << QByteArray("d DELETE\r\n") << QByteArray("d") << QStringLiteral("Missing mailbox name");
    QTest::newRow("mailbox paren") << QByteArray("d DELETE (x)\r\n") << QByteArray("d")
                                   << QStringLiteral("Invalid characters in string");
    QTest::newRow("tab") << QByteArray("t\tNOOP\r\n") << QByteArray("*") << QStringLiteral("Invalid tag");
    QTest::newRow("ctl in command") << QByteArray("t NO\x01OP\r\n") << QByteArray("t")
                                    << QStringLiteral("Unknown command");
    QTest::newRow("copy extra") << QByteArray("c COPY 1 A B\r\n") << QByteArray("c")
                                << QStringLiteral("Unexpected text after the command");
}

void TestImapCommandParser::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, tag);
    QFETCH(QString, error);
    const ImapParseResult result = ImapCommandParser::parse(text);
    QVERIFY(!result.command);
    QCOMPARE(result.tag, tag);
    QCOMPARE(result.error, error);
}

QTEST_GUILESS_MAIN(TestImapCommandParser)
#include "tst_imap_command_parser.moc"
