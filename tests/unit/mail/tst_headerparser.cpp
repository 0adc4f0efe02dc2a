// HeaderParser, HeaderField and MessageHeader: folding, line ends, the end of the header
// section, lookups by name, and garbage that must give a clear error rather than a crash.

#include "shared/mail/HeaderParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pw::mail;
using Code = HeaderParseError::Code;

Q_DECLARE_METATYPE(HeaderParseError::Code)

class TestHeaderParser : public QObject
{
    Q_OBJECT

private slots:
    void simpleFields();
    void foldedField();
    void bareLineFeeds();
    void mixedLineEnds();
    void noBody();
    void lastLineWithoutLineEnd();
    void emptyHeaderSection();
    void emptyMessage();
    void emptyValue();
    void whitespaceBeforeColon();
    void lookupIsCaseInsensitive();
    void repeatedFields();
    void utf8Value();
    void createdField();
    void withRawValue();
    void errors_data();
    void errors();
    void limits_data();
    void limits();
    void randomGarbageNeverCrashes();
};

void TestHeaderParser::simpleFields()
{
    const QByteArray message = "From: a@example.com\r\nTo: b@example.net\r\nSubject: Hi\r\n\r\nBody\r\n";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const MessageHeader& header = result.header;
    QCOMPARE(header.size(), 3);
    QCOMPARE(header.at(0).name(), QByteArray("From"));
    QCOMPARE(header.at(0).value(), QByteArray("a@example.com"));
    QCOMPARE(header.at(0).raw(), QByteArray("From: a@example.com\r\n"));
    QCOMPARE(header.at(0).rawValue(), QByteArray(" a@example.com"));
    QCOMPARE(header.at(2).value(), QByteArray("Hi"));
    QVERIFY(header.hasSeparator());
    QCOMPARE(message.mid(header.bodyOffset()), QByteArray("Body\r\n"));
}

void TestHeaderParser::foldedField()
{
    const QByteArray message = "Subject: a long\r\n  subject\r\n\tline\r\nTo: x@y\r\n\r\n";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY(result.ok());
    QCOMPARE(result.header.size(), 2);
    const HeaderField& subject = result.header.at(0);
    QCOMPARE(subject.raw(), QByteArray("Subject: a long\r\n  subject\r\n\tline\r\n"));
    QCOMPARE(subject.rawValue(), QByteArray(" a long\r\n  subject\r\n\tline"));
    // RFC 5322 2.2.3: unfolding removes the CRLFs, not the whitespace after them.
    QCOMPARE(subject.value(), QByteArray("a long  subject\tline"));
    QCOMPARE(result.header.bodyOffset(), message.size());
}

void TestHeaderParser::bareLineFeeds()
{
    const QByteArray message = "From: a@example.com\nSubject: one\n two\n\nBody\nline\n";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.header.size(), 2);
    // Raw bytes always come out with CRLF.
    QCOMPARE(result.header.at(1).raw(), QByteArray("Subject: one\r\n two\r\n"));
    QCOMPARE(result.header.at(1).value(), QByteArray("one two"));
    QCOMPARE(message.mid(result.header.bodyOffset()), QByteArray("Body\nline\n"));
}

void TestHeaderParser::mixedLineEnds()
{
    const QByteArray message = "A: 1\r\nB: 2\n\r\nbody";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY(result.ok());
    QCOMPARE(result.header.size(), 2);
    QCOMPARE(message.mid(result.header.bodyOffset()), QByteArray("body"));
}

void TestHeaderParser::noBody()
{
    const QByteArray message = "From: a@example.com\r\nSubject: x\r\n";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY(result.ok());
    QCOMPARE(result.header.size(), 2);
    QVERIFY(!result.header.hasSeparator());
    QCOMPARE(result.header.bodyOffset(), message.size());
}

void TestHeaderParser::lastLineWithoutLineEnd()
{
    const HeaderParseResult result = HeaderParser().parse("From: a@example.com\r\nSubject: x");
    QVERIFY(result.ok());
    QCOMPARE(result.header.size(), 2);
    QCOMPARE(result.header.at(1).raw(), QByteArray("Subject: x\r\n"));
    QVERIFY(!result.header.hasSeparator());
}

void TestHeaderParser::emptyHeaderSection()
{
    const QByteArray message = "\r\nJust a body\r\n";
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY(result.ok());
    QVERIFY(result.header.isEmpty());
    QVERIFY(result.header.hasSeparator());
    QCOMPARE(result.header.bodyOffset(), 2);
    QCOMPARE(result.header.field("From"), nullptr);
}

void TestHeaderParser::emptyMessage()
{
    const HeaderParseResult result = HeaderParser().parse(QByteArrayView());
    QVERIFY(result.ok());
    QVERIFY(result.header.isEmpty());
    QVERIFY(!result.header.hasSeparator());
    QCOMPARE(result.header.bodyOffset(), 0);
}

void TestHeaderParser::emptyValue()
{
    const HeaderParseResult result = HeaderParser().parse("Subject:\r\nX-Empty:   \r\n\r\n");
    QVERIFY(result.ok());
    QCOMPARE(result.header.at(0).value(), QByteArray());
    QCOMPARE(result.header.at(1).value(), QByteArray());
    QCOMPARE(result.header.at(1).rawValue(), QByteArray("   "));
}

void TestHeaderParser::whitespaceBeforeColon()
{
    // RFC 5322 4.5.1: obsolete, but still seen; the name excludes the whitespace.
    const HeaderParseResult result = HeaderParser().parse("Subject \t: hello\r\n\r\n");
    QVERIFY(result.ok());
    QCOMPARE(result.header.at(0).name(), QByteArray("Subject"));
    QCOMPARE(result.header.at(0).value(), QByteArray("hello"));
    QCOMPARE(result.header.at(0).raw(), QByteArray("Subject \t: hello\r\n"));
}

void TestHeaderParser::lookupIsCaseInsensitive()
{
    const HeaderParseResult result = HeaderParser().parse("MESSAGE-id: <1@x>\r\nfrom: a@b\r\n\r\n");
    QVERIFY(result.ok());
    const HeaderField* field = result.header.field("Message-ID");
    QVERIFY(field);
    QCOMPARE(field->value(), QByteArray("<1@x>"));
    QVERIFY(result.header.contains("FROM"));
    QVERIFY(!result.header.contains("To"));
    QVERIFY(result.header.at(1).hasName("From"));
}

void TestHeaderParser::repeatedFields()
{
    const HeaderParseResult result =
        HeaderParser().parse("Received: one\r\nFrom: a@b\r\nreceived: two\r\nRECEIVED: three\r\n\r\n");
    QVERIFY(result.ok());
    QCOMPARE(result.header.count("Received"), 3);
    QCOMPARE(result.header.indexesOf("received"), (QList<qsizetype>{0, 2, 3}));
    QCOMPARE(result.header.field("Received")->value(), QByteArray("one"));
}

void TestHeaderParser::utf8Value()
{
    // RFC 6532: UTF-8 in field values is fine.
    const QByteArray subject = QStringLiteral("Subject: Grüße 👋\r\n\r\n").toUtf8();
    const HeaderParseResult result = HeaderParser().parse(subject);
    QVERIFY(result.ok());
    QCOMPARE(QString::fromUtf8(result.header.at(0).value()), QStringLiteral("Grüße 👋"));
}

void TestHeaderParser::createdField()
{
    const HeaderField field = HeaderField::create("DKIM-Signature", " v=1;\r\n\tb=abc");
    QCOMPARE(field.name(), QByteArray("DKIM-Signature"));
    QCOMPARE(field.raw(), QByteArray("DKIM-Signature: v=1;\r\n\tb=abc\r\n"));
    QCOMPARE(field.rawValue(), QByteArray(" v=1;\r\n\tb=abc"));
    QCOMPARE(field.value(), QByteArray("v=1;\tb=abc"));
}

void TestHeaderParser::withRawValue()
{
    const HeaderParseResult result = HeaderParser().parse("Subject : old\r\n\r\n");
    QVERIFY(result.ok());
    const HeaderField changed = result.header.at(0).withRawValue(" new\r\n value");
    QCOMPARE(changed.raw(), QByteArray("Subject : new\r\n value\r\n"));
    QCOMPARE(changed.name(), QByteArray("Subject"));
    QCOMPARE(changed.value(), QByteArray("new value"));
}

void TestHeaderParser::errors_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<Code>("code");
    QTest::addColumn<int>("line");

    QTest::newRow("nul in value") << QByteArray("From: a\r\nSubject: a\0b\r\n\r\n", 25) << Code::NulByte << 2;
    QTest::newRow("nul in name") << QByteArray("Fr\0om: a\r\n\r\n", 12) << Code::NulByte << 1;
    QTest::newRow("bare cr") << QByteArray("From: a\rb\r\n\r\n") << Code::BareCarriageReturn << 1;
    QTest::newRow("no colon") << QByteArray("From: a\r\nthis is not a field\r\n\r\n") << Code::MissingColon
                              << 2;
    QTest::newRow("mbox from line") << QByteArray("From a@b Mon Jan  1 00:00:00 2024\r\nTo: x\r\n\r\n")
                                    << Code::InvalidFieldName << 1;
    QTest::newRow("empty name") << QByteArray(": value\r\n\r\n") << Code::EmptyFieldName << 1;
    QTest::newRow("space in name") << QByteArray("X Bad: value\r\n\r\n") << Code::InvalidFieldName << 1;
    QTest::newRow("8-bit name") << QByteArray("Sübject: value\r\n\r\n") << Code::InvalidFieldName << 1;
    QTest::newRow("leading continuation")
        << QByteArray(" folded: x\r\nFrom: a\r\n\r\n") << Code::LeadingContinuation << 1;
    QTest::newRow("binary") << QByteArray("\x01\x02\x03\xff\xfe\r\n\r\n") << Code::MissingColon << 1;
}

void TestHeaderParser::errors()
{
    QFETCH(QByteArray, message);
    QFETCH(Code, code);
    QFETCH(int, line);
    const HeaderParseResult result = HeaderParser().parse(message);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.line, line);
    QVERIFY(result.error.message.contains(QStringLiteral("line %1").arg(line)));
    QVERIFY(result.header.isEmpty());
}

void TestHeaderParser::limits_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<Code>("code");

    QTest::newRow("line too long") << QByteArray("Subject: " + QByteArray(990, 'x') + "\r\n\r\n")
                                   << Code::LineTooLong;
    QByteArray folded = "Subject: x\r\n";
    for (int i = 0; i < 20; ++i)
        folded += " " + QByteArray(60, 'y') + "\r\n";
    QTest::newRow("field too large") << QByteArray(folded + "\r\n") << Code::FieldTooLarge;
    QByteArray many;
    for (int i = 0; i < 11; ++i)
        many += "X-N: " + QByteArray::number(i) + "\r\n";
    QTest::newRow("too many fields") << QByteArray(many + "\r\n") << Code::TooManyFields;
    QByteArray big;
    for (int i = 0; i < 10; ++i)
        big += "X-Big: " + QByteArray(300, 'z') + "\r\n";
    QTest::newRow("header too large") << QByteArray(big + "\r\n") << Code::HeaderTooLarge;
}

void TestHeaderParser::limits()
{
    QFETCH(QByteArray, message);
    QFETCH(Code, code);
    HeaderParser::Limits limits;
    limits.maxLineLength = 998;
    limits.maxFieldSize = 1000;
    limits.maxFields = 10;
    limits.maxHeaderSize = 2000;
    const HeaderParseResult result = HeaderParser(limits).parse(message);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.code, code);
    QVERIFY(!result.error.message.isEmpty());
}

void TestHeaderParser::randomGarbageNeverCrashes()
{
    QRandomGenerator random(20240101);
    static constexpr char kAlphabet[] = "ab: \t\r\n\0\xff-";
    const QByteArray alphabet(kAlphabet, sizeof kAlphabet - 1); // the NUL inside counts, the last does not
    for (int round = 0; round < 2000; ++round) {
        QByteArray message;
        const int size = int(random.bounded(200));
        for (int i = 0; i < size; ++i)
            message.append(alphabet.at(random.bounded(alphabet.size())));
        const HeaderParseResult result = HeaderParser().parse(message);
        if (result.ok()) {
            QVERIFY(result.header.bodyOffset() <= message.size());
            for (const HeaderField& field : result.header.fields())
                QVERIFY(field.raw().endsWith("\r\n"));
        } else {
            QVERIFY(!result.error.message.isEmpty());
            QVERIFY(result.error.offset <= message.size());
        }
    }
}

QTEST_GUILESS_MAIN(TestHeaderParser)
#include "tst_headerparser.moc"
