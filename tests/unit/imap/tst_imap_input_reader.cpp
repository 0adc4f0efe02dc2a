// ImapInputReader: commands split over any number of reads, CRLF and bare LF, synchronizing and
// non-synchronizing literals, the limits on lines, literals and whole commands (refused or
// fatal), APPEND's larger literal limit, and raw-line mode.

#include "service/imap/ImapInputReader.h"

#include <QRandomGenerator>
#include <QTest>

using pw::service::ImapInputReader;
using Event = ImapInputReader::Event;

namespace {

// One line per event: "C:<text>", "+:<text>", "R:<tag>:<error>[:TOOBIG]", "F:<tag>:<error>".
QByteArray describe(const ImapInputReader::Input& input)
{
    switch (input.event) {
    case Event::None:
        return "N";
    case Event::Command:
        return "C:" + input.text;
    case Event::Continue:
        return "+:" + input.text;
    case Event::Refused:
        return "R:" + input.tag + ':' + input.error.toUtf8() + (input.tooBig ? ":TOOBIG" : "");
    case Event::Fatal:
        return "F:" + input.tag + ':' + input.error.toUtf8();
    }
    return "?";
}

QList<QByteArray> drain(ImapInputReader& reader)
{
    QList<QByteArray> events;
    for (int guard = 0; guard < 100000; ++guard) {
        const ImapInputReader::Input input = reader.next();
        if (input.event == Event::None)
            break;
        events.append(describe(input));
    }
    return events;
}

QList<QByteArray> readAll(const QByteArray& input, ImapInputReader::Limits limits = {})
{
    ImapInputReader reader(limits);
    reader.feed(input);
    return drain(reader);
}

QList<QByteArray> readByteByByte(const QByteArray& input, ImapInputReader::Limits limits = {})
{
    ImapInputReader reader(limits);
    QList<QByteArray> events;
    for (const char c : input) {
        reader.feed(QByteArray(1, c));
        events += drain(reader);
    }
    return events;
}

ImapInputReader::Limits smallLimits()
{
    ImapInputReader::Limits limits;
    limits.maxLineLength = 100;
    limits.maxLiteral = 50;
    limits.maxAppendLiteral = 1000;
    limits.maxCommandSize = 1200;
    return limits;
}

} // namespace

class TestImapInputReader : public QObject
{
    Q_OBJECT

private slots:
    void singleCommand();
    void pipelinedCommands();
    void bareLfBecomesCrlf();
    void partialLineWaits();
    void syncLiteral();
    void nonSyncLiteral();
    void literalDataIsOpaque();
    void emptyLiterals();
    void binaryLiteral();
    void byteByByteGivesSameEvents();
    void randomSplitsGiveSameEvents();
    void oversizedSyncLiteral();
    void oversizedNonSyncLiteralIsFatal();
    void appendAllowsBigLiteral();
    void appendOverItsLimit();
    void lineTooLong();
    void lineTooLongIsNotBuffered();
    void lineFarTooLongIsFatal();
    void longLineAnnouncingNonSyncLiteralIsFatal();
    void commandTooBig();
    void rawLines();
    void bufferedCountsPendingBytes();
};

void TestImapInputReader::singleCommand()
{
    QCOMPARE(readAll("a1 NOOP\r\n"), QList<QByteArray>{"C:a1 NOOP\r\n"});
    QCOMPARE(readAll("\r\n"), QList<QByteArray>{"C:\r\n"});
}

void TestImapInputReader::pipelinedCommands()
{
    QCOMPARE(readAll("a NOOP\r\nb CAPABILITY\r\nc LOGOUT\r\n"),
             (QList<QByteArray>{"C:a NOOP\r\n", "C:b CAPABILITY\r\n", "C:c LOGOUT\r\n"}));
}

void TestImapInputReader::bareLfBecomesCrlf()
{
    QCOMPARE(readAll("a NOOP\nb NOOP\r\n"), (QList<QByteArray>{"C:a NOOP\r\n", "C:b NOOP\r\n"}));
    QCOMPARE(readAll("a LOGIN {1+}\nx y\n"), QList<QByteArray>{"C:a LOGIN {1+}\r\nx y\r\n"});
    // a CR alone is no line end; the parser will refuse it
    QCOMPARE(readAll("a NO\rOP\r\n"), QList<QByteArray>{"C:a NO\rOP\r\n"});
}

void TestImapInputReader::partialLineWaits()
{
    ImapInputReader reader;
    reader.feed("a NO");
    QCOMPARE(reader.next().event, Event::None);
    reader.feed("OP\r");
    QCOMPARE(reader.next().event, Event::None);
    reader.feed("\nb");
    QCOMPARE(drain(reader), QList<QByteArray>{"C:a NOOP\r\n"});
    QCOMPARE(reader.buffered(), 1);
}

void TestImapInputReader::syncLiteral()
{
    ImapInputReader reader;
    reader.feed("a LOGIN {3}\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"+:Ready for literal"});
    reader.feed("joe {6}\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"+:Ready for literal"});
    reader.feed("sec");
    QCOMPARE(drain(reader), QList<QByteArray>{});
    reader.feed("ret\r\nb NOOP\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"C:a LOGIN {3}\r\njoe {6}\r\nsecret\r\n", "C:b NOOP\r\n"}));
}

void TestImapInputReader::nonSyncLiteral()
{
    QCOMPARE(readAll("a LOGIN {3+}\r\njoe {6+}\r\nsecret\r\n"),
             QList<QByteArray>{"C:a LOGIN {3+}\r\njoe {6+}\r\nsecret\r\n"});
}

void TestImapInputReader::literalDataIsOpaque()
{
    // a literal's bytes may hold line ends, bare LFs and what looks like literal sizes
    const QByteArray command = "a LOGIN {12+}\r\nx\r\ny{5}\r\n\nz\r {1+}\r\n\n\r\n";
    QCOMPARE(readAll(command), QList<QByteArray>{"C:" + command});
}

void TestImapInputReader::emptyLiterals()
{
    QCOMPARE(readAll("a LOGIN {0}\r\n {0+}\r\n\r\n"),
             (QList<QByteArray>{"+:Ready for literal", "C:a LOGIN {0}\r\n {0+}\r\n\r\n"}));
}

void TestImapInputReader::binaryLiteral()
{
    const QByteArray command("a APPEND INBOX ~{3+}\r\n\0\r\n\r\n", 27);
    QCOMPARE(readAll(command), QList<QByteArray>{"C:" + command});
}

void TestImapInputReader::byteByByteGivesSameEvents()
{
    const QByteArray input = "a LOGIN {3}\r\njoe {2+}\npw\r\nb APPEND INBOX (\\Seen) {5}\r\nHello\r\n"
                             "c FETCH 1 BODY[]\n";
    const QList<QByteArray> whole = readAll(input);
    QCOMPARE(whole, (QList<QByteArray>{"+:Ready for literal", "C:a LOGIN {3}\r\njoe {2+}\r\npw\r\n",
                                       "+:Ready for literal", "C:b APPEND INBOX (\\Seen) {5}\r\nHello\r\n",
                                       "C:c FETCH 1 BODY[]\r\n"}));
    QCOMPARE(readByteByByte(input), whole);
}

void TestImapInputReader::randomSplitsGiveSameEvents()
{
    const ImapInputReader::Limits limits = smallLimits();
    const QByteArray input = "a LOGIN {3}\r\njoe pw\r\n" + QByteArray(150, 'x') +
                             "\r\nb NOOP\r\nc LOGIN {60}\r\n" + "d APPEND x {900}\r\n" +
                             QByteArray(900, 'm') + "\r\ne SELECT {4+}\r\nabcd\r\n";
    const QList<QByteArray> whole = readAll(input, limits);
    QCOMPARE(whole.size(), 8);
    auto* random = QRandomGenerator::global();
    for (int round = 0; round < 50; ++round) {
        ImapInputReader reader(limits);
        QList<QByteArray> events;
        for (qsizetype from = 0; from < input.size();) {
            const qsizetype size = std::min<qsizetype>(input.size() - from, random->bounded(1, 40));
            reader.feed(input.mid(from, size));
            events += drain(reader);
            from += size;
        }
        QCOMPARE(events, whole);
    }
}

void TestImapInputReader::oversizedSyncLiteral()
{
    const QList<QByteArray> events = readAll("a LOGIN {51}\r\nb NOOP\r\n", smallLimits());
    QCOMPARE(events, (QList<QByteArray>{"R:a:Literal too big", "C:b NOOP\r\n"}));
    // the literal of the next line is read as usual
    QCOMPARE(readAll("a LOGIN joe {50}\r\n", smallLimits()), QList<QByteArray>{"+:Ready for literal"});
    QCOMPARE(readAll("a LOGIN {99999999999999999999999}\r\n", smallLimits()),
             QList<QByteArray>{"R:a:Literal too big"});
    QCOMPARE(readAll("a LOGIN {9223372036854775807}\r\n{9223372036854775808+}\r\n"),
             (QList<QByteArray>{"R:a:Literal too big", "F:*:Literal too big"}));
}

void TestImapInputReader::oversizedNonSyncLiteralIsFatal()
{
    ImapInputReader reader(smallLimits());
    reader.feed("a LOGIN {51+}\r\n" + QByteArray(51, 'x') + "\r\nb NOOP\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"F:a:Literal too big"});
    reader.feed("c NOOP\r\n");
    QCOMPARE(reader.next().event, Event::None);
    QCOMPARE(reader.buffered(), 0);
}

void TestImapInputReader::appendAllowsBigLiteral()
{
    const QByteArray message(1000, 'm');
    QCOMPARE(readAll("A1 append INBOX {1000}\r\n" + message + "\r\n", smallLimits()),
             (QList<QByteArray>{"+:Ready for literal", "C:A1 append INBOX {1000}\r\n" + message + "\r\n"}));
    QCOMPARE(readAll("A2 APPEND INBOX {1000+}\r\n" + message + "\r\n", smallLimits()).size(), 1);
    // only APPEND: a mailbox name that merely starts with APPEND does not count
    QCOMPARE(readAll("A3 APPENDX INBOX {60}\r\n", smallLimits()), QList<QByteArray>{"R:A3:Literal too big"});
}

void TestImapInputReader::appendOverItsLimit()
{
    QCOMPARE(readAll("A1 APPEND INBOX {1001}\r\nA2 NOOP\r\n", smallLimits()),
             (QList<QByteArray>{"R:A1:Message too big:TOOBIG", "C:A2 NOOP\r\n"}));
    QCOMPARE(readAll("A1 APPEND INBOX {1001+}\r\n", smallLimits()),
             QList<QByteArray>{"F:A1:Literal too big"});
}

void TestImapInputReader::lineTooLong()
{
    const ImapInputReader::Limits limits = smallLimits();
    const QByteArray longLine = "x1 LOGIN " + QByteArray(92, 'a');
    QCOMPARE(longLine.size(), 101);
    QCOMPARE(readAll(longLine.chopped(1) + "\r\nb NOOP\r\n", limits),
             (QList<QByteArray>{"C:" + longLine.chopped(1) + "\r\n", "C:b NOOP\r\n"}));
    QCOMPARE(readAll(longLine + "\r\nb NOOP\r\n", limits),
             (QList<QByteArray>{"R:x1:Line too long", "C:b NOOP\r\n"}));
    QCOMPARE(readByteByByte(longLine + "\r\nb NOOP\r\n", limits),
             (QList<QByteArray>{"R:x1:Line too long", "C:b NOOP\r\n"}));
    // a long line after a literal: the whole command goes, with its tag
    QCOMPARE(readAll("x2 LOGIN {1+}\r\na " + QByteArray(200, 'b') + "\nc NOOP\n", limits),
             (QList<QByteArray>{"R:x2:Line too long", "C:c NOOP\r\n"}));
    QCOMPARE(readAll(QByteArray(300, '(') + "\r\n", limits), QList<QByteArray>{"R:*:Line too long"});
}

void TestImapInputReader::lineTooLongIsNotBuffered()
{
    ImapInputReader reader(smallLimits());
    for (int i = 0; i < 15; ++i) {
        reader.feed(QByteArray(100, 'z'));
        QCOMPARE(drain(reader), QList<QByteArray>{});
        QVERIFY(reader.buffered() <= 101);
    }
    reader.feed("\r\nb NOOP\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"R:*:Line too long", "C:b NOOP\r\n"}));
}

void TestImapInputReader::lineFarTooLongIsFatal()
{
    ImapInputReader reader(smallLimits());
    reader.feed("t1 LOGIN ");
    QList<QByteArray> events;
    for (int i = 0; i < 20 && events.isEmpty(); ++i) {
        reader.feed(QByteArray(100, 'z'));
        events = drain(reader);
    }
    QCOMPARE(events, QList<QByteArray>{"F:t1:Line too long"});
    reader.feed("\r\nb NOOP\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{});
    // the same verdict when the whole line is already there
    const QByteArray far = "t2 " + QByteArray(1597, 'z');
    QCOMPARE(readAll(far + "\r\nb NOOP\r\n", smallLimits()),
             (QList<QByteArray>{"R:t2:Line too long", "C:b NOOP\r\n"}));
    QCOMPARE(readByteByByte(far + "\r\nb NOOP\r\n", smallLimits()),
             (QList<QByteArray>{"R:t2:Line too long", "C:b NOOP\r\n"}));
    QCOMPARE(readAll(far + "z\r\nb NOOP\r\n", smallLimits()), QList<QByteArray>{"F:t2:Line too long"});
    QCOMPARE(readByteByByte(far + "z\r\nb NOOP\r\n", smallLimits()), QList<QByteArray>{"F:t2:Line too long"});
}

void TestImapInputReader::longLineAnnouncingNonSyncLiteralIsFatal()
{
    const ImapInputReader::Limits limits = smallLimits();
    QCOMPARE(readAll("a LOGIN " + QByteArray(200, 'x') + " {5+}\r\nhello\r\n", limits),
             QList<QByteArray>{"F:a:Line too long"});
    QCOMPARE(readAll("a LOGIN " + QByteArray(200, 'x') + " {5}\r\nb NOOP\r\n", limits),
             (QList<QByteArray>{"R:a:Line too long", "C:b NOOP\r\n"}));
}

void TestImapInputReader::commandTooBig()
{
    ImapInputReader::Limits limits = smallLimits();
    limits.maxCommandSize = 120;
    // each literal is within its limit, together they are not
    QCOMPARE(readAll("a LOGIN {40+}\r\n" + QByteArray(40, 'x') + " {40+}\r\n" + QByteArray(40, 'y') +
                         " {40}\r\n" + "b NOOP\r\n",
                     limits),
             (QList<QByteArray>{"R:a:Literal too big", "C:b NOOP\r\n"}));
    QCOMPARE(readAll("a LOGIN {40+}\r\n" + QByteArray(40, 'x') + " " + QByteArray(80, 'y') + "\r\nb NOOP\r\n",
                     limits),
             (QList<QByteArray>{"R:a:Command too long", "C:b NOOP\r\n"}));
}

void TestImapInputReader::rawLines()
{
    ImapInputReader reader;
    reader.feed("a IDLE\r\nDONE\r\nb NOOP {3}\r\n");
    const ImapInputReader::Input idle = reader.next();
    QCOMPARE(describe(idle), QByteArray("C:a IDLE\r\n"));
    reader.setRawLines(true);
    QCOMPARE(drain(reader), (QList<QByteArray>{"C:DONE\r\n", "C:b NOOP {3}\r\n"}));
    reader.feed("AGpvZQ==\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"C:AGpvZQ==\r\n"});
    reader.setRawLines(false);
    reader.feed("c LOGIN {1}\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"+:Ready for literal"});
}

void TestImapInputReader::bufferedCountsPendingBytes()
{
    ImapInputReader reader;
    QCOMPARE(reader.buffered(), 0);
    reader.feed("a LOGIN {10}\r\n12345");
    QCOMPARE(reader.buffered(), 19);
    QCOMPARE(describe(reader.next()), QByteArray("+:Ready for literal"));
    QCOMPARE(reader.next().event, Event::None);
    QCOMPARE(reader.buffered(), 19); // the command so far, literal bytes included
    reader.feed("67890\r\n");
    QCOMPARE(reader.next().event, Event::Command);
    QCOMPARE(reader.buffered(), 0);
}

QTEST_GUILESS_MAIN(TestImapInputReader)
#include "tst_imap_input_reader.moc"
