// MailAddress: RFC 5321 Mailbox syntax with RFC 6531 UTF-8 and IDNA domains, the relay tricks
// that an unauthenticated client must not get through, and the forms given back.

#include "shared/mail/MailAddress.h"

#include <QTest>

using pw::mail::MailAddress;

class TestMailAddress : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void lengthLimits();
    void domainLengthLimit();
    void internationalised();
    void aceDomainGivesUnicodeForm();
    void addressLiterals();
    void postmasterWithoutDomain();
    void relayTricks_data();
    void relayTricks();
    void toStringQuotesWhenNeeded_data();
    void toStringQuotesWhenNeeded();
    void canonicalIsLowerCase();
    void errorMessageIsSet();
};

void TestMailAddress::valid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("quoted");

    QTest::newRow("plain") << QByteArray("user@example.com") << "user"
                           << "example.com" << false;
    QTest::newRow("domain lower-cased") << QByteArray("User@Example.COM") << "User"
                                        << "example.com" << false;
    QTest::newRow("dots in local") << QByteArray("first.last@example.com") << "first.last"
                                   << "example.com" << false;
    QTest::newRow("atext specials") << QByteArray("a!#$%&'*+-/=?^_`{|}~z@example.com")
                                    << "a!#$%&'*+-/=?^_`{|}~z"
                                    << "example.com" << false;
    QTest::newRow("subaddress") << QByteArray("user+tag@example.com") << "user+tag"
                                << "example.com" << false;
    QTest::newRow("single label") << QByteArray("root@localhost") << "root"
                                  << "localhost" << false;
    QTest::newRow("hyphen inside label") << QByteArray("a@mail-1.ex-ample.org") << "a"
                                         << "mail-1.ex-ample.org" << false;
    QTest::newRow("digits label") << QByteArray("a@123.example") << "a"
                                  << "123.example" << false;
    QTest::newRow("quoted space") << QByteArray("\"john smith\"@example.com") << "john smith"
                                  << "example.com" << true;
    QTest::newRow("quoted pair") << QByteArray("\"a\\\"b\\\\c\"@example.com") << "a\"b\\c"
                                 << "example.com" << true;
    QTest::newRow("quoted dot-string") << QByteArray("\"user\"@example.com") << "user"
                                       << "example.com" << true;
    QTest::newRow("quoted double dot") << QByteArray("\"a..b\"@example.com") << "a..b"
                                       << "example.com" << true;
    QTest::newRow("percent") << QByteArray("user%remote@local") << "user%remote"
                             << "local" << false;
    QTest::newRow("bang") << QByteArray("remote!user@local") << "remote!user"
                          << "local" << false;
    QTest::newRow("quoted at") << QByteArray("\"user@remote\"@local") << "user@remote"
                               << "local" << true;
}

void TestMailAddress::valid()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, local);
    QFETCH(QString, domain);
    QFETCH(bool, quoted);

    MailAddress::ParseError error;
    const auto address = MailAddress::parse(text, &error);
    QVERIFY2(address, qPrintable(error.message));
    QCOMPARE(address->localPart(), local);
    QCOMPARE(address->domain(), domain);
    QCOMPARE(address->unicodeDomain(), domain);
    QCOMPARE(address->wasQuoted(), quoted);
    QVERIFY(!address->isUtf8());
    QVERIFY(!address->isAddressLiteral());
}

void TestMailAddress::invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no at") << QByteArray("user");
    QTest::newRow("no domain") << QByteArray("user@");
    QTest::newRow("no local") << QByteArray("@example.com");
    QTest::newRow("two ats") << QByteArray("user@remote@local");
    QTest::newRow("leading dot local") << QByteArray(".user@example.com");
    QTest::newRow("trailing dot local") << QByteArray("user.@example.com");
    QTest::newRow("double dot local") << QByteArray("us..er@example.com");
    QTest::newRow("space in local") << QByteArray("us er@example.com");
    QTest::newRow("comma in local") << QByteArray("a,b@example.com");
    QTest::newRow("bracket in local") << QByteArray("a<b@example.com");
    QTest::newRow("empty quoted") << QByteArray("\"\"@example.com");
    QTest::newRow("unclosed quote") << QByteArray("\"user@example.com");
    QTest::newRow("text after quote") << QByteArray("\"user\"x@example.com");
    QTest::newRow("quoted no domain") << QByteArray("\"user\"");
    QTest::newRow("tab in quotes") << QByteArray("\"a\tb\"@example.com");
    QTest::newRow("control escaped") << QByteArray("\"a\\\tb\"@example.com");
    QTest::newRow("backslash at end") << QByteArray("\"a\\");
    QTest::newRow("trailing dot domain") << QByteArray("user@example.com.");
    QTest::newRow("leading dot domain") << QByteArray("user@.example.com");
    QTest::newRow("empty label") << QByteArray("user@example..com");
    QTest::newRow("only dot") << QByteArray("user@.");
    QTest::newRow("underscore domain") << QByteArray("user@ex_ample.com");
    QTest::newRow("hyphen start label") << QByteArray("user@-example.com");
    QTest::newRow("hyphen end label") << QByteArray("user@example-.com");
    QTest::newRow("space in domain") << QByteArray("user@exa mple.com");
    QTest::newRow("angle brackets") << QByteArray("<user@example.com>");
    QTest::newRow("label 64") << (QByteArray("user@") + QByteArray(64, 'a') + ".com");
    QTest::newRow("local 65") << (QByteArray(65, 'a') + "@example.com");
    QTest::newRow("quoted local 65") << ("\"" + QByteArray(63, 'a') + "\"@example.com");
    QTest::newRow("invalid utf8") << QByteArray("us\xff"
                                                "er@example.com");
    QTest::newRow("truncated utf8") << QByteArray("user\xc3@example.com");
    QTest::newRow("overlong utf8") << QByteArray("\xc0\xaf@example.com");
    QTest::newRow("surrogate utf8") << QByteArray("\xed\xa0\x80@example.com");
    QTest::newRow("above unicode") << QByteArray("\xf4\x90\x80\x80@example.com");
    QTest::newRow("invalid utf8 domain") << QByteArray("user@b\xfc"
                                                       "cher.de");
    QTest::newRow("nul") << QByteArray("us\0er@example.com", 17);
    QTest::newRow("literal unclosed") << QByteArray("user@[192.0.2.1");
    QTest::newRow("literal 5 parts") << QByteArray("user@[1.2.3.4.5]");
    QTest::newRow("literal 3 parts") << QByteArray("user@[1.2.3]");
    QTest::newRow("literal 256") << QByteArray("user@[1.2.3.256]");
    QTest::newRow("literal 4 digits") << QByteArray("user@[1.2.3.0004]");
    QTest::newRow("literal trailing dot") << QByteArray("user@[1.2.3.4.]");
    QTest::newRow("literal empty") << QByteArray("user@[]");
    QTest::newRow("literal text after") << QByteArray("user@[1.2.3.4]x");
    QTest::newRow("literal ipv6 no tag") << QByteArray("user@[2001:db8::1]");
    QTest::newRow("literal ipv6 bad") << QByteArray("user@[IPv6:2001:db8:::1]");
    QTest::newRow("literal ipv6 scope") << QByteArray("user@[IPv6:fe80::1%eth0]");
    QTest::newRow("literal ipv6 is ipv4") << QByteArray("user@[IPv6:192.0.2.1]");
    QTest::newRow("literal general") << QByteArray("user@[x-tag:something]");
    QTest::newRow("postmaster not allowed") << QByteArray("postmaster");
}

void TestMailAddress::invalid()
{
    QFETCH(QByteArray, text);
    MailAddress::ParseError error;
    const auto address = MailAddress::parse(text, &error);
    QVERIFY2(!address, qPrintable(address ? address->toString() : QString()));
    QVERIFY(!error.message.isEmpty());
}

void TestMailAddress::lengthLimits()
{
    const QByteArray local64(64, 'a');
    QVERIFY(MailAddress::parse(local64 + "@example.com"));
    QVERIFY(!MailAddress::parse(local64 + "a@example.com"));
    QVERIFY(MailAddress::parse("user@" + QByteArray(63, 'b') + ".com"));
    // 64 octets counted as sent, quotes included.
    QVERIFY(MailAddress::parse("\"" + QByteArray(62, 'a') + "\"@example.com"));
    QVERIFY(!MailAddress::parse("\"" + QByteArray(63, 'a') + "\"@example.com"));
}

void TestMailAddress::domainLengthLimit()
{
    // Four labels of 63 plus three dots: 255 octets, the maximum.
    const QByteArray label(63, 'c');
    const QByteArray domain255 = label + '.' + label + '.' + label + '.' + label;
    QCOMPARE(domain255.size(), 255);
    const auto ok = MailAddress::parse("u@" + domain255);
    QVERIFY(ok);
    QCOMPARE(ok->domain().size(), 255);
    QVERIFY(!MailAddress::parse("u@" + domain255 + "d"));
    QVERIFY(!MailAddress::parse("u@d." + domain255));
}

void TestMailAddress::internationalised()
{
    MailAddress::ParseError error;
    const auto address = MailAddress::parse(QStringLiteral(u"bücher@例え.jp").toUtf8(), &error);
    QVERIFY2(address, qPrintable(error.message));
    QVERIFY(address->isUtf8());
    QCOMPARE(address->localPart(), QStringLiteral(u"bücher"));
    QCOMPARE(address->domain(), QStringLiteral("xn--r8jz45g.jp"));
    QCOMPARE(address->unicodeDomain(), QStringLiteral(u"例え.jp"));
    QCOMPARE(address->canonical(), QStringLiteral(u"bücher@xn--r8jz45g.jp"));
    QCOMPARE(address->toString(), QStringLiteral(u"bücher@xn--r8jz45g.jp"));

    const auto idnOnly = MailAddress::parse(QStringLiteral(u"info@Bücher.DE").toUtf8(), &error);
    QVERIFY2(idnOnly, qPrintable(error.message));
    QVERIFY(idnOnly->isUtf8());
    QCOMPARE(idnOnly->domain(), QStringLiteral("xn--bcher-kva.de"));
    QCOMPARE(idnOnly->unicodeDomain(), QStringLiteral(u"bücher.de"));

    const auto utf8Local = MailAddress::parse(QStringLiteral(u"用户@example.com").toUtf8(), &error);
    QVERIFY2(utf8Local, qPrintable(error.message));
    QVERIFY(utf8Local->isUtf8());
    QCOMPARE(utf8Local->domain(), QStringLiteral("example.com"));

    const auto quotedUtf8 = MailAddress::parse(QStringLiteral(u"\"jörg meier\"@example.com").toUtf8());
    QVERIFY(quotedUtf8);
    QVERIFY(quotedUtf8->isUtf8());
    QCOMPARE(quotedUtf8->localPart(), QStringLiteral(u"jörg meier"));

    // A U-label that turns into a label over 63 octets once encoded.
    QString longUnicode;
    for (int i = 0; i < 40; ++i)
        longUnicode += QChar(0x4E00 + i * 97);
    QVERIFY(!MailAddress::parse((QStringLiteral("a@") + longUnicode + QStringLiteral(".jp")).toUtf8()));
    QVERIFY(!MailAddress::parse(QStringLiteral(u"a@例え..jp").toUtf8()));
    QVERIFY(!MailAddress::parse(QStringLiteral(u"a@例え.jp.").toUtf8()));
}

void TestMailAddress::aceDomainGivesUnicodeForm()
{
    const auto address = MailAddress::parse("info@XN--BCHER-KVA.de");
    QVERIFY(address);
    QVERIFY(!address->isUtf8());
    QCOMPARE(address->domain(), QStringLiteral("xn--bcher-kva.de"));
    QCOMPARE(address->unicodeDomain(), QStringLiteral(u"bücher.de"));
}

void TestMailAddress::addressLiterals()
{
    const auto v4 = MailAddress::parse("user@[192.0.2.1]");
    QVERIFY(v4);
    QVERIFY(v4->isAddressLiteral());
    QCOMPARE(v4->domain(), QStringLiteral("[192.0.2.1]"));
    QCOMPARE(v4->toString(), QStringLiteral("user@[192.0.2.1]"));
    QVERIFY(!v4->relayTrick().isEmpty());

    const auto v6 = MailAddress::parse("user@[ipv6:2001:DB8:0:0::1]");
    QVERIFY(v6);
    QVERIFY(v6->isAddressLiteral());
    QCOMPARE(v6->domain(), QStringLiteral("[IPv6:2001:db8::1]"));

    const auto v6v4 = MailAddress::parse("user@[IPv6:::ffff:192.0.2.1]");
    QVERIFY(v6v4);
    QVERIFY(v6v4->isAddressLiteral());
}

void TestMailAddress::postmasterWithoutDomain()
{
    for (const QByteArray& text :
         {QByteArray("Postmaster"), QByteArray("POSTMASTER"), QByteArray("postmaster")}) {
        const auto address = MailAddress::parse(text, nullptr, true);
        QVERIFY2(address, text.constData());
        QVERIFY(address->domain().isEmpty());
        QCOMPARE(address->canonical(), QStringLiteral("postmaster"));
        QVERIFY(address->relayTrick().isEmpty());
    }
    QVERIFY(!MailAddress::parse("webmaster", nullptr, true));
    QVERIFY(!MailAddress::parse("\"postmaster\"", nullptr, true));
    QVERIFY(MailAddress::parse("postmaster@example.com", nullptr, true));
}

void TestMailAddress::relayTricks_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("trick");

    QTest::newRow("plain") << QByteArray("user@local") << false;
    QTest::newRow("plus") << QByteArray("user+x@local") << false;
    QTest::newRow("percent") << QByteArray("user%remote@local") << true;
    QTest::newRow("bang") << QByteArray("remote!user@local") << true;
    QTest::newRow("quoted at") << QByteArray("\"user@remote\"@local") << true;
    QTest::newRow("quoted percent") << QByteArray("\"user%remote\"@local") << true;
    QTest::newRow("quoted plain") << QByteArray("\"user\"@local") << false;
    QTest::newRow("literal") << QByteArray("user@[192.0.2.1]") << true;
}

void TestMailAddress::relayTricks()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, trick);
    const auto address = MailAddress::parse(text);
    QVERIFY(address);
    QCOMPARE(!address->relayTrick().isEmpty(), trick);
}

void TestMailAddress::toStringQuotesWhenNeeded_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("User@Example.com") << "User@example.com";
    QTest::newRow("needless quotes dropped") << QByteArray("\"user\"@example.com") << "user@example.com";
    QTest::newRow("space") << QByteArray("\"a b\"@example.com") << "\"a b\"@example.com";
    QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\"@example.com") << "\"a\\\"b\\\\c\"@example.com";
    QTest::newRow("escaped plain char") << QByteArray("\"\\a\"@example.com") << "a@example.com";
    QTest::newRow("at") << QByteArray("\"user@remote\"@local") << "\"user@remote\"@local";
    QTest::newRow("leading dot") << QByteArray("\".user\"@example.com") << "\".user\"@example.com";
}

void TestMailAddress::toStringQuotesWhenNeeded()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto address = MailAddress::parse(text);
    QVERIFY(address);
    QCOMPARE(address->toString(), expected);
    // What toString() writes parses back to the same address.
    const auto again = MailAddress::parse(address->toString().toUtf8());
    QVERIFY(again);
    QCOMPARE(again->localPart(), address->localPart());
    QCOMPARE(again->domain(), address->domain());
}

void TestMailAddress::canonicalIsLowerCase()
{
    const auto address = MailAddress::parse("John.Doe@EXAMPLE.com");
    QVERIFY(address);
    QCOMPARE(address->localPart(), QStringLiteral("John.Doe"));
    QCOMPARE(address->canonical(), QStringLiteral("john.doe@example.com"));
    const auto unicode = MailAddress::parse(QStringLiteral(u"ÄRGER@Bücher.de").toUtf8());
    QVERIFY(unicode);
    QCOMPARE(unicode->canonical(), QStringLiteral(u"ärger@xn--bcher-kva.de"));
}

void TestMailAddress::errorMessageIsSet()
{
    MailAddress::ParseError error;
    QVERIFY(!MailAddress::parse("user@example..com", &error));
    QVERIFY(error.message.contains(QStringLiteral("empty")));
    QVERIFY(!MailAddress::parse(QByteArray(65, 'a') + "@example.com", &error));
    QVERIFY(error.message.contains(QStringLiteral("64")));
    QVERIFY(!MailAddress::parse("user@example.com.", &error));
    QVERIFY(error.message.contains(QStringLiteral("dot")));
    // Without an error object the parser still answers.
    QVERIFY(!MailAddress::parse("bad address", nullptr));
}

QTEST_GUILESS_MAIN(TestMailAddress)
#include "tst_mail_address.moc"
