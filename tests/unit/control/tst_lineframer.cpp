#include "shared/control/LineFramer.h"

#include <QTest>

using pw::control::LineFramer;
using Status = LineFramer::Status;

Q_DECLARE_METATYPE(LineFramer::Status)

namespace {

// Feeds `bytes` in pieces of `chunk` bytes; stops at the first overflow.
Status feedInChunks(LineFramer& framer, const QByteArray& bytes, qsizetype chunk, QList<QByteArray>& lines)
{
    for (qsizetype i = 0; i < bytes.size(); i += chunk) {
        if (framer.feed(bytes.mid(i, chunk), lines) == Status::Overflow)
            return Status::Overflow;
    }
    return Status::Ok;
}

} // namespace

class TestLineFramer : public QObject
{
    Q_OBJECT

private slots:
    void splitting_data();
    void splitting();
    void byteAtATimeMatchesWhole_data();
    void byteAtATimeMatchesWhole();
    void crSplitFromLfAcrossFeeds();
    void partialLineIsPending();
    void emptyFeed();
    void lineAtTheLimit();
    void overflowWithNewline();
    void overflowWithoutNewline();
    void overflowByteAtATime();
    void linesBeforeOverflowInSameChunk();
    void stateAfterOverflow();
    void megabyteLineInChunks();
};

void TestLineFramer::splitting_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<qsizetype>("pending");

    QTest::newRow("one LF line") << QByteArray("abc\n") << QList<QByteArray>{"abc"} << qsizetype(0);
    QTest::newRow("one CRLF line") << QByteArray("abc\r\n") << QList<QByteArray>{"abc"} << qsizetype(0);
    QTest::newRow("several in one chunk")
        << QByteArray("a\nbb\r\nccc\n") << QList<QByteArray>{"a", "bb", "ccc"} << qsizetype(0);
    QTest::newRow("several plus partial")
        << QByteArray("a\nb\ncc") << QList<QByteArray>{"a", "b"} << qsizetype(2);
    QTest::newRow("empty lines") << QByteArray("\n\r\n\n") << QList<QByteArray>{"", "", ""} << qsizetype(0);
    QTest::newRow("CR inside a line is kept")
        << QByteArray("a\rb\n") << QList<QByteArray>{"a\rb"} << qsizetype(0);
    QTest::newRow("only one CR is stripped")
        << QByteArray("a\r\r\n") << QList<QByteArray>{"a\r"} << qsizetype(0);
    QTest::newRow("lone CR line") << QByteArray("\r\n") << QList<QByteArray>{""} << qsizetype(0);
    QTest::newRow("no newline") << QByteArray("abc") << QList<QByteArray>{} << qsizetype(3);
    QTest::newRow("trailing CR pending") << QByteArray("abc\r") << QList<QByteArray>{} << qsizetype(4);
    QTest::newRow("NUL bytes are data")
        << QByteArray("a\0b\n", 4) << QList<QByteArray>{QByteArray("a\0b", 3)} << qsizetype(0);
}

void TestLineFramer::splitting()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(qsizetype, pending);

    LineFramer framer(100);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed(input, lines), Status::Ok);
    QCOMPARE(lines, expected);
    QCOMPARE(framer.pending(), pending);
}

void TestLineFramer::byteAtATimeMatchesWhole_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("LF") << QByteArray("first\nsecond\nthird\n");
    QTest::newRow("CRLF") << QByteArray("first\r\nsecond\r\nthird\r\n");
    QTest::newRow("mixed") << QByteArray("a\r\nb\nc\r\n\n\r\nd");
    QTest::newRow("JSON") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"status"})"
                                        "\n"
                                        R"({"jsonrpc":"2.0","method":"n"})"
                                        "\r\n");
}

void TestLineFramer::byteAtATimeMatchesWhole()
{
    QFETCH(QByteArray, input);

    LineFramer whole(1000);
    QList<QByteArray> expected;
    QCOMPARE(whole.feed(input, expected), Status::Ok);

    for (qsizetype chunk : {1, 2, 3, 7}) {
        LineFramer framer(1000);
        QList<QByteArray> lines;
        QCOMPARE(feedInChunks(framer, input, chunk, lines), Status::Ok);
        QCOMPARE(lines, expected);
        QCOMPARE(framer.pending(), whole.pending());
    }
}

void TestLineFramer::crSplitFromLfAcrossFeeds()
{
    LineFramer framer(100);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed("hello\r", lines), Status::Ok);
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.feed("\n", lines), Status::Ok);
    QCOMPARE(lines, QList<QByteArray>{"hello"});
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::partialLineIsPending()
{
    LineFramer framer(100);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed("par", lines), Status::Ok);
    QCOMPARE(framer.feed("tial", lines), Status::Ok);
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.pending(), 7);
    QCOMPARE(framer.feed("\nnext", lines), Status::Ok);
    QCOMPARE(lines, QList<QByteArray>{"partial"});
    QCOMPARE(framer.pending(), 4);
    // `lines` is appended to, not replaced.
    QCOMPARE(framer.feed("\n", lines), Status::Ok);
    QCOMPARE(lines, (QList<QByteArray>{"partial", "next"}));
}

void TestLineFramer::emptyFeed()
{
    LineFramer framer(10);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed(QByteArray(), lines), Status::Ok);
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::lineAtTheLimit()
{
    // The limit is on the bytes held before the LF: exactly the limit passes, one more does not.
    const QByteArray ten(10, 'x');
    for (qsizetype chunk : {1, 4, 100}) {
        LineFramer framer(10);
        QList<QByteArray> lines;
        QCOMPARE(feedInChunks(framer, ten + '\n', chunk, lines), Status::Ok);
        QCOMPARE(lines, QList<QByteArray>{ten});
    }
    for (qsizetype chunk : {1, 4, 100}) {
        LineFramer framer(10);
        QList<QByteArray> lines;
        QCOMPARE(feedInChunks(framer, ten + "x\n", chunk, lines), Status::Overflow);
    }
    // A CR counts as held bytes too, so a CRLF line has one byte less room; whole or piecewise agree.
    for (qsizetype chunk : {1, 100}) {
        LineFramer framer(10);
        QList<QByteArray> lines;
        QCOMPARE(feedInChunks(framer, QByteArray(9, 'x') + "\r\n", chunk, lines), Status::Ok);
        QCOMPARE(lines, QList<QByteArray>{QByteArray(9, 'x')});
        LineFramer tight(10);
        QCOMPARE(feedInChunks(tight, ten + "\r\n", chunk, lines), Status::Overflow);
    }
}

void TestLineFramer::overflowWithNewline()
{
    LineFramer framer(16);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed(QByteArray(17, 'a') + '\n', lines), Status::Overflow);
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::overflowWithoutNewline()
{
    LineFramer framer(16);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed(QByteArray(16, 'a'), lines), Status::Ok); // still within the limit
    QCOMPARE(framer.pending(), 16);
    QCOMPARE(framer.feed("a", lines), Status::Overflow);
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.pending(), 0); // the framer never holds more than the limit

    LineFramer big(16);
    QCOMPARE(big.feed(QByteArray(1024 * 1024, 'b'), lines), Status::Overflow);
    QCOMPARE(big.pending(), 0);
}

void TestLineFramer::overflowByteAtATime()
{
    LineFramer framer(8);
    QList<QByteArray> lines;
    int fedBeforeOverflow = 0;
    Status status = Status::Ok;
    for (int i = 0; i < 100 && status == Status::Ok; ++i) {
        status = framer.feed("z", lines);
        ++fedBeforeOverflow;
    }
    QCOMPARE(status, Status::Overflow);
    QCOMPARE(fedBeforeOverflow, 9); // detected on the first byte over the limit, not later
    QVERIFY(lines.isEmpty());
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::linesBeforeOverflowInSameChunk()
{
    // As implemented: complete lines that precede the overlong one in the same chunk are still
    // handed out, the overlong line and everything after it in that chunk are dropped.
    LineFramer framer(8);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed("ok\nfine\n" + QByteArray(20, 'x') + "\nlost\n", lines), Status::Overflow);
    QCOMPARE(lines, (QList<QByteArray>{"ok", "fine"}));
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::stateAfterOverflow()
{
    // As implemented: an overflow empties the buffer and the framer stays usable; the next byte
    // starts a new line. The framer does not skip to the end of the overlong line, so a caller
    // that kept reading would see its tail as a line. Both callers (ControlConnection and
    // ControlClient) drop the connection on overflow instead.
    LineFramer framer(8);
    QList<QByteArray> lines;
    QCOMPARE(framer.feed(QByteArray(12, 'x'), lines), Status::Overflow);
    QCOMPARE(framer.pending(), 0);
    QCOMPARE(framer.feed("tail\nnext\n", lines), Status::Ok);
    QCOMPARE(lines, (QList<QByteArray>{"tail", "next"}));

    lines.clear();
    QCOMPARE(framer.feed(QByteArray(9, 'y') + "\n", lines), Status::Overflow);
    QCOMPARE(framer.feed("again\r\n", lines), Status::Ok);
    QCOMPARE(lines, QList<QByteArray>{"again"});
    QCOMPARE(framer.pending(), 0);
}

void TestLineFramer::megabyteLineInChunks()
{
    const qsizetype limit = 1024 * 1024;
    LineFramer framer(limit);
    QList<QByteArray> lines;
    const QByteArray input = QByteArray(limit, 'm') + "\n" + QByteArray(limit - 1, 'n') + "\r\nshort\n";
    QCOMPARE(feedInChunks(framer, input, 4096, lines), Status::Ok);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QByteArray(limit, 'm'));
    QCOMPARE(lines.at(1), QByteArray(limit - 1, 'n'));
    QCOMPARE(lines.at(2), QByteArray("short"));
    QCOMPARE(framer.pending(), 0);
}

QTEST_APPLESS_MAIN(TestLineFramer)
#include "tst_lineframer.moc"
