// RFC 2047 encoded words, charset conversion and the transfer decoders (quoted-printable,
// base64): the forms real mail uses, the broken ones it also uses, and charsets only ICU knows.

#include "shared/mail/EncodedWords.h"
#include "shared/mail/TransferEncoding.h"

#include <QTest>

using namespace pw::mail;

class TestEncodedWords : public QObject
{
    Q_OBJECT

private slots:
    void encodedWords_data();
    void encodedWords();
    void charsets_data();
    void charsets();
    void unknownCharset();
    void quotedPrintable_data();
    void quotedPrintable();
    void qEncoding();
    void base64_data();
    void base64();
    void transferEncodings();
};

void TestEncodedWords::encodedWords_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("Hello world") << u"Hello world"_qs;
    QTest::newRow("base64") << QByteArray("=?UTF-8?B?w6l0w6k=?=") << u"été"_qs;
    QTest::newRow("q latin1") << QByteArray("=?iso-8859-1?q?caf=E9_cr=E8me?=") << u"café crème"_qs;
    QTest::newRow("text around") << QByteArray("Re: =?utf-8?q?caf=C3=A9?= ok") << u"Re: café ok"_qs;
    QTest::newRow("adjacent joined") << QByteArray("=?utf-8?q?a?= =?utf-8?q?b?=") << u"ab"_qs;
    QTest::newRow("adjacent folded") << QByteArray("=?utf-8?q?a?=\r\n\t=?utf-8?q?b?=") << u"ab"_qs;
    QTest::newRow("character split across words")
        << QByteArray("=?UTF-8?B?4oI=?= =?UTF-8?B?rA==?=") << u"€"_qs;
    QTest::newRow("different charsets") << QByteArray("=?iso-8859-1?q?=E9?= =?utf-8?q?=C3=A9?=") << u"éé"_qs;
    QTest::newRow("space kept before plain text")
        << QByteArray("=?utf-8?q?a?= b =?utf-8?q?c?=") << u"a b c"_qs;
    QTest::newRow("icu charset") << QByteArray("=?koi8-r?b?0NLJ18XU?=") << u"привет"_qs;
    QTest::newRow("language suffix") << QByteArray("=?utf-8*en?q?hi?=") << u"hi"_qs;
    QTest::newRow("lower case encoding") << QByteArray("=?utf-8?b?w6l0w6k=?=") << u"été"_qs;
    QTest::newRow("inside a word") << QByteArray("x=?utf-8?q?y?=z") << u"xyz"_qs;
    QTest::newRow("bad encoding letter") << QByteArray("=?utf-8?x?abc?=") << u"=?utf-8?x?abc?="_qs;
    QTest::newRow("unterminated") << QByteArray("=?utf-8?q?abc") << u"=?utf-8?q?abc"_qs;
    QTest::newRow("lone opener") << QByteArray("a =? b") << u"a =? b"_qs;
    QTest::newRow("empty charset") << QByteArray("=??q?abc?=") << u"=??q?abc?="_qs;
    QTest::newRow("raw utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                             "e")
                               << u"Grüße"_qs;
    QTest::newRow("raw latin-1") << QByteArray("Gr\xfc\xdf"
                                               "e")
                                 << u"Grüße"_qs;
    QTest::newRow("missing padding") << QByteArray("=?utf-8?b?w6l0w6k?=") << u"été"_qs;
    QTest::newRow("question mark in q text") << QByteArray("=?utf-8?q?why=3F?=") << u"why?"_qs;
}

void TestEncodedWords::encodedWords()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(decodeEncodedWords(input), expected);
}

void TestEncodedWords::charsets_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utf-8") << QByteArray("\xc3\xa9") << QByteArray("UTF-8") << u"é"_qs;
    QTest::newRow("utf8 alias") << QByteArray("\xc3\xa9") << QByteArray("utf8") << u"é"_qs;
    QTest::newRow("us-ascii holding utf-8") << QByteArray("\xc3\xa9") << QByteArray("us-ascii") << u"é"_qs;
    QTest::newRow("no charset, latin-1") << QByteArray("\xe9") << QByteArray() << u"é"_qs;
    QTest::newRow("latin-1 read as windows-1252")
        << QByteArray("\x80 \x93x\x94") << QByteArray("ISO-8859-1") << u"€ “x”"_qs;
    QTest::newRow("latin-1 without C1") << QByteArray("\xe9") << QByteArray("latin1") << u"é"_qs;
    QTest::newRow("iso-8859-2") << QByteArray("\xb1\xe6") << QByteArray("iso-8859-2") << u"ąć"_qs;
    QTest::newRow("shift_jis") << QByteArray("\x93\xfa\x96{") << QByteArray("Shift_JIS") << u"日本"_qs;
    QTest::newRow("windows-1251") << QByteArray("\xcf\xf0\xe8") << QByteArray("windows-1251") << u"При"_qs;
    QTest::newRow("padded name") << QByteArray("a") << QByteArray(" utf-8 ") << u"a"_qs;
}

void TestEncodedWords::charsets()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, expected);
    const std::optional<QString> text = decodeCharset(bytes, charset);
    QVERIFY(text);
    QCOMPARE(*text, expected);
    QCOMPARE(decodeText(bytes, charset), expected);
}

void TestEncodedWords::unknownCharset()
{
    QVERIFY(!decodeCharset("abc", "x-no-such-charset"));
    // decodeText reads it as if no charset was named.
    QCOMPARE(decodeText("caf\xc3\xa9", "x-no-such-charset"), u"café"_qs);
    QCOMPARE(decodeEncodedWords("=?x-no-such-charset?q?abc?= =?utf-8?q?d?="),
             u"=?x-no-such-charset?q?abc?=d"_qs);
}

void TestEncodedWords::quotedPrintable_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("escapes") << QByteArray("a=3Db=c3=A9") << QByteArray("a=b\xc3\xa9");
    QTest::newRow("soft break crlf") << QByteArray("long=\r\nline") << QByteArray("longline");
    QTest::newRow("soft break lf") << QByteArray("long=\nline") << QByteArray("longline");
    QTest::newRow("soft break with trailing space")
        << QByteArray("long= \t\r\nline") << QByteArray("longline");
    QTest::newRow("hard breaks kept") << QByteArray("a\r\nb\nc") << QByteArray("a\r\nb\nc");
    QTest::newRow("trailing whitespace removed") << QByteArray("a  \r\nb\t\nc ") << QByteArray("a\r\nb\nc ");
    QTest::newRow("invalid escape kept") << QByteArray("x=ZZ=4") << QByteArray("x=ZZ=4");
    QTest::newRow("equals at end") << QByteArray("end=") << QByteArray("end");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestEncodedWords::quotedPrintable()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QCOMPARE(decodeQuotedPrintable(encoded), decoded);
}

void TestEncodedWords::qEncoding()
{
    QCOMPARE(decodeQEncoding("a_b=5Fc=3"), QByteArray("a b_c=3"));
}

void TestEncodedWords::base64_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");

    QTest::newRow("lines") << QByteArray("aGVs\r\nbG8=\r\n") << QByteArray("hello");
    QTest::newRow("no padding") << QByteArray("aGVsbG8") << QByteArray("hello");
    QTest::newRow("junk skipped") << QByteArray("aG!Vs b*G8") << QByteArray("hello");
    QTest::newRow("two padded blocks") << QByteArray("aGk=aGk=") << QByteArray("hihi");
    QTest::newRow("url alphabet") << QByteArray("-_8") << QByteArray("\xfb\xff");
    QTest::newRow("single stray char") << QByteArray("aGk=a") << QByteArray("hi");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestEncodedWords::base64()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QCOMPARE(decodeBase64(encoded), decoded);
}

void TestEncodedWords::transferEncodings()
{
    QCOMPARE(decodeTransferEncoding("aGk=", "BASE64"), std::optional<QByteArray>("hi"));
    QCOMPARE(decodeTransferEncoding("a=3Db", "Quoted-Printable"), std::optional<QByteArray>("a=b"));
    QCOMPARE(decodeTransferEncoding("x=3D", ""), std::optional<QByteArray>("x=3D"));
    QCOMPARE(decodeTransferEncoding("x=3D", "7bit"), std::optional<QByteArray>("x=3D"));
    QCOMPARE(decodeTransferEncoding("\xff", "8BIT"), std::optional<QByteArray>("\xff"));
    QCOMPARE(decodeTransferEncoding("\xff", "binary"), std::optional<QByteArray>("\xff"));
    QVERIFY(!decodeTransferEncoding("begin 644 x", "x-uuencode"));
}

QTEST_APPLESS_MAIN(TestEncodedWords)
#include "tst_encoded_words.moc"
