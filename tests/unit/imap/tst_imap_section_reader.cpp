// ImapSectionReader: the bytes of BODY[section] and BINARY[section] (RFC 9051 6.4.5, RFC 3516)
// for every kind of section of nested messages, and <partial> ranges.

#include "service/imap/ImapSectionReader.h"

#include <QTest>

using namespace pw::service;
using Text = ImapSection::Text;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

ImapSection section(QList<int> part, Text text = Text::Whole, QList<QByteArray> fields = {})
{
    ImapSection s;
    s.part = std::move(part);
    s.text = text;
    s.fields = std::move(fields);
    return s;
}

const QByteArray header = crlf("From: Alice <alice@example.com>\n"
                               "To: bob@example.net\n"
                               "Subject: a folded\n"
                               "  subject\n"
                               "MIME-Version: 1.0\n"
                               "X-Empty:\n"
                               "Content-Type: multipart/mixed; boundary=\"b1\"\n"
                               "\n");
const QByteArray bodyText = crlf("preamble\n"
                                 "--b1\n"
                                 "Content-Type: text/plain; charset=utf-8\n"
                                 "Content-Transfer-Encoding: quoted-printable\n"
                                 "\n"
                                 "caf=C3=A9\n"
                                 "--b1\n"
                                 "Content-Type: application/octet-stream\n"
                                 "Content-Transfer-Encoding: base64\n"
                                 "\n"
                                 "AAEC/w==\n"
                                 "--b1\n"
                                 "Content-Type: message/rfc822\n"
                                 "\n"
                                 "Subject: inner\n"
                                 "Content-Type: multipart/alternative; boundary=b2\n"
                                 "\n"
                                 "--b2\n"
                                 "Content-Type: text/plain\n"
                                 "\n"
                                 "inner plain\n"
                                 "--b2\n"
                                 "Content-Type: text/html\n"
                                 "\n"
                                 "<p>inner</p>\n"
                                 "--b2--\n"
                                 "--b1\n"
                                 "Content-Type: message/rfc822\n"
                                 "\n"
                                 "Subject: single\n"
                                 "Content-Transfer-Encoding: base64\n"
                                 "MIME-Version: 1.0\n"
                                 "\n"
                                 "aGk=\n"
                                 "--b1\n"
                                 "Content-Type: text/plain\n"
                                 "Content-Transfer-Encoding: x-uuencode\n"
                                 "\n"
                                 "begin 644 x\n"
                                 "--b1--\n"
                                 "epilogue\n");
const QByteArray message = header + bodyText;

} // namespace

class TestImapSectionReader : public QObject
{
    Q_OBJECT

private slots:
    void wholeMessage();
    void headerAndText();
    void headerFields();
    void headerFieldsNot();
    void headerFieldsWithoutMatches();
    void parts();
    void mimeHeaders();
    void encapsulatedMessage();
    void missingParts();
    void singlePartMessage();
    void headerWithoutBody();
    void binary();
    void partial_data();
    void partial();
};

void TestImapSectionReader::wholeMessage()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({})), message);
}

void TestImapSectionReader::headerAndText()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({}, Text::Header)), header);
    QCOMPARE(reader.section(section({}, Text::Text)), bodyText);
    // MIME needs a part number.
    QCOMPARE(reader.section(section({}, Text::Mime)), QByteArray());
}

void TestImapSectionReader::headerFields()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({}, Text::HeaderFields, {"SUBJECT", "X-EMPTY", "FROM"})),
             crlf("From: Alice <alice@example.com>\nSubject: a folded\n  subject\nX-Empty:\n\n"));
    QCOMPARE(reader.section(section({}, Text::HeaderFields, {"to"})),
             QByteArray("To: bob@example.net\r\n\r\n"));
}

void TestImapSectionReader::headerFieldsNot()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({}, Text::HeaderFieldsNot, {"SUBJECT", "CONTENT-TYPE", "X-EMPTY"})),
             crlf("From: Alice <alice@example.com>\nTo: bob@example.net\nMIME-Version: 1.0\n\n"));
}

void TestImapSectionReader::headerFieldsWithoutMatches()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({}, Text::HeaderFields, {"X-NONE"})), QByteArray("\r\n"));
}

void TestImapSectionReader::parts()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({1})), QByteArray("caf=C3=A9"));
    QCOMPARE(reader.section(section({2})), QByteArray("AAEC/w=="));
    // A non-multipart part is its own part 1.
    QCOMPARE(reader.section(section({2, 1})), QByteArray("AAEC/w=="));
    QCOMPARE(reader.section(section({3})),
             crlf("Subject: inner\nContent-Type: multipart/alternative; boundary=b2\n\n--b2\n"
                  "Content-Type: text/plain\n\ninner plain\n--b2\nContent-Type: text/html\n\n"
                  "<p>inner</p>\n--b2--"));
    QCOMPARE(reader.section(section({3, 1})), QByteArray("inner plain"));
    QCOMPARE(reader.section(section({3, 2})), QByteArray("<p>inner</p>"));
    QCOMPARE(reader.section(section({4, 1})), QByteArray("aGk="));
}

void TestImapSectionReader::mimeHeaders()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({1}, Text::Mime)),
             crlf("Content-Type: text/plain; charset=utf-8\n"
                  "Content-Transfer-Encoding: quoted-printable\n\n"));
    QCOMPARE(reader.section(section({3}, Text::Mime)), crlf("Content-Type: message/rfc822\n\n"));
    QCOMPARE(reader.section(section({3, 2}, Text::Mime)), crlf("Content-Type: text/html\n\n"));
}

void TestImapSectionReader::encapsulatedMessage()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({3}, Text::Header)),
             crlf("Subject: inner\nContent-Type: multipart/alternative; boundary=b2\n\n"));
    QCOMPARE(reader.section(section({3}, Text::Text)),
             crlf("--b2\nContent-Type: text/plain\n\ninner plain\n--b2\nContent-Type: text/html\n\n"
                  "<p>inner</p>\n--b2--"));
    QCOMPARE(reader.section(section({3}, Text::HeaderFields, {"SUBJECT"})),
             QByteArray("Subject: inner\r\n\r\n"));
    QCOMPARE(reader.section(section({4}, Text::HeaderFieldsNot, {"SUBJECT"})),
             crlf("Content-Transfer-Encoding: base64\nMIME-Version: 1.0\n\n"));
    // HEADER and TEXT of a part that is not message/rfc822 name nothing.
    QCOMPARE(reader.section(section({1}, Text::Header)), QByteArray());
    QCOMPARE(reader.section(section({1}, Text::Text)), QByteArray());
}

void TestImapSectionReader::missingParts()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.section(section({6})), QByteArray());
    QCOMPARE(reader.section(section({0})), QByteArray());
    QCOMPARE(reader.section(section({1, 2})), QByteArray());
    QCOMPARE(reader.section(section({3, 3})), QByteArray());
    QCOMPARE(reader.section(section({6}, Text::Mime)), QByteArray());
    QCOMPARE(reader.section(section({6}, Text::Header)), QByteArray());
    QCOMPARE(reader.binary(section({6})), std::optional<QByteArray>(QByteArray()));
}

void TestImapSectionReader::singlePartMessage()
{
    const QByteArray single = crlf("Subject: one\nContent-Type: text/plain\n\nthe body\n");
    const ImapSectionReader reader(single);
    QCOMPARE(reader.section(section({1})), QByteArray("the body\r\n"));
    QCOMPARE(reader.section(section({1}, Text::Mime)), crlf("Subject: one\nContent-Type: text/plain\n\n"));
    QCOMPARE(reader.section(section({2})), QByteArray());
    QCOMPARE(reader.section(section({}, Text::Text)), QByteArray("the body\r\n"));
}

void TestImapSectionReader::headerWithoutBody()
{
    const ImapSectionReader reader("Subject: x\r\nTo: y");
    QCOMPARE(reader.section(section({}, Text::Header)), QByteArray("Subject: x\r\nTo: y"));
    QCOMPARE(reader.section(section({}, Text::Text)), QByteArray());
    // A field at the very end gets the line end a header needs.
    QCOMPARE(reader.section(section({}, Text::HeaderFields, {"TO"})), QByteArray("To: y\r\n\r\n"));

    const ImapSectionReader bareLf("Subject: x\nTo: y\n\nbody");
    QCOMPARE(bareLf.section(section({}, Text::HeaderFields, {"TO", "SUBJECT"})),
             QByteArray("Subject: x\nTo: y\n\r\n"));
}

void TestImapSectionReader::binary()
{
    const ImapSectionReader reader(message);
    QCOMPARE(reader.binary(section({1})), std::optional<QByteArray>("caf\xc3\xa9"));
    QCOMPARE(reader.binary(section({2})), std::optional<QByteArray>(QByteArray("\x00\x01\x02\xff", 4)));
    QCOMPARE(reader.binary(section({3, 1})), std::optional<QByteArray>("inner plain"));
    QCOMPARE(reader.binary(section({4, 1})), std::optional<QByteArray>("hi"));
    QCOMPARE(reader.binary(section({})), std::optional<QByteArray>(message));
    // An encoding we cannot undo: the session answers NO [UNKNOWN-CTE].
    QVERIFY(!reader.binary(section({5})));
}

void TestImapSectionReader::partial_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("middle") << qint64(2) << qint64(3) << QByteArray("234");
    QTest::newRow("past the end") << qint64(8) << qint64(5) << QByteArray("89");
    QTest::newRow("start past the end") << qint64(10) << qint64(5) << QByteArray();
    QTest::newRow("far past the end") << qint64(1) << qint64(1) << QByteArray("1");
    QTest::newRow("zero length") << qint64(3) << qint64(0) << QByteArray();
    QTest::newRow("no length") << qint64(7) << qint64(-1) << QByteArray("789");
    QTest::newRow("huge") << qint64(0) << qint64(1) << QByteArray("0");
    QTest::newRow("huge start") << (qint64(1) << 40) << qint64(1) << QByteArray();
}

void TestImapSectionReader::partial()
{
    QFETCH(qint64, start);
    QFETCH(qint64, length);
    QFETCH(QByteArray, expected);
    QCOMPARE(imapPartial("0123456789", start, length), expected);
}

QTEST_APPLESS_MAIN(TestImapSectionReader)
#include "tst_imap_section_reader.moc"
