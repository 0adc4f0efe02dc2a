// RFC 6376 3.4: simple and relaxed canonicalisation of header fields and bodies, the examples
// of 3.4.5, l= (3.5) and the header hash input of 3.7.

#include "shared/auth/dkim/DkimCanonicalization.h"
#include "shared/auth/dkim/DkimHashing.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/mail/HeaderParser.h"

#include <QTest>

using namespace pw::auth;
using pw::mail::HeaderField;
using pw::mail::HeaderParser;
using pw::mail::MessageHeader;

Q_DECLARE_METATYPE(pw::auth::DkimCanonicalization)

namespace {

// RFC 6376 3.4.5, with <SP>, <HTAB> and <CRLF> written out.
const QByteArray Rfc6376Message = "A: X\r\n"
                                  "B : Y\t\r\n"
                                  "\tZ  \r\n"
                                  "\r\n"
                                  " C \r\n"
                                  "D \t E\r\n"
                                  "\r\n"
                                  "\r\n";

MessageHeader parse(const QByteArray& message)
{
    const auto result = HeaderParser().parse(message);
    return result.header;
}

QByteArray canonicalHeaders(const QByteArray& message, DkimCanonicalization canonicalization)
{
    QByteArray out;
    const MessageHeader header = parse(message);
    for (const HeaderField& field : header.fields())
        out += DkimCanon::header(field, canonicalization);
    return out;
}

QByteArray bodyOf(const QByteArray& message)
{
    return message.mid(parse(message).bodyOffset());
}

} // namespace

class TestCanonicalization : public QObject
{
    Q_OBJECT

private slots:
    void rfc6376RelaxedExample();
    void rfc6376SimpleExample();
    void names();
    void relaxedHeaderDetails();
    void body_data();
    void body();
    void bareLineFeedsInBody();
    void emptyBodyHashes();
    void bodyLength();
    void signatureValueEmptied();
    void headerHashInputBottomUp();
};

void TestCanonicalization::rfc6376RelaxedExample()
{
    QCOMPARE(canonicalHeaders(Rfc6376Message, DkimCanonicalization::Relaxed), QByteArray("a:X\r\nb:Y Z\r\n"));
    QCOMPARE(DkimCanon::body(bodyOf(Rfc6376Message), DkimCanonicalization::Relaxed),
             QByteArray(" C\r\nD E\r\n"));
}

void TestCanonicalization::rfc6376SimpleExample()
{
    QCOMPARE(canonicalHeaders(Rfc6376Message, DkimCanonicalization::Simple),
             QByteArray("A: X\r\nB : Y\t\r\n\tZ  \r\n"));
    QCOMPARE(DkimCanon::body(bodyOf(Rfc6376Message), DkimCanonicalization::Simple),
             QByteArray(" C \r\nD \t E\r\n"));
}

void TestCanonicalization::names()
{
    QCOMPARE(DkimCanon::fromName("simple"), std::optional(DkimCanonicalization::Simple));
    QCOMPARE(DkimCanon::fromName("relaxed"), std::optional(DkimCanonicalization::Relaxed));
    QVERIFY(!DkimCanon::fromName("Relaxed"));
    QVERIFY(!DkimCanon::fromName("nofws"));
    QCOMPARE(DkimCanon::name(DkimCanonicalization::Relaxed), QByteArray("relaxed"));
}

void TestCanonicalization::relaxedHeaderDetails()
{
    const HeaderField field = HeaderField::create("SuBjEcT", " \t Hello \t  world \r\n\t again\t ");
    QCOMPARE(DkimCanon::header(field, DkimCanonicalization::Relaxed),
             QByteArray("subject:Hello world again\r\n"));
    const HeaderField empty = HeaderField::create("X-Empty", "   ");
    QCOMPARE(DkimCanon::header(empty, DkimCanonicalization::Relaxed), QByteArray("x-empty:\r\n"));
    QCOMPARE(DkimCanon::header(empty, DkimCanonicalization::Simple), QByteArray("X-Empty:   \r\n"));
}

void TestCanonicalization::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<DkimCanonicalization>("canonicalization");
    QTest::addColumn<QByteArray>("expected");

    const auto simple = DkimCanonicalization::Simple;
    const auto relaxed = DkimCanonicalization::Relaxed;
    // RFC 6376 3.4.3: an empty body is one CRLF; 3.4.4: an empty relaxed body stays empty.
    QTest::newRow("simple empty") << QByteArray() << simple << QByteArray("\r\n");
    QTest::newRow("relaxed empty") << QByteArray() << relaxed << QByteArray();
    QTest::newRow("simple only empty lines") << QByteArray("\r\n\r\n\r\n") << simple << QByteArray("\r\n");
    QTest::newRow("relaxed only empty lines") << QByteArray("\r\n\r\n") << relaxed << QByteArray();
    QTest::newRow("relaxed whitespace lines") << QByteArray(" \t\r\n \r\n") << relaxed << QByteArray();
    QTest::newRow("simple whitespace line kept")
        << QByteArray("a\r\n \r\n\r\n") << simple << QByteArray("a\r\n \r\n");
    QTest::newRow("simple no final CRLF") << QByteArray("a\r\nb") << simple << QByteArray("a\r\nb\r\n");
    QTest::newRow("relaxed no final CRLF") << QByteArray("a  b ") << relaxed << QByteArray("a b\r\n");
    QTest::newRow("relaxed leading space") << QByteArray("\t\tx\r\n") << relaxed << QByteArray(" x\r\n");
    QTest::newRow("inner empty lines kept")
        << QByteArray("a\r\n\r\nb\r\n\r\n") << relaxed << QByteArray("a\r\n\r\nb\r\n");
}

void TestCanonicalization::body()
{
    QFETCH(QByteArray, body);
    QFETCH(DkimCanonicalization, canonicalization);
    QFETCH(QByteArray, expected);
    QCOMPARE(DkimCanon::body(body, canonicalization), expected);
}

void TestCanonicalization::bareLineFeedsInBody()
{
    QCOMPARE(DkimCanon::body("Hi.\n\nJoe.\n\n", DkimCanonicalization::Simple),
             QByteArray("Hi.\r\n\r\nJoe.\r\n"));
    // A CR alone is not a line end and stays.
    QCOMPARE(DkimCanon::body("a\rb\n", DkimCanonicalization::Simple), QByteArray("a\rb\r\n"));
}

void TestCanonicalization::emptyBodyHashes()
{
    // Well-known values: SHA-256 of CRLF, and of nothing.
    QCOMPARE(pw::crypto::Base64::encode(DkimHashing::bodyHash("", DkimCanonicalization::Simple).digest),
             QByteArray("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY="));
    QCOMPARE(pw::crypto::Base64::encode(DkimHashing::bodyHash("", DkimCanonicalization::Relaxed).digest),
             QByteArray("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
}

void TestCanonicalization::bodyLength()
{
    const QByteArray body = "Hello world\r\nmore text\r\n";
    const auto full = DkimHashing::bodyHash(body, DkimCanonicalization::Simple);
    QCOMPARE(full.canonicalSize, body.size());
    const auto first = DkimHashing::bodyHash(body, DkimCanonicalization::Simple, 13);
    QCOMPARE(first.digest, pw::crypto::Digest::sha256("Hello world\r\n"));
    QCOMPARE(first.canonicalSize, body.size());
    // Appending to the body does not change the hash of its first l= octets.
    const auto appended = DkimHashing::bodyHash(body + "appended\r\n", DkimCanonicalization::Simple, 13);
    QCOMPARE(appended.digest, first.digest);
    // l= longer than the body hashes all of it.
    QCOMPARE(DkimHashing::bodyHash(body, DkimCanonicalization::Simple, 1000).digest, full.digest);
    QCOMPARE(DkimHashing::bodyHash(body, DkimCanonicalization::Simple, 0).digest,
             pw::crypto::Digest::sha256(""));
}

void TestCanonicalization::signatureValueEmptied()
{
    // RFC 6376 3.7: b='s value with the whitespace around it deleted; bh= untouched.
    const HeaderField field =
        HeaderField::create("DKIM-Signature", " v=1; bh=abc=;\r\n b= AAAA\r\n BBBB ; d=x");
    const auto emptied = DkimHashing::withEmptySignature(field);
    QVERIFY(emptied);
    QCOMPARE(emptied->raw(), QByteArray("DKIM-Signature: v=1; bh=abc=;\r\n b=; d=x\r\n"));
    const auto last =
        DkimHashing::withEmptySignature(HeaderField::create("DKIM-Signature", " v=1; b=AAAA\r\n\tBB"));
    QVERIFY(last);
    QCOMPARE(last->raw(), QByteArray("DKIM-Signature: v=1; b=\r\n"));
    QVERIFY(!DkimHashing::withEmptySignature(HeaderField::create("DKIM-Signature", " v=1; bh=x")));
}

void TestCanonicalization::headerHashInputBottomUp()
{
    const MessageHeader header = parse("Received: first\r\n"
                                       "From: a@example.com\r\n"
                                       "Received: second\r\n"
                                       "Subject: s\r\n"
                                       "\r\n");
    const HeaderField signature = HeaderField::create("DKIM-Signature", " v=1; b=");
    // RFC 6376 5.4.2: repeated names take the fields from the bottom up; a name listed more
    // often than present, or absent, contributes nothing.
    const QByteArray input =
        DkimHashing::headerHashInput(header, {"Received", "received", "Received", "from", "To", "from"},
                                     DkimCanonicalization::Relaxed, signature);
    QCOMPARE(input, QByteArray("received:second\r\n"
                               "received:first\r\n"
                               "from:a@example.com\r\n"
                               "dkim-signature:v=1; b="));
}

QTEST_GUILESS_MAIN(TestCanonicalization)
#include "tst_canonicalization.moc"
