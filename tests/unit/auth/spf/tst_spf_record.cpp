// SpfRecord: version check and record selection (RFC 7208 4.5), the term grammar (4.6.1,
// 5, 6, Appendix A) with every syntax error that must be a permerror, and the lexical helpers.

#include "shared/auth/spf/SpfRecord.h"
#include "shared/auth/spf/SpfSyntax.h"

#include <QTest>

using namespace pw::auth;

Q_DECLARE_METATYPE(SpfMechanismKind)
Q_DECLARE_METATYPE(SpfQualifier)

class TestSpfRecord : public QObject
{
    Q_OBJECT

private slots:
    void version_data();
    void version();
    void selection();
    void mechanisms_data();
    void mechanisms();
    void cidrLengths_data();
    void cidrLengths();
    void networks();
    void modifiers();
    void invalidRecords_data();
    void invalidRecords();
    void byteByByteNeverCrashes();
    void topLabels_data();
    void topLabels();
    void ip4Networks_data();
    void ip4Networks();
};

void TestSpfRecord::version_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isSpf");
    QTest::newRow("bare") << QByteArray("v=spf1") << true;
    QTest::newRow("with terms") << QByteArray("v=spf1 -all") << true;
    QTest::newRow("case-insensitive") << QByteArray("V=SpF1 ~all") << true;
    QTest::newRow("no space") << QByteArray("v=spf1mx") << false;
    QTest::newRow("spf10") << QByteArray("v=spf10") << false;
    QTest::newRow("leading space") << QByteArray(" v=spf1") << false;
    QTest::newRow("tab") << QByteArray("v=spf1\t-all") << false;
    QTest::newRow("other text") << QByteArray("google-site-verification=abc") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestSpfRecord::version()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isSpf);
    QCOMPARE(SpfRecord::hasSpfVersion(text), isSpf);
}

void TestSpfRecord::selection()
{
    auto selection = SpfRecord::select({"v=spf10", "v=spf1 mx", "\x96"});
    QCOMPARE(selection.outcome, SpfRecord::Selection::One);
    QCOMPARE(selection.text, QByteArray("v=spf1 mx"));

    selection = SpfRecord::select({"v=spf1 -all", "V=sPf1 +all"});
    QCOMPARE(selection.outcome, SpfRecord::Selection::Multiple);
    // Identical records are still two (RFC 7208 4.5).
    selection = SpfRecord::select({"v=spf1 -all", "v=spf1 -all"});
    QCOMPARE(selection.outcome, SpfRecord::Selection::Multiple);

    selection = SpfRecord::select({"v=spf1mx", "something else"});
    QCOMPARE(selection.outcome, SpfRecord::Selection::NoRecord);
    QCOMPARE(SpfRecord::select({}).outcome, SpfRecord::Selection::NoRecord);
}

void TestSpfRecord::mechanisms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SpfQualifier>("qualifier");
    QTest::addColumn<SpfMechanismKind>("kind");
    QTest::addColumn<QString>("domainSpec"); // empty: none
    QTest::addColumn<bool>("queriesDns");

    QTest::newRow("all") << QByteArray("v=spf1 all") << SpfQualifier::Pass << SpfMechanismKind::All
                         << QString() << false;
    QTest::newRow("-all") << QByteArray("v=spf1 -all") << SpfQualifier::Fail << SpfMechanismKind::All
                          << QString() << false;
    QTest::newRow("~all") << QByteArray("v=spf1 ~all") << SpfQualifier::SoftFail << SpfMechanismKind::All
                          << QString() << false;
    QTest::newRow("?all") << QByteArray("v=spf1 ?all") << SpfQualifier::Neutral << SpfMechanismKind::All
                          << QString() << false;
    QTest::newRow("upper-case name") << QByteArray("v=spf1 -ALL") << SpfQualifier::Fail
                                     << SpfMechanismKind::All << QString() << false;
    QTest::newRow("include") << QByteArray("v=spf1 include:_spf.example.com") << SpfQualifier::Pass
                             << SpfMechanismKind::Include << QStringLiteral("_spf.example.com") << true;
    QTest::newRow("a") << QByteArray("v=spf1 a") << SpfQualifier::Pass << SpfMechanismKind::A << QString()
                       << true;
    QTest::newRow("a:domain") << QByteArray("v=spf1 +a:mail.example.com") << SpfQualifier::Pass
                              << SpfMechanismKind::A << QStringLiteral("mail.example.com") << true;
    QTest::newRow("a with colon and slash in domain")
        << QByteArray("v=spf1 a:foo:bar/baz.example.com") << SpfQualifier::Pass << SpfMechanismKind::A
        << QStringLiteral("foo:bar/baz.example.com") << true;
    QTest::newRow("mx") << QByteArray("v=spf1 mx") << SpfQualifier::Pass << SpfMechanismKind::Mx << QString()
                        << true;
    QTest::newRow("mx:domain/cidr") << QByteArray("v=spf1 mx:foo.example.com/24") << SpfQualifier::Pass
                                    << SpfMechanismKind::Mx << QStringLiteral("foo.example.com") << true;
    QTest::newRow("ptr") << QByteArray("v=spf1 ?ptr") << SpfQualifier::Neutral << SpfMechanismKind::Ptr
                         << QString() << true;
    QTest::newRow("ptr:domain") << QByteArray("v=spf1 ptr:example.Com") << SpfQualifier::Pass
                                << SpfMechanismKind::Ptr << QStringLiteral("example.Com") << true;
    QTest::newRow("exists macro") << QByteArray("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d}")
                                  << SpfQualifier::Pass << SpfMechanismKind::Exists
                                  << QStringLiteral("%{ir}.%{l1r+-}._spf.%{d}") << true;
    QTest::newRow("ip4") << QByteArray("v=spf1 ip4:192.0.2.0/24") << SpfQualifier::Pass
                         << SpfMechanismKind::Ip4 << QString() << false;
    QTest::newRow("ip6") << QByteArray("v=spf1 -ip6:2001:db8::/32") << SpfQualifier::Fail
                         << SpfMechanismKind::Ip6 << QString() << false;
    QTest::newRow("trailing dot") << QByteArray("v=spf1 include:o.spf.example.com.") << SpfQualifier::Pass
                                  << SpfMechanismKind::Include << QStringLiteral("o.spf.example.com.")
                                  << true;
    QTest::newRow("dash in top label")
        << QByteArray("v=spf1 a:foo.example.xn--zckzah") << SpfQualifier::Pass << SpfMechanismKind::A
        << QStringLiteral("foo.example.xn--zckzah") << true;
}

void TestSpfRecord::mechanisms()
{
    QFETCH(QByteArray, text);
    QFETCH(SpfQualifier, qualifier);
    QFETCH(SpfMechanismKind, kind);
    QFETCH(QString, domainSpec);
    QFETCH(bool, queriesDns);

    const SpfParsedRecord parsed = SpfRecord::parse(text);
    QVERIFY2(parsed.record, qPrintable(parsed.error));
    QCOMPARE(parsed.record->mechanisms().size(), 1);
    const SpfMechanism& mechanism = parsed.record->mechanisms().first();
    QCOMPARE(mechanism.qualifier, qualifier);
    QCOMPARE(mechanism.kind, kind);
    QCOMPARE(mechanism.domainSpec.has_value(), !domainSpec.isEmpty());
    if (mechanism.domainSpec)
        QCOMPARE(mechanism.domainSpec->text(), domainSpec);
    QCOMPARE(mechanism.queriesDns(), queriesDns);
    QCOMPARE(mechanism.text, QString::fromLatin1(text.mid(7)));
}

void TestSpfRecord::cidrLengths_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("ip4");
    QTest::addColumn<int>("ip6");
    QTest::newRow("default") << QByteArray("v=spf1 a") << 32 << 128;
    QTest::newRow("a/24") << QByteArray("v=spf1 a/24") << 24 << 128;
    QTest::newRow("a//64") << QByteArray("v=spf1 a//64") << 32 << 64;
    QTest::newRow("a/24//64") << QByteArray("v=spf1 a/24//64") << 24 << 64;
    QTest::newRow("a/0") << QByteArray("v=spf1 a/0") << 0 << 128;
    QTest::newRow("a//0") << QByteArray("v=spf1 a//0") << 32 << 0;
    QTest::newRow("mx:domain/32//128") << QByteArray("v=spf1 mx:example.com/32//128") << 32 << 128;
    QTest::newRow("ip4 /0") << QByteArray("v=spf1 ip4:1.1.1.1/0") << 0 << 128;
    QTest::newRow("ip6 /33") << QByteArray("v=spf1 ip6:Cafe:Babe:8000::/33") << 32 << 33;
}

void TestSpfRecord::cidrLengths()
{
    QFETCH(QByteArray, text);
    QFETCH(int, ip4);
    QFETCH(int, ip6);
    const SpfParsedRecord parsed = SpfRecord::parse(text);
    QVERIFY2(parsed.record, qPrintable(parsed.error));
    QCOMPARE(parsed.record->mechanisms().first().ip4Prefix, ip4);
    QCOMPARE(parsed.record->mechanisms().first().ip6Prefix, ip6);
}

void TestSpfRecord::networks()
{
    const SpfParsedRecord parsed =
        SpfRecord::parse("v=spf1 ip4:192.0.2.1 ip6:::1.1.1.1/0 ip6:2001:DB8::cb01");
    QVERIFY2(parsed.record, qPrintable(parsed.error));
    const auto& mechanisms = parsed.record->mechanisms();
    QCOMPARE(mechanisms.size(), 3);
    QCOMPARE(mechanisms.at(0).network, QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(mechanisms.at(1).network.protocol(), QAbstractSocket::IPv6Protocol);
    QCOMPARE(mechanisms.at(1).ip6Prefix, 0);
    QCOMPARE(mechanisms.at(2).network, QHostAddress(QStringLiteral("2001:db8::cb01")));
}

void TestSpfRecord::modifiers()
{
    // Terms may be separated by several spaces, and the record may end in spaces (4.5, 4.6.1).
    const SpfParsedRecord parsed = SpfRecord::parse(
        "v=spf1  a -all exp=explain._spf.%{d} REDIRECT=_spf.example.com moo.cow-far_out=man:dog/cat ");
    QVERIFY2(parsed.record, qPrintable(parsed.error));
    const SpfRecord& record = *parsed.record;
    QCOMPARE(record.mechanisms().size(), 2);
    QVERIFY(record.explanation());
    QCOMPARE(record.explanation()->text(), QStringLiteral("explain._spf.%{d}"));
    QVERIFY(record.redirect());
    QCOMPARE(record.redirect()->text(), QStringLiteral("_spf.example.com"));
    QCOMPARE(record.unknownModifiers().size(), 1);
    QCOMPARE(record.unknownModifiers().first().name, QStringLiteral("moo.cow-far_out"));
    QCOMPARE(record.unknownModifiers().first().value.text(), QStringLiteral("man:dog/cat"));

    // Unknown modifiers may use any macro letter and need no domain-end (6, A).
    const SpfParsedRecord lenient = SpfRecord::parse("v=spf1 default=pass note=%{c}-%{t} -all");
    QVERIFY2(lenient.record, qPrintable(lenient.error));
    QCOMPARE(lenient.record->unknownModifiers().size(), 2);

    const SpfParsedRecord empty = SpfRecord::parse("v=spf1");
    QVERIFY(empty.record);
    QVERIFY(empty.record->mechanisms().isEmpty());
    QVERIFY(!empty.record->redirect());
}

void TestSpfRecord::invalidRecords_data()
{
    QTest::addColumn<QByteArray>("text");
    // From RFC 7208 and the cases of the openspf suite that must be permerrors.
    QTest::newRow("not spf") << QByteArray("v=spf2 -all");
    QTest::newRow("unknown mechanism") << QByteArray("v=spf1 ip4:1.2.3.4 -all moo");
    QTest::newRow("modifier name with slash") << QByteArray("v=spf1 moo.cow/far_out=man:dog/cat -all");
    QTest::newRow("modifier name with colon") << QByteArray("v=spf1 moo.cow:far_out=man:dog/cat -all");
    QTest::newRow("modifier starting with digit") << QByteArray("v=spf1 1up=foo");
    QTest::newRow("empty modifier name") << QByteArray("v=spf1 =all");
    QTest::newRow("redirect as mechanism") << QByteArray("v=spf1 redirect:t2.example.com");
    QTest::newRow("all.") << QByteArray("v=spf1 -all.");
    QTest::newRow("all:arg") << QByteArray("v=spf1 -all:foobar");
    QTest::newRow("all/8") << QByteArray("v=spf1 -all/8");
    QTest::newRow("ptr/0") << QByteArray("v=spf1 ptr/0 -all");
    QTest::newRow("ptr:") << QByteArray("v=spf1 ptr:");
    QTest::newRow("a:") << QByteArray("v=spf1 a:");
    QTest::newRow("a/33") << QByteArray("v=spf1 a/33 -all");
    QTest::newRow("a//129") << QByteArray("v=spf1 a//129 -all");
    QTest::newRow("a/24/64") << QByteArray("v=spf1 a/24/64 -all");
    QTest::newRow("a no top label") << QByteArray("v=spf1 a:foo-bar -all");
    QTest::newRow("a numeric top label") << QByteArray("v=spf1 a:111.222.33.44");
    QTest::newRow("a abc.123") << QByteArray("v=spf1 a:abc.123");
    QTest::newRow("a museum") << QByteArray("v=spf1 a:museum");
    QTest::newRow("a museum.") << QByteArray("v=spf1 a:museum.");
    QTest::newRow("a dash top label") << QByteArray("v=spf1 a:example.-com");
    QTest::newRow("a port") << QByteArray("v=spf1 a:example.com:8080");
    QTest::newRow("a NUL") << QByteArray("v=spf1 a:foo.example.com\0", 26);
    QTest::newRow("mx/33") << QByteArray("v=spf1 mx/33 -all");
    QTest::newRow("mx:") << QByteArray("v=spf1 mx: -all");
    QTest::newRow("include without domain") << QByteArray("v=spf1 include +all");
    QTest::newRow("include:") << QByteArray("v=spf1 include: -all");
    QTest::newRow("include cidr") << QByteArray("v=spf1 include:ip5.example.com/24 -all");
    QTest::newRow("exists") << QByteArray("v=spf1 exists");
    QTest::newRow("exists:") << QByteArray("v=spf1 exists:");
    QTest::newRow("exists cidr") << QByteArray("v=spf1 exists:mail.example.com/24");
    QTest::newRow("ip4 bare") << QByteArray("v=spf1 ip4");
    QTest::newRow("ip4 /33") << QByteArray("v=spf1 ip4:1.2.3.4/33 -all");
    QTest::newRow("ip4 /032") << QByteArray("v=spf1 ip4:1.2.3.4/032 -all");
    QTest::newRow("ip4 port") << QByteArray("v=spf1 ip4:1.2.3.4:8080");
    QTest::newRow("ip4 short") << QByteArray("v=spf1 ip4:1.2.3");
    QTest::newRow("ip4 dual cidr") << QByteArray("v=spf1 ip4:1.2.3.4//32");
    QTest::newRow("ip4 leading zero") << QByteArray("v=spf1 ip4:192.0.2.01");
    QTest::newRow("ip6 bare") << QByteArray("v=spf1 -all ip6");
    QTest::newRow("ip6 /129") << QByteArray("v=spf1 ip6:::1.1.1.1/129");
    QTest::newRow("ip6 dual cidr") << QByteArray("v=spf1 ip6:::1.1.1.1//33");
    QTest::newRow("ip6 malformed") << QByteArray("v=spf1 ip6::CAFE::BABE");
    QTest::newRow("ip6 given ip4") << QByteArray("v=spf1 ip6:192.0.2.1");
    QTest::newRow("ip6 zone index") << QByteArray("v=spf1 ip6:fe80::1%eth0");
    QTest::newRow("exp twice") << QByteArray("v=spf1 exp=a.example.com -all exp=b.example.com");
    QTest::newRow("redirect twice") << QByteArray(
        "v=spf1 redirect=a.example.com -all redirect=a.example.com");
    QTest::newRow("exp empty") << QByteArray("v=spf1 exp= -all");
    QTest::newRow("exp invalid") << QByteArray("v=spf1 exp=-all");
    QTest::newRow("redirect empty") << QByteArray("v=spf1 ?all redirect=");
    QTest::newRow("redirect invalid") << QByteArray("v=spf1 redirect=-all ?all");
    QTest::newRow("unknown modifier bad macro") << QByteArray("v=spf1 -all foo=%abc");
    QTest::newRow("exp-only macro letter in domain") << QByteArray("v=spf1 -all exp=%{r}.example.com");
    QTest::newRow("bad macro letter") << QByteArray("v=spf1 a:%{a}.example.com -all");
    QTest::newRow("parenthesis macro") << QByteArray("v=spf1 -exists:%(ir).sbl.example.com ?all");
    QTest::newRow("trailing percent") << QByteArray("v=spf1 exists:foo%.sbl.example.com ?all");
    QTest::newRow("carriage return") << QByteArray("v=spf1 a:ctrl.example.com\rptr -all");
    QTest::newRow("line feed") << QByteArray("v=spf1 ip4:192.0.2.5\n include:spf.example.net ~all");
    QTest::newRow("8-bit") << QByteArray("v=spf1 a:\xEF\xBB\xBFgarbage.example.net -all");
    QTest::newRow("8-bit qualifier") << QByteArray("v=spf1 a:example.net \x96"
                                                   "all");
}

void TestSpfRecord::invalidRecords()
{
    QFETCH(QByteArray, text);
    const SpfParsedRecord parsed = SpfRecord::parse(text);
    QVERIFY(!parsed.record);
    QVERIFY(!parsed.error.isEmpty());
}

void TestSpfRecord::byteByByteNeverCrashes()
{
    // Every prefix of a rich record parses to a record or an error, never anything else.
    const QByteArray text("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a/24//64 mx:%{d2}/30 ptr:%{d} "
                          "exists:%{ir}.%{l1r+-}._spf.%{d} include:_spf.example.com ~all exp=x.%{d} "
                          "redirect=_r.%{o}");
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const SpfParsedRecord parsed = SpfRecord::parse(text.first(i));
        QVERIFY(parsed.record.has_value() != !parsed.error.isEmpty());
    }
    QVERIFY(SpfRecord::parse(text).record);
}

void TestSpfRecord::topLabels_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<bool>("valid");
    QTest::newRow("com") << QStringLiteral("com") << true;
    QTest::newRow("alnum") << QStringLiteral("a1") << true;
    QTest::newRow("idn") << QStringLiteral("xn--zckzah") << true;
    QTest::newRow("digits and dash") << QStringLiteral("123-456") << true;
    QTest::newRow("digits") << QStringLiteral("123") << false;
    QTest::newRow("leading dash") << QStringLiteral("-com") << false;
    QTest::newRow("trailing dash") << QStringLiteral("com-") << false;
    QTest::newRow("colon") << QStringLiteral("com:8080") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestSpfRecord::topLabels()
{
    QFETCH(QString, label);
    QFETCH(bool, valid);
    QCOMPARE(isSpfTopLabel(label), valid);
}

void TestSpfRecord::ip4Networks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("192.0.2.1") << true;
    QTest::newRow("zeros") << QStringLiteral("0.0.0.0") << true;
    QTest::newRow("max") << QStringLiteral("255.255.255.255") << true;
    QTest::newRow("256") << QStringLiteral("256.0.0.1") << false;
    QTest::newRow("leading zero") << QStringLiteral("010.0.0.1") << false;
    QTest::newRow("three parts") << QStringLiteral("1.2.3") << false;
    QTest::newRow("five parts") << QStringLiteral("1.2.3.4.5") << false;
    QTest::newRow("empty part") << QStringLiteral("1..3.4") << false;
    QTest::newRow("sign") << QStringLiteral("+1.2.3.4") << false;
}

void TestSpfRecord::ip4Networks()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(parseSpfIp4Network(text).has_value(), valid);
}

QTEST_GUILESS_MAIN(TestSpfRecord)
#include "tst_spf_record.moc"
