// SmtpDataReader: the DATA phase ends at CRLF "." CRLF and nowhere else, whatever the reads
// look like; dot-stuffing is removed; bare CR or LF (the SMTP smuggling forms included) marks
// the message; the size limit is exact; bytes after the end are left for the next commands.

#include "service/smtp/SmtpDataReader.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using pw::service::SmtpDataReader;
using State = SmtpDataReader::State;

namespace {

struct Outcome
{
    bool complete = false;
    QByteArray message;
    bool bare = false;
    bool tooLarge = false;
    qint64 total = 0;
    QByteArray rest; // input after the end marker

    bool operator==(const Outcome&) const = default;
};

char* toString(const Outcome& o)
{
    return qstrdup(
        QByteArray("complete=" + QByteArray::number(o.complete) + " bare=" + QByteArray::number(o.bare) +
                   " tooLarge=" + QByteArray::number(o.tooLarge) + " total=" + QByteArray::number(o.total) +
                   " message=" + o.message.toPercentEncoding() + " rest=" + o.rest.toPercentEncoding())
            .constData());
}

// Feeds `input` cut at `cuts` (ascending offsets); stops feeding at the end marker.
Outcome run(const QByteArray& input, const QList<qsizetype>& cuts, qsizetype max = 1 << 20)
{
    SmtpDataReader reader(max);
    Outcome outcome;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(input.size());
    for (const qsizetype to : ends) {
        qsizetype consumed = -1;
        const State state = reader.feed(QByteArrayView(input).sliced(from, to - from), &consumed);
        if (consumed < 0 || consumed > to - from)
            qFatal("bad consumed count");
        if (state == State::Complete) {
            outcome.complete = true;
            outcome.rest = input.mid(from + consumed);
            break;
        }
        if (consumed != to - from)
            qFatal("NeedMore must consume everything");
        from = to;
    }
    outcome.message = reader.message();
    outcome.bare = reader.hadBareLineEnd();
    outcome.tooLarge = reader.tooLarge();
    outcome.total = reader.totalSize();
    return outcome;
}

Outcome whole(const QByteArray& input, qsizetype max = 1 << 20)
{
    return run(input, {}, max);
}

Outcome byteByByte(const QByteArray& input, qsizetype max = 1 << 20)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts.append(i);
    return run(input, cuts, max);
}

} // namespace

class TestSmtpDataReader : public QObject
{
    Q_OBJECT

private slots:
    void simpleMessage();
    void emptyMessage();
    void dotStuffing_data();
    void dotStuffing();
    void smuggling_data();
    void smuggling();
    void bareLineEnds_data();
    void bareLineEnds();
    void pipelinedCommandsSurvive();
    void sameResultForEverySplit_data();
    void sameResultForEverySplit();
    void exactSizeLimit();
    void feedAfterComplete();
    void takeMessage();
    void largeMessageIsFast();
    void manyBareCrStayLinear();
};

void TestSmtpDataReader::simpleMessage()
{
    const QByteArray input = "Subject: hi\r\n\r\nBody line\r\n.\r\n";
    const Outcome outcome = whole(input);
    QVERIFY(outcome.complete);
    QCOMPARE(outcome.message, QByteArray("Subject: hi\r\n\r\nBody line\r\n"));
    QVERIFY(!outcome.bare);
    QVERIFY(!outcome.tooLarge);
    QCOMPARE(outcome.total, outcome.message.size());
    QVERIFY(outcome.rest.isEmpty());
    QCOMPARE(byteByByte(input), outcome);
}

void TestSmtpDataReader::emptyMessage()
{
    // DATA's own CRLF ended the line before, so "." CRLF right away ends an empty message.
    const Outcome outcome = whole(".\r\n");
    QVERIFY(outcome.complete);
    QVERIFY(outcome.message.isEmpty());
    QVERIFY(!outcome.bare);
    QCOMPARE(outcome.total, 0);
}

void TestSmtpDataReader::dotStuffing_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("stuffed dot line") << QByteArray("a\r\n..\r\nb\r\n.\r\n") << QByteArray("a\r\n.\r\nb\r\n");
    QTest::newRow("stuffed text") << QByteArray("..hidden\r\n.\r\n") << QByteArray(".hidden\r\n");
    QTest::newRow("three dots") << QByteArray("...\r\n.\r\n") << QByteArray("..\r\n");
    QTest::newRow("unstuffed leading dot") << QByteArray(".x\r\n.\r\n") << QByteArray("x\r\n");
    QTest::newRow("dot inside line") << QByteArray("a.b\r\n.c\r\n.\r\n") << QByteArray("a.b\r\nc\r\n");
    QTest::newRow("dot then space") << QByteArray(". \r\n.\r\n") << QByteArray(" \r\n");
    QTest::newRow("first line stuffed") << QByteArray("..\r\n.\r\n") << QByteArray(".\r\n");
    QTest::newRow("no final newline in text") << QByteArray("text\r\n.\r\n") << QByteArray("text\r\n");
}

void TestSmtpDataReader::dotStuffing()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const Outcome outcome = whole(input);
    QVERIFY(outcome.complete);
    QCOMPARE(outcome.message, message);
    QVERIFY(!outcome.bare);
    QCOMPARE(byteByByte(input), outcome);
}

void TestSmtpDataReader::smuggling_data()
{
    QTest::addColumn<QByteArray>("fakeEnd");

    // The fake ends of SMTP smuggling: none may end the data.
    QTest::newRow("LF.LF") << QByteArray("\n.\n");
    QTest::newRow("LF.CRLF") << QByteArray("\n.\r\n");
    QTest::newRow("CR.CRLF") << QByteArray("\r.\r\n");
    QTest::newRow("CRLF.LF") << QByteArray("\r\n.\n");
    QTest::newRow("CRLF.CR") << QByteArray("\r\n.\r");
    QTest::newRow("CR.CR") << QByteArray("\r.\r");
    QTest::newRow("CRLF.CRCRLF") << QByteArray("\r\n.\r\r\n");
    QTest::newRow("LF.CR") << QByteArray("\n.\r");
    QTest::newRow("CR.LF") << QByteArray("\r.\n");
    QTest::newRow("LF.CRCRLF") << QByteArray("\n.\r\r\n");
}

void TestSmtpDataReader::smuggling()
{
    QFETCH(QByteArray, fakeEnd);
    const QByteArray smuggled =
        "MAIL FROM:<ceo@victim.example>\r\nRCPT TO:<x@y.example>\r\nDATA\r\nforged\r\n";
    const QByteArray input = "Subject: hi\r\n\r\ntext" + fakeEnd + smuggled + ".\r\n";
    const Outcome outcome = whole(input);
    QVERIFY(outcome.complete);
    QVERIFY(outcome.bare);
    // Nothing after the fake end was left over as commands: all of it is in the message.
    QVERIFY(outcome.rest.isEmpty());
    QVERIFY(outcome.message.contains("MAIL FROM:<ceo@victim.example>"));
    QVERIFY(outcome.message.endsWith("forged\r\n"));
    QCOMPARE(byteByByte(input), outcome);

    // And fed so that the fake end is the last thing in a read, as an attacker would time it.
    const qsizetype cut = input.indexOf(fakeEnd) + fakeEnd.size();
    QCOMPARE(run(input, {cut}), outcome);
}

void TestSmtpDataReader::bareLineEnds_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("bare");

    QTest::newRow("clean") << QByteArray("a\r\nb\r\n.\r\n") << false;
    QTest::newRow("bare LF in text") << QByteArray("a\nb\r\n.\r\n") << true;
    QTest::newRow("bare CR in text") << QByteArray("a\rb\r\n.\r\n") << true;
    QTest::newRow("CR CR LF") << QByteArray("a\r\r\n.\r\n") << true;
    QTest::newRow("LF at start") << QByteArray("\n\r\n.\r\n") << true;
    QTest::newRow("CR at start") << QByteArray("\r\r\n.\r\n") << true;
    QTest::newRow("LF CR") << QByteArray("a\n\r\n.\r\n") << true;
    QTest::newRow("empty lines") << QByteArray("\r\n\r\n.\r\n") << false;
}

void TestSmtpDataReader::bareLineEnds()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, bare);
    const Outcome outcome = whole(input);
    QVERIFY(outcome.complete);
    QCOMPARE(outcome.bare, bare);
    QCOMPARE(byteByByte(input), outcome);
}

void TestSmtpDataReader::pipelinedCommandsSurvive()
{
    const QByteArray input = "body\r\n.\r\nMAIL FROM:<a@b.example>\r\nQUIT\r\n";
    SmtpDataReader reader(1000);
    qsizetype consumed = 0;
    QCOMPARE(reader.feed(input, &consumed), State::Complete);
    QCOMPARE(input.mid(consumed), QByteArray("MAIL FROM:<a@b.example>\r\nQUIT\r\n"));
    QCOMPARE(reader.message(), QByteArray("body\r\n"));

    // The end marker split over two reads: the second read's tail is still left over.
    SmtpDataReader split(1000);
    QCOMPARE(split.feed("body\r\n.", &consumed), State::NeedMore);
    QCOMPARE(consumed, 7);
    QCOMPARE(split.feed("\r\nQUIT\r\n", &consumed), State::Complete);
    QCOMPARE(consumed, 2);
    QCOMPARE(split.message(), QByteArray("body\r\n"));
}

void TestSmtpDataReader::sameResultForEverySplit_data()
{
    QTest::addColumn<QByteArray>("input");

    QByteArray mixed;
    for (int i = 0; i < 300; ++i) {
        mixed += "line " + QByteArray::number(i);
        switch (i % 11) {
        case 0:
            mixed += "\r\n..stuffed\r\n";
            break;
        case 3:
            mixed += "\n.\n";
            break;
        case 5:
            mixed += "\r.\r\n";
            break;
        case 7:
            mixed += "\r\n.\r\r\n";
            break;
        default:
            mixed += "\r\n";
        }
    }
    QTest::newRow("mixed") << mixed + ".\r\nQUIT\r\n";
    QByteArray clean;
    for (int i = 0; i < 500; ++i)
        clean += (i % 9 == 0 ? "." : "") + QByteArray(i % 80, 'a' + i % 26) + "\r\n";
    QTest::newRow("clean") << clean + ".\r\nRSET\r\n";
}

void TestSmtpDataReader::sameResultForEverySplit()
{
    QFETCH(QByteArray, input);
    const Outcome reference = whole(input);
    QVERIFY(reference.complete);
    QVERIFY(!reference.rest.isEmpty());
    QCOMPARE(byteByByte(input), reference);
    QRandomGenerator random(20261125);
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        qsizetype at = 0;
        const int step = round % 2 ? 8 : 300;
        while (true) {
            at += random.bounded(1, step);
            if (at >= input.size())
                break;
            cuts.append(at);
        }
        QCOMPARE(run(input, cuts), reference);
    }
}

void TestSmtpDataReader::exactSizeLimit()
{
    const QByteArray body = QByteArray(98, 'x') + "\r\n"; // 100 octets
    const QByteArray input = body + ".\r\n";

    const Outcome exact = whole(input, 100);
    QVERIFY(exact.complete);
    QVERIFY(!exact.tooLarge);
    QCOMPARE(exact.total, 100);
    QCOMPARE(exact.message, body);

    const Outcome over = whole(input, 99);
    QVERIFY(over.complete);
    QVERIFY(over.tooLarge);
    QCOMPARE(over.total, 100);
    QCOMPARE(over.message.size(), 99);
    QCOMPARE(byteByByte(input, 99), over);

    // Far over the limit: counted, not kept, and the end is still found.
    QByteArray big;
    for (int i = 0; i < 10000; ++i)
        big += "0123456789012345678901234567890123456789\r\n";
    const Outcome huge = whole(big + ".\r\nQUIT\r\n", 1000);
    QVERIFY(huge.complete);
    QVERIFY(huge.tooLarge);
    QCOMPARE(huge.total, big.size());
    QCOMPARE(huge.message.size(), 1000);
    QCOMPARE(huge.rest, QByteArray("QUIT\r\n"));

    // Stuffing dots do not count: the size is that of the message.
    const Outcome stuffed = whole(QByteArray("..\r\n.\r\n"), 3);
    QVERIFY(!stuffed.tooLarge);
    QCOMPARE(stuffed.total, 3);
}

void TestSmtpDataReader::feedAfterComplete()
{
    SmtpDataReader reader(100);
    qsizetype consumed = -1;
    QCOMPARE(reader.feed(".\r\n", &consumed), State::Complete);
    QCOMPARE(consumed, 3);
    QCOMPARE(reader.feed("more\r\n.\r\n", &consumed), State::Complete);
    QCOMPARE(consumed, 0);
    QVERIFY(reader.message().isEmpty());
}

void TestSmtpDataReader::takeMessage()
{
    SmtpDataReader reader(100);
    qsizetype consumed = 0;
    QCOMPARE(reader.feed("abc\r\n.\r\n", &consumed), State::Complete);
    QCOMPARE(reader.takeMessage(), QByteArray("abc\r\n"));
    QVERIFY(reader.message().isEmpty());
    QCOMPARE(reader.totalSize(), 5);
}

void TestSmtpDataReader::largeMessageIsFast()
{
    // 4 KB messages, in 1 KB reads: thousands a second is the target, so 2000 must take well
    // under the time limit even in a debug build.
    QByteArray message;
    while (message.size() < 4096)
        message += "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n";
    const QByteArray input = message + ".\r\n";
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 2000; ++i) {
        SmtpDataReader reader(1 << 20);
        qsizetype consumed = 0;
        State state = State::NeedMore;
        for (qsizetype at = 0; at < input.size() && state == State::NeedMore; at += 1024)
            state = reader.feed(
                QByteArrayView(input).sliced(at, std::min<qsizetype>(1024, input.size() - at)), &consumed);
        QCOMPARE(state, State::Complete);
        QCOMPARE(reader.message().size(), message.size());
    }
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestSmtpDataReader::manyBareCrStayLinear()
{
    // A megabyte of bare CRs and no LF must not be rescanned for each CR.
    const QByteArray input = QByteArray(1 << 20, '\r') + "\r\n.\r\n";
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = whole(input, 1 << 21);
    QVERIFY(outcome.complete);
    QVERIFY(outcome.bare);
    QCOMPARE(outcome.total, (1 << 20) + 2);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestSmtpDataReader)
#include "tst_smtp_data_reader.moc"
