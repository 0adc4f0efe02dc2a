// MimeMessage: the MIME tree of whole messages, good and broken: offsets of headers and bodies,
// the Content-* fields, multipart splitting with and without proper delimiters, encapsulated
// messages, RFC 2231 parameters, IMAP part numbers and the limits that keep hostile input cheap.

#include "shared/mail/MimeMessage.h"

#include <QTest>

using namespace pw::mail;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray bodyOf(const MimeMessage& mime, const MimePart& part)
{
    return mime.body(part).toByteArray();
}

QByteArray headerOf(const MimeMessage& mime, const MimePart& part)
{
    return mime.header(part).toByteArray();
}

const MimePart& at(const MimeMessage& mime, QList<int> number)
{
    const MimePart* part = mime.partByNumber(number);
    if (!part)
        qFatal("no such part");
    return *part;
}

// mixed( alternative(text/plain, text/html), application/pdf, message/rfc822( mixed(text, image) ) )
const QByteArray nested = crlf("From: Alice <alice@example.com>\n"
                               "To: bob@example.net\n"
                               "Subject: nested\n"
                               "MIME-Version: 1.0\n"
                               "Content-Type: multipart/mixed; boundary=\"outer\"\n"
                               "\n"
                               "This is the preamble.\n"
                               "--outer\n"
                               "Content-Type: multipart/alternative; boundary=inner\n"
                               "\n"
                               "--inner\n"
                               "Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: quoted-printable\n"
                               "\n"
                               "Hello =C3=A9t=C3=A9\n"
                               "second line\n"
                               "--inner\n"
                               "Content-Type: text/html; charset=\"utf-8\"\n"
                               "\n"
                               "<p>Hello</p>\n"
                               "--inner--\n"
                               "\n"
                               "--outer\n"
                               "Content-Type: application/pdf; name=\"report.pdf\"\n"
                               "Content-Disposition: attachment; filename=\"report.pdf\"\n"
                               "Content-Transfer-Encoding: base64\n"
                               "Content-ID: <pdf@example.com>\n"
                               "Content-Description: The report\n"
                               "\n"
                               "JVBERi0xLjQK\n"
                               "--outer\n"
                               "Content-Type: message/rfc822\n"
                               "\n"
                               "From: carol@example.org\n"
                               "Subject: inside\n"
                               "Content-Type: multipart/mixed; boundary=deep\n"
                               "\n"
                               "--deep\n"
                               "\n"
                               "inner text\n"
                               "--deep\n"
                               "Content-Type: image/png\n"
                               "\n"
                               "PNG\n"
                               "--deep--\n"
                               "--outer--\n"
                               "epilogue\n");

} // namespace

class TestMimeMessage : public QObject
{
    Q_OBJECT

private slots:
    void singlePart();
    void singlePartDefaults();
    void bareLineFeeds();
    void emptyMessage();
    void noHeader();
    void headerOnly();
    void junkHeaderLines();
    void foldedFields();
    void nestedTree();
    void nestedPartNumbers();
    void encapsulatedSinglePart();
    void topLevelRfc822();
    void missingCloseDelimiter();
    void delimiterWithTrailingWhitespace();
    void boundaryPrefixOfNestedBoundary();
    void missingBoundaryParameterIsGuessed();
    void unusedBoundaryFallsBackToTheOneInUse();
    void noDelimitersAtAll();
    void emptyParts();
    void digestDefaultsToRfc822();
    void notMimeWithoutMimeVersion();
    void contentTypeForms_data();
    void contentTypeForms();
    void rfc2231Continuations();
    void rfc2231ExtendedValue();
    void rfc2231MixedSections();
    void rfc2231BrokenSectionsKeptAsWritten();
    void dispositionLanguageLocation();
    void transferEncodingToken();
    void depthLimit();
    void partLimit();
    void messageHeaderInterop();
    void fieldLookup();
    void randomGarbageNeverCrashes();
};

void TestMimeMessage::singlePart()
{
    const QByteArray message = crlf("Subject: hi\nContent-Type: text/plain; charset=ISO-8859-1\n\n"
                                    "line one\nline two\n");
    const MimeMessage mime(message);
    QCOMPARE(mime.parts().size(), 1);
    const MimePart& root = mime.root();
    QVERIFY(root.isMessage);
    QCOMPARE(root.headerStart, 0);
    QCOMPARE(headerOf(mime, root),
             QByteArray("Subject: hi\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\n"));
    QCOMPARE(bodyOf(mime, root), QByteArray("line one\r\nline two\r\n"));
    QCOMPARE(root.bodySize(), 20);
    QCOMPARE(root.bodyLines, 2);
    QCOMPARE(root.type, QByteArray("text"));
    QCOMPARE(root.subtype, QByteArray("plain"));
    QCOMPARE(root.parameter("charset"), QByteArray("ISO-8859-1"));
    QCOMPARE(root.parameters.front().wireName, QByteArray("charset"));
    QVERIFY(root.transferEncoding.isNull());
    QCOMPARE(root.encoding(), QByteArray("7bit"));
    QCOMPARE(root.fields.size(), 2);
    QVERIFY(root.children.isEmpty());
}

void TestMimeMessage::singlePartDefaults()
{
    const MimeMessage mime(crlf("Subject: x\n\nbody"));
    const MimePart& root = mime.root();
    QCOMPARE(root.type, QByteArray("text"));
    QCOMPARE(root.subtype, QByteArray("plain"));
    QVERIFY(root.parameters.isEmpty());
    QVERIFY(root.contentId.isNull());
    QVERIFY(root.description.isNull());
    QVERIFY(root.disposition.isNull());
    QVERIFY(root.md5.isNull());
    QVERIFY(root.location.isNull());
    QVERIFY(root.languages.isEmpty());
    QCOMPARE(root.bodyLines, 0); // no LF in "body"
    QCOMPARE(bodyOf(mime, root), QByteArray("body"));
}

void TestMimeMessage::bareLineFeeds()
{
    const QByteArray message = "Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                               "Content-Type: text/plain\n\nfirst\n--b\n\nsecond\n--b--\n";
    const MimeMessage mime(message);
    const MimePart& root = mime.root();
    QCOMPARE(root.children.size(), 2);
    QCOMPARE(headerOf(mime, root), QByteArray("Content-Type: multipart/mixed; boundary=b\n\n"));
    QCOMPARE(bodyOf(mime, mime.child(root, 0)), QByteArray("first"));
    QCOMPARE(headerOf(mime, mime.child(root, 0)), QByteArray("Content-Type: text/plain\n\n"));
    QCOMPARE(bodyOf(mime, mime.child(root, 1)), QByteArray("second"));
    QCOMPARE(headerOf(mime, mime.child(root, 1)), QByteArray("\n"));
    QCOMPARE(mime.child(root, 1).bodyLines, 0);
}

void TestMimeMessage::emptyMessage()
{
    const MimeMessage mime(QByteArray{});
    QCOMPARE(mime.parts().size(), 1);
    QCOMPARE(mime.root().headerEnd, 0);
    QCOMPARE(mime.root().bodyStart, 0);
    QCOMPARE(mime.root().bodyEnd, 0);
    QVERIFY(mime.root().fields.isEmpty());
    QCOMPARE(mime.root().type, QByteArray("text"));
}

void TestMimeMessage::noHeader()
{
    const MimeMessage mime(crlf("\nJust a body.\nTwo lines.\n"));
    const MimePart& root = mime.root();
    QVERIFY(root.fields.isEmpty());
    QCOMPARE(headerOf(mime, root), QByteArray("\r\n"));
    QCOMPARE(bodyOf(mime, root), QByteArray("Just a body.\r\nTwo lines.\r\n"));
    QCOMPARE(root.bodyLines, 2);
}

void TestMimeMessage::headerOnly()
{
    const QByteArray message = crlf("Subject: no body\nFrom: a@b\n");
    const MimeMessage mime(message);
    const MimePart& root = mime.root();
    QCOMPARE(headerOf(mime, root), message);
    QCOMPARE(root.bodyStart, message.size());
    QCOMPARE(root.bodySize(), 0);
    QCOMPARE(root.fields.size(), 2);
    QCOMPARE(mime.fieldValue(root, "From"), QByteArray("a@b"));

    const MimeMessage unterminated(QByteArray("Subject: x"));
    QCOMPARE(unterminated.root().fields.size(), 1);
    QCOMPARE(unterminated.fieldValue(unterminated.root(), "subject"), QByteArray("x"));
    QCOMPARE(unterminated.root().bodySize(), 0);
}

void TestMimeMessage::junkHeaderLines()
{
    // Lines that are not fields stay in the header (as in Dovecot) but are no fields.
    const MimeMessage mime(crlf("From nobody Mon Jan 1\nSubject: s\n  continued\n: empty name\n"
                                "X-A: 1\n\nbody\n"));
    const MimePart& root = mime.root();
    QCOMPARE(root.fields.size(), 2);
    QCOMPARE(mime.fieldName(root.fields.at(0)), QByteArrayView("Subject"));
    QCOMPARE(mime.fieldValue(root.fields.at(0)), QByteArray("s  continued"));
    QCOMPARE(mime.fieldName(root.fields.at(1)), QByteArrayView("X-A"));
    QCOMPARE(bodyOf(mime, root), QByteArray("body\r\n"));
}

void TestMimeMessage::foldedFields()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed;\n\tboundary=\"fold\n ed\"\n"
                                "Subject : spaced name\n\n--fold ed\n\nx\n--fold ed--\n"));
    const MimePart& root = mime.root();
    QCOMPARE(root.type, QByteArray("multipart"));
    QCOMPARE(root.parameter("boundary"), QByteArray("fold ed"));
    QCOMPARE(root.children.size(), 1);
    QCOMPARE(mime.fieldRaw(root.fields.at(0)),
             QByteArrayView("Content-Type: multipart/mixed;\r\n\tboundary=\"fold\r\n ed\"\r\n"));
    QCOMPARE(mime.fieldName(root.fields.at(1)), QByteArrayView("Subject"));
    QCOMPARE(mime.fieldValue(root, "subject"), QByteArray("spaced name"));
}

void TestMimeMessage::nestedTree()
{
    const MimeMessage mime(nested);
    const MimePart& root = mime.root();
    QCOMPARE(root.type, QByteArray("multipart"));
    QCOMPARE(root.subtype, QByteArray("mixed"));
    QCOMPARE(root.children.size(), 3);
    QCOMPARE(mime.parts().size(), 9);

    const MimePart& alternative = mime.child(root, 0);
    QCOMPARE(alternative.subtype, QByteArray("alternative"));
    QCOMPARE(alternative.depth, 1);
    QCOMPARE(alternative.children.size(), 2);
    const MimePart& plain = mime.child(alternative, 0);
    QCOMPARE(plain.subtype, QByteArray("plain"));
    QCOMPARE(plain.parameter("charset"), QByteArray("utf-8"));
    QCOMPARE(plain.transferEncoding, QByteArray("quoted-printable"));
    QCOMPARE(bodyOf(mime, plain), QByteArray("Hello =C3=A9t=C3=A9\r\nsecond line"));
    QCOMPARE(plain.bodyLines, 1);
    QCOMPARE(plain.depth, 2);
    const MimePart& html = mime.child(alternative, 1);
    QCOMPARE(html.subtype, QByteArray("html"));
    QCOMPARE(bodyOf(mime, html), QByteArray("<p>Hello</p>"));
    // The alternative's body runs to the delimiter of the outer part, the blank line included.
    QVERIFY(bodyOf(mime, alternative).endsWith("--inner--\r\n"));

    const MimePart& pdf = mime.child(root, 1);
    QCOMPARE(pdf.type, QByteArray("application"));
    QCOMPARE(pdf.subtype, QByteArray("pdf"));
    QCOMPARE(pdf.parameter("name"), QByteArray("report.pdf"));
    QCOMPARE(pdf.disposition, QByteArray("attachment"));
    QCOMPARE(mimeParameter(pdf.dispositionParameters, "filename"), QByteArray("report.pdf"));
    QCOMPARE(pdf.transferEncoding, QByteArray("base64"));
    QCOMPARE(pdf.contentId, QByteArray("<pdf@example.com>"));
    QCOMPARE(pdf.description, QByteArray("The report"));
    QCOMPARE(bodyOf(mime, pdf), QByteArray("JVBERi0xLjQK"));
    QVERIFY(!pdf.isMessage);

    const MimePart& attached = mime.child(root, 2);
    QVERIFY(attached.isEncapsulating());
    QCOMPARE(attached.children.size(), 1);
    const MimePart* inner = mime.encapsulated(attached);
    QVERIFY(inner);
    QVERIFY(inner->isMessage);
    QCOMPARE(inner->headerStart, attached.bodyStart);
    QCOMPARE(inner->bodyEnd, attached.bodyEnd);
    QCOMPARE(mime.fieldValue(*inner, "Subject"), QByteArray("inside"));
    QCOMPARE(inner->children.size(), 2);
    const MimePart& innerText = mime.child(*inner, 0);
    QCOMPARE(innerText.type, QByteArray("text")); // a part without header is text/plain
    QCOMPARE(headerOf(mime, innerText), QByteArray("\r\n"));
    QCOMPARE(bodyOf(mime, innerText), QByteArray("inner text"));
    QCOMPARE(bodyOf(mime, mime.child(*inner, 1)), QByteArray("PNG"));
    QVERIFY(bodyOf(mime, attached).startsWith("From: carol@example.org\r\n"));
    QVERIFY(bodyOf(mime, attached).endsWith("--deep--"));
    QCOMPARE(attached.bodyLines, 11);
}

void TestMimeMessage::nestedPartNumbers()
{
    const MimeMessage mime(nested);
    QCOMPARE(mime.partByNumber({}), &mime.root());
    QCOMPARE(bodyOf(mime, at(mime, {1, 1})), QByteArray("Hello =C3=A9t=C3=A9\r\nsecond line"));
    QCOMPARE(bodyOf(mime, at(mime, {1, 2})), QByteArray("<p>Hello</p>"));
    QCOMPARE(bodyOf(mime, at(mime, {2})), QByteArray("JVBERi0xLjQK"));
    // A non-multipart part is its own part 1, as in Dovecot.
    QCOMPARE(&at(mime, {2, 1}), &at(mime, {2}));
    // The parts of a message/rfc822 part are those of the message inside.
    QCOMPARE(bodyOf(mime, at(mime, {3, 1})), QByteArray("inner text"));
    QCOMPARE(bodyOf(mime, at(mime, {3, 2})), QByteArray("PNG"));
    QVERIFY(!mime.partByNumber({4}));
    QVERIFY(!mime.partByNumber({0}));
    QVERIFY(!mime.partByNumber({1, 3}));
    QVERIFY(!mime.partByNumber({2, 2}));
    QVERIFY(!mime.partByNumber({3, 3}));
    QVERIFY(!mime.partByNumber({-1}));
}

void TestMimeMessage::encapsulatedSinglePart()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=x\n\n--x\n"
                                "Content-Type: message/rfc822\n\nSubject: in\n\ninner body\n"
                                "--x--\n"));
    const MimePart& part = at(mime, {1});
    QVERIFY(part.isEncapsulating());
    QCOMPARE(bodyOf(mime, part), QByteArray("Subject: in\r\n\r\ninner body"));
    // 1.1 is the body of the message inside.
    const MimePart& inner = at(mime, {1, 1});
    QCOMPARE(&inner, mime.encapsulated(part));
    QCOMPARE(bodyOf(mime, inner), QByteArray("inner body"));
    QCOMPARE(headerOf(mime, inner), QByteArray("Subject: in\r\n\r\n"));
}

void TestMimeMessage::topLevelRfc822()
{
    const MimeMessage mime(crlf("Content-Type: message/rfc822\n\nSubject: in\n\ntext\n"));
    QCOMPARE(mime.parts().size(), 2);
    // Part 1 of a non-multipart message is its body, here the whole message inside.
    QCOMPARE(&at(mime, {1}), &mime.root());
    QCOMPARE(bodyOf(mime, at(mime, {1, 1})), QByteArray("text\r\n"));
}

void TestMimeMessage::missingCloseDelimiter()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\n"
                                "two runs to the end\n"));
    QCOMPARE(mime.root().children.size(), 2);
    QCOMPARE(bodyOf(mime, at(mime, {1})), QByteArray("one"));
    QCOMPARE(bodyOf(mime, at(mime, {2})), QByteArray("two runs to the end\r\n"));
}

void TestMimeMessage::delimiterWithTrailingWhitespace()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=b\n\npreamble\n--b \t\n\n"
                                "one\n--b--  \nepilogue\n"));
    QCOMPARE(mime.root().children.size(), 1);
    QCOMPARE(bodyOf(mime, at(mime, {1})), QByteArray("one"));
}

void TestMimeMessage::boundaryPrefixOfNestedBoundary()
{
    // "--b-inner" is not a delimiter of the outer boundary "b".
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n"
                                "Content-Type: multipart/alternative; boundary=b-inner\n\n"
                                "--b-inner\n\nA\n--b-inner\n\nB\n--b-inner--\n--b--\n"));
    QCOMPARE(mime.root().children.size(), 1);
    const MimePart& alternative = at(mime, {1});
    QCOMPARE(alternative.children.size(), 2);
    QCOMPARE(bodyOf(mime, at(mime, {1, 1})), QByteArray("A"));
    QCOMPARE(bodyOf(mime, at(mime, {1, 2})), QByteArray("B"));
}

void TestMimeMessage::missingBoundaryParameterIsGuessed()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed\n\n-- \nnot a delimiter\n"));
    // No boundary and nothing to guess it from: the body is text.
    QCOMPARE(mime.root().type, QByteArray("text"));
    QCOMPARE(mime.root().subtype, QByteArray("plain"));
    QVERIFY(mime.root().children.isEmpty());

    const MimeMessage guessed(crlf("Content-Type: multipart/mixed\n\n--abc123\n\none\n--abc123\n\n"
                                   "two\n--abc123--\n"));
    QCOMPARE(guessed.root().type, QByteArray("multipart"));
    QCOMPARE(guessed.root().children.size(), 2);
    QCOMPARE(bodyOf(guessed, at(guessed, {2})), QByteArray("two"));
}

void TestMimeMessage::unusedBoundaryFallsBackToTheOneInUse()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=declared\n\n--used\n\n"
                                "one\n--used\n\ntwo\n--used--\n"));
    QCOMPARE(mime.root().children.size(), 2);
    QCOMPARE(bodyOf(mime, at(mime, {1})), QByteArray("one"));
}

void TestMimeMessage::noDelimitersAtAll()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=nowhere\n\nplain text\n"));
    QCOMPARE(mime.root().type, QByteArray("text"));
    QVERIFY(mime.root().parameters.isEmpty());
    QCOMPARE(bodyOf(mime, at(mime, {1})), QByteArray("plain text\r\n"));
}

void TestMimeMessage::emptyParts()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n--b\n\n\n--b--\n"));
    QCOMPARE(mime.root().children.size(), 2);
    const MimePart& first = at(mime, {1});
    QCOMPARE(first.bodySize(), 0);
    QCOMPARE(first.headerEnd - first.headerStart, 0);
    const MimePart& second = at(mime, {2});
    QCOMPARE(headerOf(mime, second), QByteArray("\r\n"));
    QCOMPARE(second.bodySize(), 0);
}

void TestMimeMessage::digestDefaultsToRfc822()
{
    const MimeMessage mime(crlf("Content-Type: multipart/digest; boundary=d\n\n--d\n\n"
                                "Subject: one\n\nfirst\n--d\nContent-Type: text/plain\n\nplain\n"
                                "--d--\n"));
    QCOMPARE(mime.root().children.size(), 2);
    const MimePart& first = at(mime, {1});
    QCOMPARE(first.type, QByteArray("message"));
    QCOMPARE(first.subtype, QByteArray("rfc822"));
    QVERIFY(mime.encapsulated(first));
    QCOMPARE(mime.fieldValue(*mime.encapsulated(first), "subject"), QByteArray("one"));
    QCOMPARE(at(mime, {2}).type, QByteArray("text"));
}

void TestMimeMessage::notMimeWithoutMimeVersion()
{
    const MimeMessage plain(crlf("Content-Transfer-Encoding: base64\nContent-ID: <x>\n\naGk=\n"));
    QVERIFY(plain.root().transferEncoding.isNull());
    QVERIFY(plain.root().contentId.isNull());

    const MimeMessage versioned(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: base64\n\naGk=\n"));
    QCOMPARE(versioned.root().transferEncoding, QByteArray("base64"));

    const MimeMessage typed(crlf("Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\nx\n"));
    QCOMPARE(typed.root().transferEncoding, QByteArray("8bit"));
}

void TestMimeMessage::contentTypeForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("subtype");
    QTest::addColumn<QByteArray>("charset");

    QTest::newRow("upper case") << QByteArray("TEXT/HTML; CHARSET=UTF-8") << QByteArray("text")
                                << QByteArray("html") << QByteArray("UTF-8");
    QTest::newRow("comments") << QByteArray("text/plain (plain text); charset=\"us-ascii\" (ascii)")
                              << QByteArray("text") << QByteArray("plain") << QByteArray("us-ascii");
    QTest::newRow("spaces around slash") << QByteArray("text / plain ; charset = utf-8") << QByteArray("text")
                                         << QByteArray("plain") << QByteArray("utf-8");
    QTest::newRow("missing semicolon") << QByteArray("text/plain charset=koi8-r") << QByteArray("text")
                                       << QByteArray("plain") << QByteArray("koi8-r");
    QTest::newRow("no subtype") << QByteArray("text") << QByteArray("text") << QByteArray("plain")
                                << QByteArray();
    QTest::newRow("garbage") << QByteArray("/;;==") << QByteArray("text") << QByteArray("plain")
                             << QByteArray();
    QTest::newRow("escaped quote") << QByteArray(R"(text/plain; charset="a\"b")") << QByteArray("text")
                                   << QByteArray("plain") << QByteArray("a\"b");
}

void TestMimeMessage::contentTypeForms()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, subtype);
    QFETCH(QByteArray, charset);
    const MimeMessage mime("Content-Type: " + value + "\r\n\r\nx");
    QCOMPARE(mime.root().type, type);
    QCOMPARE(mime.root().subtype, subtype);
    QCOMPARE(mime.root().parameter("charset"), charset);
}

void TestMimeMessage::rfc2231Continuations()
{
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=\"----=_Part_1\"\n\n"
                                "------=_Part_1\nContent-Type: application/octet-stream;\n"
                                " name*1=\"-two\"; name*0=\"one\";\n name*2=three\n\n"
                                "data\n------=_Part_1--\n"));
    QCOMPARE(mime.root().parameter("boundary"), QByteArray("----=_Part_1"));
    const MimePart& part = at(mime, {1});
    QCOMPARE(part.parameters.size(), 1);
    QCOMPARE(part.parameter("name"), QByteArray("one-twothree"));
    QCOMPARE(part.parameters.front().wireName, QByteArray("name"));
    QCOMPARE(part.parameters.front().wireValue, QByteArray("one-twothree"));
    QVERIFY(!part.parameters.front().extended);
}

void TestMimeMessage::rfc2231ExtendedValue()
{
    const MimeMessage mime(crlf("MIME-Version: 1.0\nContent-Type: text/plain;\n"
                                " charset*=us-ascii'en'utf-8\n"
                                "Content-Disposition: attachment; filename=\"fallback.txt\";\n"
                                " filename*=UTF-8''%E2%82%AC%20rates.txt\n\nx"));
    const MimePart& root = mime.root();
    QCOMPARE(root.parameter("charset"), QByteArray("utf-8"));
    QCOMPARE(root.parameters.front().wireName, QByteArray("charset*"));
    QCOMPARE(root.parameters.front().wireValue, QByteArray("us-ascii'en'utf-8"));
    // The extended form wins over the plain one.
    QCOMPARE(mimeParameter(root.dispositionParameters, "filename"),
             QString::fromUtf8("\u20ac rates.txt").toUtf8());
    QCOMPARE(root.dispositionParameters.size(), 2);
    QCOMPARE(root.dispositionParameters.at(0).wireName, QByteArray("filename"));
    QCOMPARE(root.dispositionParameters.at(1).wireName, QByteArray("filename*"));
    QCOMPARE(root.dispositionParameters.at(1).wireValue, QByteArray("UTF-8''%E2%82%AC%20rates.txt"));
}

void TestMimeMessage::rfc2231MixedSections()
{
    // RFC 2231 4.1: extended and plain sections mixed; the charset is in the first one.
    const MimeMessage mime(crlf("Content-Type: application/x-stuff;\n"
                                " title*0*=iso-8859-1'de'Gr%FC%DFe%20;\n"
                                " title*1=\"aus 100% Wolle\"\n\nx"));
    const MimePart& root = mime.root();
    QCOMPARE(root.parameters.size(), 1);
    QCOMPARE(root.parameter("title"), QString::fromUtf8("Grüße aus 100% Wolle").toUtf8());
    QCOMPARE(root.parameters.front().wireName, QByteArray("title*"));
    // As Dovecot reports it: a plain section's "%" escaped, so the whole value decodes alike.
    QCOMPARE(root.parameters.front().wireValue, QByteArray("iso-8859-1'de'Gr%FC%DFe%20aus 100%25 Wolle"));
}

void TestMimeMessage::rfc2231BrokenSectionsKeptAsWritten()
{
    const MimeMessage mime(crlf("Content-Type: application/x-stuff; a*0=x; a*2=z; b*1=y\n\nx"));
    const MimePart& root = mime.root();
    QCOMPARE(root.parameters.size(), 3);
    QCOMPARE(root.parameters.at(0).wireName, QByteArray("a*0"));
    QCOMPARE(root.parameters.at(1).wireName, QByteArray("a*2"));
    QCOMPARE(root.parameters.at(2).wireName, QByteArray("b*1"));
    QCOMPARE(root.parameters.at(2).value, QByteArray("y"));
}

void TestMimeMessage::dispositionLanguageLocation()
{
    const MimeMessage mime(crlf("Content-Type: text/plain\nContent-Disposition: INLINE;"
                                " size=12 ; filename=My Notes.txt\nContent-Language: en, fi ,se\n"
                                "Content-Location: http://example.com/a.txt\n"
                                "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\n\nx"));
    const MimePart& root = mime.root();
    QCOMPARE(root.disposition, QByteArray("INLINE"));
    QCOMPARE(mimeParameter(root.dispositionParameters, "size"), QByteArray("12"));
    QCOMPARE(mimeParameter(root.dispositionParameters, "filename"), QByteArray("My Notes.txt"));
    QCOMPARE(root.languages, (QList<QByteArray>{"en", "fi", "se"}));
    QCOMPARE(root.location, QByteArray("http://example.com/a.txt"));
    QCOMPARE(root.md5, QByteArray("Q2hlY2sgSW50ZWdyaXR5IQ=="));
}

void TestMimeMessage::transferEncodingToken()
{
    QCOMPARE(MimeMessage(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: BASE64 (b)\n\nx"))
                 .root()
                 .transferEncoding,
             QByteArray("BASE64"));
    QCOMPARE(
        MimeMessage(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: BASE64 (b)\n\nx")).root().encoding(),
        QByteArray("base64"));
    // Dovecot ignores an encoding that is not one token.
    QVERIFY(MimeMessage(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: ?invalid\n\nx"))
                .root()
                .transferEncoding.isNull());
    QVERIFY(MimeMessage(crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: two words\n\nx"))
                .root()
                .transferEncoding.isNull());
}

void TestMimeMessage::depthLimit()
{
    QByteArray message;
    for (int i = 0; i < 100; ++i)
        message += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\r\n\r\n--b" +
                   QByteArray::number(i) + "\r\n";
    message += "\r\ninnermost\r\n";
    const MimeMessage mime(message);
    int deepest = 0;
    for (const MimePart& part : mime.parts())
        deepest = std::max(deepest, part.depth);
    QCOMPARE(deepest, 30);
    QCOMPARE(mime.parts().size(), 31);

    MimeMessage::Limits limits;
    limits.maxDepth = 3;
    const MimeMessage shallow(message, limits);
    QCOMPARE(shallow.parts().size(), 4);
    QVERIFY(shallow.parts().back().isMultipart());
    QVERIFY(shallow.parts().back().children.isEmpty());
}

void TestMimeMessage::partLimit()
{
    QByteArray message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    for (int i = 0; i < 5000; ++i)
        message += "--b\r\n\r\nx\r\n";
    message += "--b--\r\n";
    const MimeMessage mime(message);
    QCOMPARE(mime.parts().size(), 2000);
    QCOMPARE(mime.root().children.size(), 1999);
}

void TestMimeMessage::messageHeaderInterop()
{
    const MimeMessage mime("Subject: a\n  b\nFrom: x@y\n\nbody");
    const MessageHeader header = mime.messageHeader(mime.root());
    QCOMPARE(header.size(), 2);
    QCOMPARE(header.at(0).raw(), QByteArray("Subject: a\r\n  b\r\n"));
    QCOMPARE(header.at(0).value(), QByteArray("a  b"));
    QCOMPARE(header.field("from")->value(), QByteArray("x@y"));
    QVERIFY(header.hasSeparator());
    QCOMPARE(header.bodyOffset(), 26);

    const MimeMessage noBody("Subject: a");
    QVERIFY(!noBody.messageHeader(noBody.root()).hasSeparator());
}

void TestMimeMessage::fieldLookup()
{
    const MimeMessage mime(crlf("To: first\nto: second\nEmpty:\n\n"));
    QCOMPARE(mime.fieldValue(mime.root(), "TO"), QByteArray("first"));
    QVERIFY(mime.fieldValue(mime.root(), "Cc").isNull());
    const QByteArray empty = mime.fieldValue(mime.root(), "empty");
    QVERIFY(!empty.isNull());
    QVERIFY(empty.isEmpty());
}

void TestMimeMessage::randomGarbageNeverCrashes()
{
    // Fragments that make parsers trip, in random order; the fuzzer goes further.
    const QList<QByteArray> pieces = {"Content-Type: multipart/mixed; boundary=b\r\n",
                                      "--b\r\n",
                                      "--b--\r\n",
                                      "\r\n",
                                      "\n",
                                      "Content-Type: message/rfc822\r\n",
                                      "Content-Type: multipart/digest; boundary=b\r\n",
                                      "x",
                                      " folded\r\n",
                                      "\r",
                                      "--",
                                      "name*0*=utf-8''%",
                                      "=?utf-8?q?",
                                      ":",
                                      "\0"};
    quint32 seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        QByteArray message;
        const int count = 1 + static_cast<int>(seed % 40);
        for (int i = 0; i < count; ++i) {
            seed = seed * 1103515245 + 12345;
            message += pieces.at(static_cast<qsizetype>((seed >> 8) % pieces.size()));
        }
        const MimeMessage mime(message);
        for (const MimePart& part : mime.parts()) {
            QVERIFY(part.headerStart <= part.headerEnd);
            QVERIFY(part.headerEnd <= part.bodyStart);
            QVERIFY(part.bodyStart <= part.bodyEnd);
            QVERIFY(part.bodyEnd <= message.size());
        }
    }
}

QTEST_APPLESS_MAIN(TestMimeMessage)
#include "tst_mime_message.moc"
