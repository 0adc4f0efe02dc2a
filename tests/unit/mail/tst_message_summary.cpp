// summarizeMessage() and its parts that no other test covers: the Date parser (RFC 5322 with
// the obsolete forms), HTML to text, the decoded header and body text for search, and the cap.

#include "shared/mail/HtmlText.h"
#include "shared/mail/MessageDate.h"
#include "shared/mail/MessageSummary.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw::mail;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

// A typical 4 KB delivery: trace fields, DKIM, multipart/alternative with QP text and HTML.
QByteArray typicalMessage()
{
    QByteArray message =
        crlf("Return-Path: <news@shop.example>\n"
             "Received: from mail.shop.example (mail.shop.example [192.0.2.10])\n"
             "\tby mx.example.org (Postwarden) with ESMTPS id 4F2A\n"
             "\tfor <alice@example.org>; Tue, 5 Mar 2024 10:11:12 +0100\n"
             "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=shop.example;\n"
             " dkim=pass header.d=shop.example; dmarc=pass header.from=shop.example\n"
             "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example; s=s1;\n"
             " h=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
             " b=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR\n"
             "From: =?utf-8?q?Caf=C3=A9_Shop?= <news@shop.example>\n"
             "To: Alice <alice@example.org>\n"
             "Subject: =?utf-8?b?V2Vla2x5IG9mZmVyczogY2Fmw6kgJiBjcsOobWU=?=\n"
             "Date: Tue, 5 Mar 2024 10:11:10 +0100\n"
             "Message-ID: <20240305101110.4F2A@shop.example>\n"
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/alternative; boundary=\"=_alt\"\n"
             "\n"
             "--=_alt\n"
             "Content-Type: text/plain; charset=utf-8\n"
             "Content-Transfer-Encoding: quoted-printable\n"
             "\n");
    for (int i = 0; i < 18; ++i)
        message += "Line " + QByteArray::number(i) +
                   " of the offers: caf=C3=A9 and cr=C3=A8me,"
                   " fresh every morning, 10% off.\r\n";
    message += "--=_alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p "
               "{color:red}</style></head><body>";
    for (int i = 0; i < 18; ++i)
        message += "<p>Line " + QByteArray::number(i) +
                   " of the offers: caf&eacute; &amp; "
                   "cr\xc3\xa8me, fresh every morning.</p>\r\n";
    message += "</body></html>\r\n--=_alt--\r\n";
    return message;
}

} // namespace

class TestMessageSummary : public QObject
{
    Q_OBJECT

private slots:
    void dates_data();
    void dates();
    void html_data();
    void html();
    void htmlStopsAtTheLimit();
    void summaryOfTypicalMessage();
    void headerText();
    void bodyTextFromBase64Latin1();
    void bodyTextSkipsAttachments();
    void bodyTextUnknownEncodingKeptRaw();
    void bodyTextCapped();
    void emptyAndHeaderOnly();
    void hostileInputsStayCheap_data();
    void hostileInputsStayCheap();
    void speed();
};

void TestMessageSummary::dates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("rfc 5322") << QByteArray("Tue, 5 Mar 2024 10:11:10 +0100") << utc(2024, 3, 5, 9, 11, 10);
    QTest::newRow("no weekday") << QByteArray("5 Mar 2024 10:11:10 -0230") << utc(2024, 3, 5, 12, 41, 10);
    QTest::newRow("no seconds") << QByteArray("Tue, 05 Mar 2024 23:59 +0000") << utc(2024, 3, 5, 23, 59, 0);
    QTest::newRow("comment zone") << QByteArray("Tue, 5 Mar 2024 10:11:10 +0100 (CET)")
                                  << utc(2024, 3, 5, 9, 11, 10);
    QTest::newRow("two-digit year 2000s") << QByteArray("1 Jan 07 00:00:00 GMT") << utc(2007, 1, 1, 0, 0, 0);
    QTest::newRow("two-digit year 1900s") << QByteArray("1 Jan 99 00:00:00 GMT") << utc(1999, 1, 1, 0, 0, 0);
    QTest::newRow("three-digit year") << QByteArray("1 Jan 103 00:00:00 UT") << utc(2003, 1, 1, 0, 0, 0);
    QTest::newRow("named zone") << QByteArray("Mon, 1 Jul 2019 12:00:00 EDT") << utc(2019, 7, 1, 16, 0, 0);
    QTest::newRow("military zone") << QByteArray("1 Jul 2019 12:00:00 Q") << utc(2019, 7, 1, 12, 0, 0);
    QTest::newRow("missing zone") << QByteArray("1 Jul 2019 12:00:00") << utc(2019, 7, 1, 12, 0, 0);
    QTest::newRow("asctime") << QByteArray("Tue Jan  1 10:00:00 2019") << utc(2019, 1, 1, 10, 0, 0);
    QTest::newRow("folded") << QByteArray("Tue,\r\n 5 Mar\r\n\t2024 10:11:10 +0100")
                            << utc(2024, 3, 5, 9, 11, 10);
    QTest::newRow("leap second") << QByteArray("31 Dec 2016 23:59:60 +0000") << utc(2016, 12, 31, 23, 59, 59);
    QTest::newRow("long month name") << QByteArray("5 March 2024 10:11:10 +0100")
                                     << utc(2024, 3, 5, 9, 11, 10);
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("no time") << QByteArray("5 Mar 2024") << QDateTime();
    QTest::newRow("bad day") << QByteArray("31 Feb 2024 10:00:00 +0000") << QDateTime();
    QTest::newRow("bad hour") << QByteArray("1 Feb 2024 25:00:00 +0000") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void TestMessageSummary::dates()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = parseMessageDate(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestMessageSummary::html_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    QTest::newRow("tags") << u"<p>Hello <b>big</b> world</p>"_qs << u"Hello big world"_qs;
    QTest::newRow("blocks") << u"<div>one</div><div>two</div>three<br>four"_qs << u"one\ntwo\nthree\nfour"_qs;
    QTest::newRow("script and style")
        << u"<style>p{x:y}</style>a<script>if (a<b) x();</script>b"_qs << u"ab"_qs;
    QTest::newRow("head") << u"<html><head><title>T</title></head><body>text</body></html>"_qs << u"text"_qs;
    QTest::newRow("comment") << u"a<!-- <p>hidden</p> -->b"_qs << u"ab"_qs;
    QTest::newRow("entities") << u"&lt;x&gt; &amp; &quot;q&quot; &eacute;&#233;&#xE9; &euro;"_qs
                              << u"<x> & \"q\" ééé €"_qs;
    QTest::newRow("unknown entity") << u"&bogus; &"_qs << u"&bogus; &"_qs;
    QTest::newRow("astral reference") << u"&#x1F600;"_qs << QString::fromUcs4(U"\U0001F600");
    QTest::newRow("nbsp and whitespace") << u"a&nbsp;&nbsp;b \n\t c"_qs << u"a b c"_qs;
    QTest::newRow("attribute with >") << u"<a title=\"x>y\">link</a>"_qs << u"link"_qs;
    QTest::newRow("lone less-than") << u"a < b"_qs << u"a < b"_qs;
    QTest::newRow("unclosed script") << u"a<script>never closed"_qs << u"a"_qs;
    QTest::newRow("unclosed tag") << u"a<b"_qs << u"a"_qs;
}

void TestMessageSummary::html()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(htmlToText(html, 1000), text);
}

void TestMessageSummary::htmlStopsAtTheLimit()
{
    QCOMPARE(htmlToText(u"<p>abcdef</p><p>ghi</p>", 4), u"abcd"_qs);
}

void TestMessageSummary::summaryOfTypicalMessage()
{
    const QByteArray message = typicalMessage();
    const MessageSummary summary = summarizeMessage(message);
    QVERIFY(summary.header.startsWith("Return-Path: <news@shop.example>\r\n"));
    QVERIFY(summary.header.endsWith("boundary=\"=_alt\"\r\n\r\n"));
    QVERIFY(message.startsWith(summary.header));
    QCOMPARE(summary.sentDate, utc(2024, 3, 5, 9, 11, 10));
    QCOMPARE(
        summary.envelope,
        QByteArray(
            R"(("Tue, 5 Mar 2024 10:11:10 +0100" "=?utf-8?b?V2Vla2x5IG9mZmVyczogY2Fmw6kgJiBjcsOobWU=?=" )"
            R"((("=?utf-8?q?Caf=C3=A9_Shop?=" NIL "news" "shop.example")) )"
            R"((("=?utf-8?q?Caf=C3=A9_Shop?=" NIL "news" "shop.example")) )"
            R"((("=?utf-8?q?Caf=C3=A9_Shop?=" NIL "news" "shop.example")) )"
            R"((("Alice" NIL "alice" "example.org")) NIL NIL NIL "<20240305101110.4F2A@shop.example>"))"));
    QVERIFY(summary.bodyStructure.startsWith(
        R"((("text" "plain" ("charset" "utf-8") NIL NIL "quoted-printable" )"));
    QVERIFY(summary.bodyStructure.endsWith(R"( "alternative" ("boundary" "=_alt") NIL NIL NIL))"));
    QVERIFY(summary.body.endsWith(R"( "alternative"))"));
    QVERIFY(summary.headerText.contains(u"Subject: Weekly offers: café & crème\n"));
    QVERIFY(summary.headerText.contains(u"From: Café Shop <news@shop.example>\n"));
    QVERIFY(summary.bodyText.startsWith(
        u"Line 0 of the offers: café and crème, fresh every morning, 10% off.\r\n"));
    QVERIFY(summary.bodyText.contains(u"Line 17 of the offers: café & crème, fresh every morning."));
    QVERIFY(!summary.bodyText.contains(u"color:red"));
    QVERIFY(!summary.bodyText.contains(u"<p>"));
}

void TestMessageSummary::headerText()
{
    const MessageSummary summary =
        summarizeMessage(crlf("Subject: =?iso-8859-1?q?Gr=FC=DFe?=\n  aus Bern\nX-Raw: caf\xc3\xa9\n\n"));
    QCOMPARE(summary.headerText, u"Subject: Grüße  aus Bern\nX-Raw: café\n"_qs);
}

void TestMessageSummary::bodyTextFromBase64Latin1()
{
    const MessageSummary summary =
        summarizeMessage(crlf("MIME-Version: 1.0\nContent-Type: text/html; charset=iso-8859-1\n"
                              "Content-Transfer-Encoding: base64\n\nPHA+Q2Fm6SAmYW1wOyBt6m1lPC9wPg==\n"));
    QCOMPARE(summary.bodyText, u"Café & même"_qs);
}

void TestMessageSummary::bodyTextSkipsAttachments()
{
    const QByteArray utf16 = crlf("--b\nContent-Type: text/plain; charset=utf-16le\n\n") +
                             QByteArray("h\0i\0", 4) + "\r\n--b--\r\n";
    const MessageSummary summary = summarizeMessage(
        crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nfirst\n"
             "--b\nContent-Type: application/pdf\n\n%PDF-1.4 binary\n--b\n"
             "Content-Type: message/rfc822\n\nSubject: inner\n\ninner text\n") +
        utf16);
    QCOMPARE(summary.bodyText, u"first\ninner text\nhi"_qs);
}

void TestMessageSummary::bodyTextUnknownEncodingKeptRaw()
{
    const MessageSummary summary = summarizeMessage(
        crlf("MIME-Version: 1.0\nContent-Transfer-Encoding: x-rot13\nContent-Type: text/plain;"
             " charset=x-unknown\n\nuryyb\n"));
    QCOMPARE(summary.bodyText, u"uryyb\r\n"_qs);
}

void TestMessageSummary::bodyTextCapped()
{
    QByteArray message = "Content-Type: text/plain\r\n\r\n";
    message += QByteArray(MessageSummary::maxBodyText + 5000, 'x');
    const MessageSummary summary = summarizeMessage(message);
    QCOMPARE(summary.bodyText.size(), MessageSummary::maxBodyText);

    QByteArray twoParts = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n";
    twoParts += QByteArray(MessageSummary::maxBodyText - 10, 'a');
    twoParts += "\r\n--b\r\n\r\n" + QByteArray(100, 'b') + "\r\n--b--\r\n";
    const MessageSummary capped = summarizeMessage(twoParts);
    QCOMPARE(capped.bodyText.size(), MessageSummary::maxBodyText);
    QVERIFY(capped.bodyText.endsWith(u"\nbbbbbbbbb"));
}

void TestMessageSummary::emptyAndHeaderOnly()
{
    const MessageSummary empty = summarizeMessage(QByteArray());
    QCOMPARE(empty.header, QByteArray());
    QCOMPARE(empty.envelope, QByteArray("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"));
    QCOMPARE(empty.bodyStructure,
             QByteArray(R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0 NIL NIL NIL NIL))"));
    QCOMPARE(empty.body, QByteArray(R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0))"));
    QVERIFY(!empty.sentDate.isValid());
    QVERIFY(empty.headerText.isEmpty());
    QVERIFY(empty.bodyText.isEmpty());

    const MessageSummary headerOnly = summarizeMessage("Subject: s\r\nDate: bogus");
    QCOMPARE(headerOnly.header, QByteArray("Subject: s\r\nDate: bogus"));
    QVERIFY(!headerOnly.sentDate.isValid());
    QVERIFY(headerOnly.bodyText.isEmpty());
}

void TestMessageSummary::hostileInputsStayCheap_data()
{
    QTest::addColumn<QByteArray>("message");

    const qsizetype n = 1024 * 1024;
    QTest::newRow("unterminated encoded words")
        << "Subject: " + QByteArray("=?a?q?").repeated(n / 6) + "\r\n\r\n";
    QTest::newRow("encoded words without spaces")
        << "Subject: " + QByteArray("=?utf-8?q?a?=").repeated(n / 13) + "\r\n\r\n";
    QTest::newRow("near-delimiters") << "Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
                                            QByteArray("--bx\r\n").repeated(n / 6);
    QTest::newRow("delimiters mid-line")
        << "Content-Type: multipart/mixed; boundary=bb\r\n\r\n" + QByteArray("x--bb").repeated(n / 5);
    QTest::newRow("unclosed tags") << "Content-Type: text/html\r\n\r\n" + QByteArray("<a").repeated(n / 2);
    QTest::newRow("unclosed scripts")
        << "Content-Type: text/html\r\n\r\n" + QByteArray("<script></scriptx").repeated(n / 17);
    QTest::newRow("references") << "Content-Type: text/html\r\n\r\n" +
                                       QByteArray("&#12345678&amp").repeated(n / 14);
    QTest::newRow("comments in addresses") << "From: " + QByteArray("(").repeated(n) + "\r\n\r\n";
    QTest::newRow("angle brackets") << "To: " + QByteArray("<").repeated(n) + "\r\n\r\n";
    QTest::newRow("groups") << "To: " + QByteArray("g:").repeated(n / 2) + "\r\n\r\n";
    QTest::newRow("quotes") << "To: " + QByteArray("\"a\\").repeated(n / 3) + "\r\n\r\n";
    QTest::newRow("parameters") << "Content-Type: text/plain" + QByteArray("; a*1*=%").repeated(n / 8) +
                                       "\r\n\r\n";
    QTest::newRow("many fields") << QByteArray("a:\n").repeated(n / 3);
    QTest::newRow("nested rfc822") << QByteArray("Content-Type: message/rfc822\r\n\r\n").repeated(n / 32);
    QTest::newRow("long date") << "Date: " + QByteArray("1 ").repeated(n / 2) + "\r\n\r\n";
}

void TestMessageSummary::hostileInputsStayCheap()
{
    QFETCH(QByteArray, message);
    QElapsedTimer timer;
    timer.start();
    const MessageSummary summary = summarizeMessage(message);
    QVERIFY(summary.bodyText.size() <= MessageSummary::maxBodyText);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed()) + " ms"));
}

void TestMessageSummary::speed()
{
    // It runs for every delivered message: a 4 KB message well under 100 µs in a release
    // build. Checked loosely here (sanitizer builds are slower); tests/bench measures it.
    const QByteArray message = typicalMessage();
    QVERIFY(message.size() > 3000 && message.size() < 6000);
    QElapsedTimer timer;
    timer.start();
    const int rounds = 2000;
    for (int i = 0; i < rounds; ++i)
        (void)summarizeMessage(message);
    const double microseconds = static_cast<double>(timer.nsecsElapsed()) / 1000.0 / rounds;
    qInfo("summarizeMessage: %.1f us for %lld bytes", microseconds, static_cast<long long>(message.size()));
    QVERIFY2(microseconds < 2000, "summarizeMessage is far too slow");
}

QTEST_APPLESS_MAIN(TestMessageSummary)
#include "tst_message_summary.moc"
