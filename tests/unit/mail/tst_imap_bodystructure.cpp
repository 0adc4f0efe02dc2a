// IMAP ENVELOPE, BODYSTRUCTURE and BODY of whole messages, byte for byte. Several expected
// strings are the ones Dovecot's own tests expect for the same messages (with CRLF line ends,
// so that the sizes agree), so that clients see what they see from Dovecot.

#include "shared/mail/ImapBodyStructure.h"
#include "shared/mail/ImapEnvelope.h"
#include "shared/mail/ImapString.h"
#include "shared/mail/MimeMessage.h"

#include <QTest>

using namespace pw::mail;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray bodyStructure(const QByteArray& message)
{
    const MimeMessage mime(message);
    return imapBodyStructure(mime, mime.root(), true);
}

QByteArray body(const QByteArray& message)
{
    const MimeMessage mime(message);
    return imapBodyStructure(mime, mime.root(), false);
}

QByteArray envelope(const QByteArray& message)
{
    const MimeMessage mime(message);
    return imapEnvelope(mime, mime.root());
}

const QByteArray forwarded = crlf("From: user@domain.org\n"
                                  "Date: Sat, 24 Mar 2017 23:00:00 +0200\n"
                                  "Mime-Version: 1.0\n"
                                  "Content-Type: multipart/mixed; boundary=\"foo bar\"\n"
                                  "\n"
                                  "--foo bar\n"
                                  "Content-Type: text/plain; charset=us-ascii\n"
                                  "Content-ID: <A.frop.example.com>\n"
                                  "Content-Description: Container message\n"
                                  "\n"
                                  "See attached...\n"
                                  "\n"
                                  "--foo bar\n"
                                  "Content-Type: message/rfc822\n"
                                  "Content-ID: <B.frop.example.com>\n"
                                  "Content-Description: Forwarded\n"
                                  "\n"
                                  "From: user@domain.org\n"
                                  "Date: Sat, 24 Mar 2017 23:00:00 +0200\n"
                                  "Mime-Version: 1.0\n"
                                  "Content-Type: text/plain; charset=us-ascii\n"
                                  "\n"
                                  "body\n"
                                  "\n"
                                  "--foo bar--\n");

const QByteArray everything = crlf("From: user@domain.org\n"
                                   "Date: Sat, 24 Mar 2007 23:00:00 +0200\n"
                                   "Mime-Version: 1.0\n"
                                   "Content-Type: multipart/mixed; boundary=\"foo\n"
                                   " bar\"\n"
                                   "\n"
                                   "Root MIME prologue\n"
                                   "\n"
                                   "--foo bar\n"
                                   "Content-Type: text/x-myown; charset=us-ascii; foo=\"quoted\\\"string\"\n"
                                   "Content-ID: <foo@example.com>\n"
                                   "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\n"
                                   "Content-Disposition: inline; foo=bar\n"
                                   "Content-Description: hellodescription\n"
                                   "Content-Language: en, fi, se\n"
                                   "Content-Location: http://example.com/test.txt\n"
                                   "\n"
                                   "hello\n"
                                   "\n"
                                   "--foo bar\n"
                                   "Content-Type: message/rfc822\n"
                                   "\n"
                                   "From: sub@domain.org\n"
                                   "To: sub-to1@domain.org, sub-to2@domain.org\n"
                                   "Date: Sun, 12 Aug 2012 12:34:56 +0300\n"
                                   "Subject: submsg\n"
                                   "Content-Type: multipart/alternative; boundary=\"sub1\"\n"
                                   "\n"
                                   "Sub MIME prologue\n"
                                   "--sub1\n"
                                   "Content-Type: text/html\n"
                                   "Content-Transfer-Encoding: 8bit\n"
                                   "\n"
                                   "<p>Hello world</p>\n"
                                   "\n"
                                   "--sub1\n"
                                   "Content-Type: text/plain\n"
                                   "Content-Transfer-Encoding: ?invalid\n"
                                   "\n"
                                   "Hello another world\n"
                                   "\n"
                                   "--sub1--\n"
                                   "Sub MIME epilogue\n"
                                   "\n"
                                   "--foo bar--\n"
                                   "Root MIME epilogue\n");

} // namespace

class TestImapBodyStructure : public QObject
{
    Q_OBJECT

private slots:
    void imapStrings_data();
    void imapStrings();
    void imapAstrings();
    void simpleText();
    void defaultsWithoutContentType();
    void multipartWithAttachment();
    void forwardedMessage();
    void everyExtensionField();
    void rfc2231ParametersKeepTheirForm();
    void multipartAtTheDepthLimit();
    void rfc822AtTheDepthLimit();
    void eightBitParameterIsALiteral();
    void envelopeFull();
    void envelopeDefaultsSenderAndReplyTo();
    void envelopeGroups();
    void envelopeRoute();
    void envelopeBrokenAddresses_data();
    void envelopeBrokenAddresses();
    void envelopeEncodedSubjectStaysRaw();
    void envelopeLiteralsAndQuoting();
    void envelopeEmptyMessage();
};

void TestImapBodyStructure::imapStrings_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("string");
    QTest::addColumn<QByteArray>("forHumans");

    QTest::newRow("plain") << QByteArray("hello") << QByteArray("\"hello\"") << QByteArray("\"hello\"");
    QTest::newRow("empty") << QByteArray("") << QByteArray("\"\"") << QByteArray("\"\"");
    QTest::newRow("escapes") << QByteArray(R"(a"b\c)") << QByteArray(R"("a\"b\\c")")
                             << QByteArray("{5}\r\na\"b\\c");
    QTest::newRow("many escapes") << QByteArray(R"(""""")") << QByteArray("{5}\r\n\"\"\"\"\"")
                                  << QByteArray("{5}\r\n\"\"\"\"\"");
    QTest::newRow("8-bit") << QByteArray("caf\xc3\xa9") << QByteArray("{5}\r\ncaf\xc3\xa9")
                           << QByteArray("{5}\r\ncaf\xc3\xa9");
    QTest::newRow("line break") << QByteArray("a\r\n b") << QByteArray("{5}\r\na\r\n b")
                                << QByteArray("{3}\r\na b");
    QTest::newRow("whitespace runs") << QByteArray("  a \t b  ") << QByteArray("\"  a \t b  \"")
                                     << QByteArray("{3}\r\na b");
    QTest::newRow("single spaces") << QByteArray("a b c") << QByteArray("\"a b c\"")
                                   << QByteArray("\"a b c\"");
    QTest::newRow("only whitespace") << QByteArray(" \t ") << QByteArray("\" \t \"") << QByteArray("\"\"");
    QTest::newRow("nul dropped") << QByteArray("a\0b", 3) << QByteArray("{2}\r\nab")
                                 << QByteArray("{2}\r\nab");
    QTest::newRow("delete char") << QByteArray("\x7f") << QByteArray("\"\x7f\"") << QByteArray("\"\x7f\"");
}

void TestImapBodyStructure::imapStrings()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, string);
    QFETCH(QByteArray, forHumans);
    QCOMPARE(imapString(value), string);
    QByteArray humans;
    appendImapStringForHumans(humans, value);
    QCOMPARE(humans, forHumans);
    QCOMPARE(imapNString(QByteArray()), QByteArray("NIL"));
    QCOMPARE(imapNString(value), string);
}

void TestImapBodyStructure::imapAstrings()
{
    QCOMPARE(imapAstring("INBOX"), QByteArray("INBOX"));
    QCOMPARE(imapAstring("a]b"), QByteArray("a]b"));
    QCOMPARE(imapAstring("NIL"), QByteArray("\"NIL\""));
    QCOMPARE(imapAstring("nil"), QByteArray("\"nil\""));
    QCOMPARE(imapAstring("two words"), QByteArray("\"two words\""));
    QCOMPARE(imapAstring("a(b"), QByteArray("\"a(b\""));
    QCOMPARE(imapAstring(""), QByteArray("\"\""));
    QByteArray literal;
    appendImapLiteral(literal, "ab");
    QCOMPARE(literal, QByteArray("{2}\r\nab"));
}

void TestImapBodyStructure::simpleText()
{
    const QByteArray message = crlf("From: user@domain.org\n"
                                    "Date: Sat, 24 Mar 2017 23:00:00 +0200\n"
                                    "Mime-Version: 1.0\n"
                                    "Content-Type: text/plain; charset=utf-8\n"
                                    "Content-Transfer-Encoding: 8bit\n"
                                    "\n"
                                    "body\n"
                                    "\n");
    QCOMPARE(bodyStructure(message),
             QByteArray(R"(("text" "plain" ("charset" "utf-8") NIL NIL "8bit" 8 2 NIL NIL NIL NIL))"));
    QCOMPARE(body(message), QByteArray(R"(("text" "plain" ("charset" "utf-8") NIL NIL "8bit" 8 2))"));
}

void TestImapBodyStructure::defaultsWithoutContentType()
{
    const QByteArray message = crlf("Subject: x\n\nline\n");
    QCOMPARE(bodyStructure(message),
             QByteArray(R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 6 1 NIL NIL NIL NIL))"));
    // Type and subtype are reported in lower case; a text part gets the default charset
    // after its other parameters.
    QCOMPARE(
        bodyStructure(crlf("Content-Type: TEXT/HTML; Format=flowed\n\n<b>x</b>")),
        QByteArray(
            R"(("text" "html" ("Format" "flowed" "charset" "us-ascii") NIL NIL "7bit" 8 0 NIL NIL NIL NIL))"));
    QCOMPARE(body(QByteArray()), QByteArray(R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0))"));
}

void TestImapBodyStructure::multipartWithAttachment()
{
    const QByteArray message = crlf("MIME-Version: 1.0\n"
                                    "Content-Type: multipart/mixed; boundary=\"XX\"\n"
                                    "\n"
                                    "--XX\n"
                                    "Content-Type: text/plain; charset=us-ascii; format=\"flowed\";\n"
                                    "  delsp=\"no\"\n"
                                    "Content-Language: la\n"
                                    "\n"
                                    "Lorem ipsum\n"
                                    "dolor\n"
                                    "\n"
                                    "--XX\n"
                                    "Content-Type: image/png\n"
                                    "Content-Transfer-Encoding: base64\n"
                                    "Content-Disposition: attachment; filename=\"pigeon.png\"\n"
                                    "\n"
                                    "iVBORw0KGgo=\n"
                                    "--XX--\n");
    QCOMPARE(
        bodyStructure(message),
        QByteArray(
            R"((("text" "plain" ("charset" "us-ascii" "format" "flowed" "delsp" "no") NIL NIL "7bit" 20 2 NIL NIL ("la") NIL))"
            R"(("image" "png" NIL NIL NIL "base64" 12 NIL ("attachment" ("filename" "pigeon.png")) NIL NIL))"
            R"( "mixed" ("boundary" "XX") NIL NIL NIL))"));
    QCOMPARE(
        body(message),
        QByteArray(
            R"((("text" "plain" ("charset" "us-ascii" "format" "flowed" "delsp" "no") NIL NIL "7bit" 20 2))"
            R"(("image" "png" NIL NIL NIL "base64" 12) "mixed"))"));
}

void TestImapBodyStructure::forwardedMessage()
{
    QCOMPARE(
        bodyStructure(forwarded),
        QByteArray(
            R"((("text" "plain" ("charset" "us-ascii") "<A.frop.example.com>" "Container message" "7bit" 17 1 NIL NIL NIL NIL))"
            R"(("message" "rfc822" NIL "<B.frop.example.com>" "Forwarded" "7bit" 133 )"
            R"(("Sat, 24 Mar 2017 23:00:00 +0200" NIL ((NIL NIL "user" "domain.org")) ((NIL NIL "user" "domain.org")) ((NIL NIL "user" "domain.org")) NIL NIL NIL NIL NIL) )"
            R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 6 1 NIL NIL NIL NIL) 6 NIL NIL NIL NIL))"
            R"( "mixed" ("boundary" "foo bar") NIL NIL NIL))"));
    QCOMPARE(
        body(forwarded),
        QByteArray(
            R"((("text" "plain" ("charset" "us-ascii") "<A.frop.example.com>" "Container message" "7bit" 17 1))"
            R"(("message" "rfc822" NIL "<B.frop.example.com>" "Forwarded" "7bit" 133 )"
            R"(("Sat, 24 Mar 2017 23:00:00 +0200" NIL ((NIL NIL "user" "domain.org")) ((NIL NIL "user" "domain.org")) ((NIL NIL "user" "domain.org")) NIL NIL NIL NIL NIL) )"
            R"(("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 6 1) 6) "mixed"))"));
}

void TestImapBodyStructure::everyExtensionField()
{
    QCOMPARE(
        bodyStructure(everything),
        QByteArray(
            R"((("text" "x-myown" ("charset" "us-ascii" "foo" "quoted\"string") "<foo@example.com>" "hellodescription" "7bit" 7 1 "Q2hlY2sgSW50ZWdyaXR5IQ==" ("inline" ("foo" "bar")) ("en" "fi" "se") "http://example.com/test.txt"))"
            R"(("message" "rfc822" NIL NIL NIL "7bit" 412 )"
            R"(("Sun, 12 Aug 2012 12:34:56 +0300" "submsg" ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub-to1" "domain.org")(NIL NIL "sub-to2" "domain.org")) NIL NIL NIL NIL) )"
            R"((("text" "html" ("charset" "us-ascii") NIL NIL "8bit" 20 1 NIL NIL NIL NIL)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 1 NIL NIL NIL NIL) "alternative" ("boundary" "sub1") NIL NIL NIL) 21 NIL NIL NIL NIL))"
            R"( "mixed" ("boundary" "foo bar") NIL NIL NIL))"));
    QCOMPARE(
        body(everything),
        QByteArray(
            R"((("text" "x-myown" ("charset" "us-ascii" "foo" "quoted\"string") "<foo@example.com>" "hellodescription" "7bit" 7 1))"
            R"(("message" "rfc822" NIL NIL NIL "7bit" 412 )"
            R"(("Sun, 12 Aug 2012 12:34:56 +0300" "submsg" ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub" "domain.org")) ((NIL NIL "sub-to1" "domain.org")(NIL NIL "sub-to2" "domain.org")) NIL NIL NIL NIL) )"
            R"((("text" "html" ("charset" "us-ascii") NIL NIL "8bit" 20 1)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 21 1) "alternative") 21) "mixed"))"));
}

void TestImapBodyStructure::rfc2231ParametersKeepTheirForm()
{
    const QByteArray message = crlf("MIME-Version: 1.0\n"
                                    "Content-Type: application/pdf;\n"
                                    " name*0=\"long\"; name*1=\"name.pdf\"\n"
                                    "Content-Disposition: attachment;\n"
                                    " filename*=utf-8''%E2%82%AC.pdf\n"
                                    "Content-Transfer-Encoding: BASE64\n"
                                    "\n"
                                    "AAAA\n");
    QCOMPARE(
        bodyStructure(message),
        QByteArray(
            R"(("application" "pdf" ("name" "longname.pdf") NIL NIL "BASE64" 6 NIL ("attachment" ("filename*" "utf-8''%E2%82%AC.pdf")) NIL NIL))"));
}

void TestImapBodyStructure::multipartAtTheDepthLimit()
{
    MimeMessage::Limits limits;
    limits.maxDepth = 0;
    const MimeMessage mime(crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n"), limits);
    // A multipart without parts shows one empty text part (as Dovecot does).
    QCOMPARE(
        imapBodyStructure(mime, mime.root(), true),
        QByteArray(
            R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0 NIL NIL NIL NIL) "mixed" ("boundary" "b") NIL NIL NIL))"));
    QCOMPARE(imapBodyStructure(mime, mime.root(), false),
             QByteArray(R"((("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) "mixed"))"));
}

void TestImapBodyStructure::rfc822AtTheDepthLimit()
{
    MimeMessage::Limits limits;
    limits.maxDepth = 0;
    const MimeMessage mime(crlf("Content-Type: message/rfc822\n\nSubject: in\n\nx\n"), limits);
    QCOMPARE(
        imapBodyStructure(mime, mime.root(), false),
        QByteArray(
            R"(("message" "rfc822" NIL NIL NIL "7bit" 18 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 3))"));
}

void TestImapBodyStructure::eightBitParameterIsALiteral()
{
    const QByteArray message = crlf("Content-Type: application/octet-stream; name=\"\xc3\xa9.bin\"\n"
                                    "Content-Description: caf\xc3\xa9\n\nx");
    QCOMPARE(body(message), QByteArray("(\"application\" \"octet-stream\" (\"name\" {6}\r\n\xc3\xa9.bin) NIL "
                                       "{5}\r\ncaf\xc3\xa9 \"7bit\" 1)"));
}

void TestImapBodyStructure::envelopeFull()
{
    const QByteArray message = crlf("Message-ID: <msg@id>\n"
                                    "In-Reply-To: <reply@to.id>\n"
                                    "Date: Thu, 15 Feb 2007 01:02:03 +0200\n"
                                    "Subject: subject header\n"
                                    "From: From Real <fromuser@fromdomain.org>\n"
                                    "To: To Real <touser@todomain.org>\n"
                                    "Cc: Cc Real <ccuser@ccdomain.org>\n"
                                    "Bcc: Bcc Real <bccuser@bccdomain.org>\n"
                                    "Sender: Sender Real <senderuser@senderdomain.org>\n"
                                    "Reply-To: ReplyTo Real <replytouser@replytodomain.org>\n"
                                    "\n"
                                    "body\n");
    QCOMPARE(envelope(message), QByteArray(R"(("Thu, 15 Feb 2007 01:02:03 +0200" "subject header" )"
                                           R"((("From Real" NIL "fromuser" "fromdomain.org")) )"
                                           R"((("Sender Real" NIL "senderuser" "senderdomain.org")) )"
                                           R"((("ReplyTo Real" NIL "replytouser" "replytodomain.org")) )"
                                           R"((("To Real" NIL "touser" "todomain.org")) )"
                                           R"((("Cc Real" NIL "ccuser" "ccdomain.org")) )"
                                           R"((("Bcc Real" NIL "bccuser" "bccdomain.org")) )"
                                           R"("<reply@to.id>" "<msg@id>"))"));
}

void TestImapBodyStructure::envelopeDefaultsSenderAndReplyTo()
{
    const QByteArray message = crlf("Date: Thu, 15 Feb 2007 01:02:03 +0200\n"
                                    "From: user@domain (Real Name)\n"
                                    "Sender: \n"
                                    "Reply-To: \n"
                                    "\n"
                                    "body\n");
    QCOMPARE(envelope(message), QByteArray(R"(("Thu, 15 Feb 2007 01:02:03 +0200" NIL )"
                                           R"((("Real Name" NIL "user" "domain")) )"
                                           R"((("Real Name" NIL "user" "domain")) )"
                                           R"((("Real Name" NIL "user" "domain")) NIL NIL NIL NIL NIL))"));
}

void TestImapBodyStructure::envelopeGroups()
{
    const QByteArray message = crlf("From: user@domain\n"
                                    "To: group: g1@d1.org, g2@d2.org;, group2: g3@d3.org;\n"
                                    "Cc: group:;, group2: (foo) ;\n"
                                    "Bcc: undisclosed-recipients:;\n"
                                    "\n");
    QCOMPARE(
        envelope(message),
        QByteArray(R"((NIL NIL ((NIL NIL "user" "domain")) ((NIL NIL "user" "domain")) )"
                   R"(((NIL NIL "user" "domain")) )"
                   R"(((NIL NIL "group" NIL)(NIL NIL "g1" "d1.org")(NIL NIL "g2" "d2.org")(NIL NIL NIL NIL))"
                   R"((NIL NIL "group2" NIL)(NIL NIL "g3" "d3.org")(NIL NIL NIL NIL)) )"
                   R"(((NIL NIL "group" NIL)(NIL NIL NIL NIL)(NIL NIL "group2" NIL)(NIL NIL NIL NIL)) )"
                   R"(((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)) NIL NIL))"));
}

void TestImapBodyStructure::envelopeRoute()
{
    QCOMPARE(envelope(crlf("From: <@route:user@domain>\n\n")),
             QByteArray(R"((NIL NIL ((NIL "@route" "user" "domain")) ((NIL "@route" "user" "domain")) )"
                        R"(((NIL "@route" "user" "domain")) NIL NIL NIL NIL NIL))"));
    QCOMPARE(
        envelope(crlf("To: Name <@a.example,@b.example:user@[192.0.2.1]>\n\n")),
        QByteArray(
            R"((NIL NIL NIL NIL NIL (("Name" "@a.example,@b.example" "user" "[192.0.2.1]")) NIL NIL NIL NIL))"));
}

void TestImapBodyStructure::envelopeBrokenAddresses_data()
{
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("quoted name and local part")
        << QByteArray(R"("Doe, John" <"john doe"@example.com>)")
        << QByteArray(R"((("Doe, John" NIL "john doe" "example.com")))");
    QTest::newRow("phrase words joined") << QByteArray("John  Q.  Public <jqp@example.com>")
                                         << QByteArray(R"((("John Q. Public" NIL "jqp" "example.com")))");
    QTest::newRow("lone word") << QByteArray("root") << QByteArray(R"(((NIL NIL "root" "MISSING_DOMAIN")))");
    QTest::newRow("name only") << QByteArray("John Smith")
                               << QByteArray(R"((("John Smith" NIL "MISSING_MAILBOX" "MISSING_DOMAIN")))");
    QTest::newRow("empty angle") << QByteArray("Nobody <>")
                                 << QByteArray(R"((("Nobody" NIL "MISSING_MAILBOX" "MISSING_DOMAIN")))");
    QTest::newRow("unclosed angle") << QByteArray("Eve <eve@example.com")
                                    << QByteArray(R"((("Eve" NIL "eve" "SYNTAX_ERROR")))");
    QTest::newRow("empty entries") << QByteArray(", a@b,, c@d ,")
                                   << QByteArray(R"(((NIL NIL "a" "b")(NIL NIL "c" "d")))");
    QTest::newRow("comments") << QByteArray("a@b (First), (x) c@d (Second)")
                              << QByteArray(R"((("First" NIL "a" "b")("Second" NIL "c" "d")))");
    QTest::newRow("encoded name kept") << QByteArray("=?utf-8?q?J=C3=B6rg?= <j@example.de>")
                                       << QByteArray(R"((("=?utf-8?q?J=C3=B6rg?=" NIL "j" "example.de")))");
    QTest::newRow("utf-8 name literal") << QByteArray("J\xc3\xb6rg <j@example.de>")
                                        << QByteArray("(({5}\r\nJ\xc3\xb6rg NIL \"j\" \"example.de\"))");
    QTest::newRow("nothing") << QByteArray("   ") << QByteArray("NIL");
    QTest::newRow("folded after the domain")
        << QByteArray("a@b\r\n folded, c@d") << QByteArray(R"(((NIL NIL "a" "b")(NIL NIL "c" "d")))");
    QTest::newRow("spaced dots") << QByteArray("a@example . com")
                                 << QByteArray(R"(((NIL NIL "a" "example.com")))");
    QTest::newRow("no local part") << QByteArray("@b") << QByteArray(R"(((NIL NIL "MISSING_MAILBOX" "b")))");
    QTest::newRow("quote in name") << QByteArray(R"("a\"b" <x@y>)")
                                   << QByteArray("(({3}\r\na\"b NIL \"x\" \"y\"))");
    QTest::newRow("unclosed group") << QByteArray("team: a@b")
                                    << QByteArray(
                                           R"(((NIL NIL "team" NIL)(NIL NIL "a" "b")(NIL NIL NIL NIL)))");
}

void TestImapBodyStructure::envelopeBrokenAddresses()
{
    QFETCH(QByteArray, to);
    QFETCH(QByteArray, expected);
    QCOMPARE(envelope("To: " + to + "\r\n\r\n"), "(NIL NIL NIL NIL NIL " + expected + " NIL NIL NIL NIL)");
}

void TestImapBodyStructure::envelopeEncodedSubjectStaysRaw()
{
    QCOMPARE(envelope(crlf("Subject: =?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?=\n\n")),
             QByteArray(
                 R"((NIL "=?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?=" NIL NIL NIL NIL NIL NIL NIL NIL))"));
    // Folded: unfolded into a literal, as Dovecot sends it.
    QCOMPARE(envelope(crlf("Subject: =?utf-8?q?caf=C3=A9?=\n =?utf-8?q?_cr=C3=A8me?=\n\n")),
             QByteArray("(NIL {45}\r\n=?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?= NIL NIL NIL NIL NIL "
                        "NIL NIL NIL)"));
}

void TestImapBodyStructure::envelopeLiteralsAndQuoting()
{
    QCOMPARE(envelope(crlf("Subject: Re: \"quoted\"\tand  spaced\nMessage-ID: <a\\b@c>\n\n")),
             QByteArray("(NIL {23}\r\nRe: \"quoted\" and spaced NIL NIL NIL NIL NIL NIL NIL "
                        "\"<a\\\\b@c>\")"));
    QCOMPARE(envelope(crlf("Subject: Gr\xc3\xbc\xc3\x9f"
                           "e\nDate: \n\n")),
             QByteArray("(\"\" {7}\r\nGr\xc3\xbc\xc3\x9f"
                        "e NIL NIL NIL NIL NIL NIL NIL NIL)"));
    // As in Dovecot: the last Subject counts, and address fields add up.
    QCOMPARE(
        envelope(crlf("Subject: one\nFrom: a@b\nSubject: two\nfrom: c@d\n\n")),
        QByteArray(R"((NIL "two" ((NIL NIL "a" "b")(NIL NIL "c" "d")) ((NIL NIL "a" "b")(NIL NIL "c" "d")) )"
                   R"(((NIL NIL "a" "b")(NIL NIL "c" "d")) NIL NIL NIL NIL NIL))"));
    // A CR that ends no line is a space.
    QCOMPARE(envelope("Subject: x\r\rbody\r"),
             QByteArray("(NIL {6}\r\nx body NIL NIL NIL NIL NIL NIL NIL NIL)"));
}

void TestImapBodyStructure::envelopeEmptyMessage()
{
    QCOMPARE(envelope(QByteArray()), QByteArray("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"));
}

QTEST_APPLESS_MAIN(TestImapBodyStructure)
#include "tst_imap_bodystructure.moc"
