// SmtpLineReader: CRLF and bare LF line ends, lines split over any number of reads, over-long
// lines dropped and reported once, and the bytes left over for DATA/BDAT or STARTTLS.

#include "service/smtp/SmtpLineReader.h"

#include <QRandomGenerator>
#include <QTest>

using pw::service::SmtpLineReader;
using Kind = SmtpLineReader::Line::Kind;

namespace {

// "text" for a complete line, "<too long>" for an over-long one.
QList<QByteArray> drain(SmtpLineReader& reader)
{
    QList<QByteArray> lines;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto line = reader.next();
        if (!line)
            break;
        lines.append(line->kind == Kind::TooLong ? QByteArray("<too long>") : line->text);
    }
    return lines;
}

QList<QByteArray> readInPieces(const QByteArray& input, const QList<qsizetype>& cuts, qsizetype max)
{
    SmtpLineReader reader(max);
    QList<QByteArray> lines;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        reader.feed(QByteArrayView(input).sliced(from, cut - from));
        lines += drain(reader);
        from = cut;
    }
    reader.feed(QByteArrayView(input).sliced(from));
    lines += drain(reader);
    return lines;
}

} // namespace

class TestSmtpLineReader : public QObject
{
    Q_OBJECT

private slots:
    void crlfLines();
    void bareLfEndsLine();
    void bareCrIsKept();
    void partialLineWaits();
    void byteByByte();
    void randomSplitsGiveSameLines();
    void emptyLines();
    void lineAtLimit();
    void tooLongCompleteLine();
    void tooLongLineIsNotBuffered();
    void tooLongLineEndingInLaterFeed();
    void linesAfterTooLongSurvive();
    void takeBufferedKeepsRawBytes();
    void takeBufferedAfterPipelinedStartTls();
    void manyLinesStayLinear();
};

void TestSmtpLineReader::crlfLines()
{
    SmtpLineReader reader;
    reader.feed("EHLO a.example\r\nMAIL FROM:<a@b.example>\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"EHLO a.example", "MAIL FROM:<a@b.example>"}));
    QCOMPARE(reader.bufferedSize(), 0);
}

void TestSmtpLineReader::bareLfEndsLine()
{
    SmtpLineReader reader;
    reader.feed("HELO x\nQUIT\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"HELO x", "QUIT"}));
}

void TestSmtpLineReader::bareCrIsKept()
{
    SmtpLineReader reader;
    reader.feed("NOOP a\rb\r\nQUIT\r\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"NOOP a\rb", "QUIT\r"}));
    // A lone CR does not end a line.
    reader.feed("RSET\r");
    QVERIFY(!reader.next());
    reader.feed("\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"RSET"});
}

void TestSmtpLineReader::partialLineWaits()
{
    SmtpLineReader reader;
    reader.feed("EHLO a.exa");
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedSize(), 10);
    reader.feed("mple\r");
    QVERIFY(!reader.next());
    reader.feed("\nDA");
    QCOMPARE(drain(reader), QList<QByteArray>{"EHLO a.example"});
    QCOMPARE(reader.bufferedSize(), 2);
}

void TestSmtpLineReader::byteByByte()
{
    const QByteArray input = "EHLO a\r\nMAIL FROM:<>\nRCPT TO:<b@c>\r\nNOOP \r x\r\n";
    SmtpLineReader reader;
    QList<QByteArray> lines;
    for (const char c : input) {
        reader.feed(QByteArrayView(&c, 1));
        lines += drain(reader);
    }
    QCOMPARE(lines, (QList<QByteArray>{"EHLO a", "MAIL FROM:<>", "RCPT TO:<b@c>", "NOOP \r x"}));
}

void TestSmtpLineReader::randomSplitsGiveSameLines()
{
    QByteArray input;
    for (int i = 0; i < 200; ++i) {
        input += "NOOP " + QByteArray::number(i) + (i % 3 == 0 ? "\n" : "\r\n");
        if (i % 50 == 7)
            input += QByteArray(300, 'x') + "\r\n";
    }
    const QList<QByteArray> whole = readInPieces(input, {}, 100);
    QCOMPARE(whole.size(), 204);
    QCOMPARE(whole.count("<too long>"), 4);
    QRandomGenerator random(4242);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> cuts;
        qsizetype at = 0;
        while (true) {
            at += random.bounded(1, 40);
            if (at >= input.size())
                break;
            cuts.append(at);
        }
        QCOMPARE(readInPieces(input, cuts, 100), whole);
    }
}

void TestSmtpLineReader::emptyLines()
{
    SmtpLineReader reader;
    reader.feed("\r\n\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"", ""}));
}

void TestSmtpLineReader::lineAtLimit()
{
    SmtpLineReader reader(10);
    reader.feed(QByteArray(10, 'a') + "\r\n" + QByteArray(11, 'b') + "\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{QByteArray(10, 'a'), "<too long>"}));
    // Fed in two parts, the CR may arrive alone after a line of exactly the limit.
    reader.feed(QByteArray(10, 'c') + "\r");
    QVERIFY(!reader.next());
    reader.feed("\n");
    QCOMPARE(drain(reader), QList<QByteArray>{QByteArray(10, 'c')});
}

void TestSmtpLineReader::tooLongCompleteLine()
{
    SmtpLineReader reader(16);
    reader.feed(QByteArray(100, 'x') + "\r\nQUIT\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"<too long>", "QUIT"}));
}

void TestSmtpLineReader::tooLongLineIsNotBuffered()
{
    SmtpLineReader reader(64);
    const QByteArray chunk(1000, 'y');
    int tooLong = 0;
    for (int i = 0; i < 1000; ++i) {
        reader.feed(chunk);
        for (const QByteArray& line : drain(reader))
            tooLong += line == "<too long>";
        QVERIFY2(reader.bufferedSize() <= 1000 + 65, qPrintable(QString::number(reader.bufferedSize())));
    }
    // Reported once, when the line finally ends.
    QCOMPARE(tooLong, 0);
    reader.feed("\r\nQUIT\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"<too long>", "QUIT"}));
    QCOMPARE(reader.bufferedSize(), 0);
}

void TestSmtpLineReader::tooLongLineEndingInLaterFeed()
{
    SmtpLineReader reader(8);
    reader.feed("NOOP\r\n0123456789abcdef");
    QCOMPARE(drain(reader), QList<QByteArray>{"NOOP"});
    QCOMPARE(reader.bufferedSize(), 0);
    // Even without next() in between, a discarded line's bytes are not kept.
    reader.feed("more bytes of the same line");
    QCOMPARE(reader.bufferedSize(), 0);
    reader.feed("end\nRSET\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"<too long>", "RSET"}));
}

void TestSmtpLineReader::linesAfterTooLongSurvive()
{
    SmtpLineReader reader(8);
    reader.feed("0123456789\r\n0123456789\nNOOP\r\n");
    QCOMPARE(drain(reader), (QList<QByteArray>{"<too long>", "<too long>", "NOOP"}));
}

void TestSmtpLineReader::takeBufferedKeepsRawBytes()
{
    // BDAT with its chunk in the same read: the chunk is binary and must come back unchanged.
    QByteArray chunk(5000, '\0');
    for (int i = 0; i < chunk.size(); ++i)
        chunk[i] = char(i * 7);
    SmtpLineReader reader(64);
    reader.feed("EHLO x\r\nBDAT 5000 LAST\r\n" + chunk);
    const auto ehlo = reader.next();
    QVERIFY(ehlo);
    QCOMPARE(ehlo->text, QByteArray("EHLO x"));
    const auto bdat = reader.next();
    QVERIFY(bdat);
    QCOMPARE(bdat->text, QByteArray("BDAT 5000 LAST"));
    QCOMPARE(reader.bufferedSize(), 5000);
    QCOMPARE(reader.takeBuffered(), chunk);
    QCOMPARE(reader.bufferedSize(), 0);
    QVERIFY(!reader.next());
}

void TestSmtpLineReader::takeBufferedAfterPipelinedStartTls()
{
    SmtpLineReader reader;
    reader.feed("STARTTLS\r\nMAIL FROM:<evil@example>\r\n");
    QCOMPARE(reader.next()->text, QByteArray("STARTTLS"));
    QCOMPARE(reader.takeBuffered(), QByteArray("MAIL FROM:<evil@example>\r\n"));
    reader.feed("EHLO y\r\n");
    QCOMPARE(drain(reader), QList<QByteArray>{"EHLO y"});
}

void TestSmtpLineReader::manyLinesStayLinear()
{
    // 200k short lines in one feed must not take quadratic time.
    QByteArray input;
    for (int i = 0; i < 200000; ++i)
        input += "NOOP\r\n";
    SmtpLineReader reader;
    reader.feed(input);
    int count = 0;
    while (auto line = reader.next())
        count += line->text == "NOOP";
    QCOMPARE(count, 200000);
}

QTEST_GUILESS_MAIN(TestSmtpLineReader)
#include "tst_smtp_line_reader.moc"
