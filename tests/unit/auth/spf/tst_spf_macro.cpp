// SpfMacroString: the macro grammar (RFC 7208 7.1), where each letter may stand (7.3), the
// expansion with transformers and delimiters (7.3) checked against the examples of RFC 7208
// 7.4, URL escaping, and the values derived from the client address.

#include "shared/auth/spf/SpfMacro.h"

#include <QTest>

using namespace pw::auth;

namespace {

// RFC 7208 7.4: <sender> strong-bad@email.example.com, IPv4 client 192.0.2.3.
SpfMacroValues rfcValues()
{
    SpfMacroValues values;
    values.sender = QStringLiteral("strong-bad@email.example.com");
    values.localPart = QStringLiteral("strong-bad");
    values.senderDomain = QStringLiteral("email.example.com");
    values.domain = QStringLiteral("email.example.com");
    values.setAddress(QHostAddress(QStringLiteral("192.0.2.3")));
    values.helo = QStringLiteral("mx.example.org");
    values.receiver = QStringLiteral("mx.receiver.example");
    values.timestamp = QStringLiteral("1700000000");
    return values;
}

QString expanded(const QString& text, const SpfMacroValues& values,
                 SpfMacroContext context = SpfMacroContext::DomainSpec)
{
    QString error;
    const auto macro = SpfMacroString::parse(text, context, &error);
    if (!macro)
        return QStringLiteral("<error: %1>").arg(error);
    return macro->expand(values);
}

} // namespace

Q_DECLARE_METATYPE(SpfMacroContext)

class TestSpfMacro : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void ipv6Examples();
    void escapes();
    void urlEscaping();
    void explanationLetters();
    void validatedNameDefaults();
    void invalid_data();
    void invalid();
    void domainEnd_data();
    void domainEnd();
    void uses();
    void ipv4MappedIsIpv4();
};

void TestSpfMacro::rfcExamples_data()
{
    QTest::addColumn<QString>("macro");
    QTest::addColumn<QString>("expansion");
    // RFC 7208 7.4, verbatim.
    QTest::newRow("s") << QStringLiteral("%{s}") << QStringLiteral("strong-bad@email.example.com");
    QTest::newRow("o") << QStringLiteral("%{o}") << QStringLiteral("email.example.com");
    QTest::newRow("d") << QStringLiteral("%{d}") << QStringLiteral("email.example.com");
    QTest::newRow("d4") << QStringLiteral("%{d4}") << QStringLiteral("email.example.com");
    QTest::newRow("d3") << QStringLiteral("%{d3}") << QStringLiteral("email.example.com");
    QTest::newRow("d2") << QStringLiteral("%{d2}") << QStringLiteral("example.com");
    QTest::newRow("d1") << QStringLiteral("%{d1}") << QStringLiteral("com");
    QTest::newRow("dr") << QStringLiteral("%{dr}") << QStringLiteral("com.example.email");
    QTest::newRow("d2r") << QStringLiteral("%{d2r}") << QStringLiteral("example.email");
    QTest::newRow("l") << QStringLiteral("%{l}") << QStringLiteral("strong-bad");
    QTest::newRow("l-") << QStringLiteral("%{l-}") << QStringLiteral("strong.bad");
    QTest::newRow("lr") << QStringLiteral("%{lr}") << QStringLiteral("strong-bad");
    QTest::newRow("lr-") << QStringLiteral("%{lr-}") << QStringLiteral("bad.strong");
    QTest::newRow("l1r-") << QStringLiteral("%{l1r-}") << QStringLiteral("strong");
    QTest::newRow("ir.v._spf.d2") << QStringLiteral("%{ir}.%{v}._spf.%{d2}")
                                  << QStringLiteral("3.2.0.192.in-addr._spf.example.com");
    QTest::newRow("lr-.lp._spf.d2") << QStringLiteral("%{lr-}.lp._spf.%{d2}")
                                    << QStringLiteral("bad.strong.lp._spf.example.com");
    QTest::newRow("lr-.lp.ir.v._spf.d2")
        << QStringLiteral("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}")
        << QStringLiteral("bad.strong.lp.3.2.0.192.in-addr._spf.example.com");
    QTest::newRow("ir.v.l1r-.lp._spf.d2") << QStringLiteral("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}")
                                          << QStringLiteral("3.2.0.192.in-addr.strong.lp._spf.example.com");
    QTest::newRow("d2.trusted-domains") << QStringLiteral("%{d2}.trusted-domains.example.net")
                                        << QStringLiteral("example.com.trusted-domains.example.net");
    // More transformers: a large DIGIT keeps every part; several delimiters at once.
    QTest::newRow("d99") << QStringLiteral("%{d99}") << QStringLiteral("email.example.com");
    QTest::newRow("upper-case letter") << QStringLiteral("%{D2}") << QStringLiteral("example.com");
    QTest::newRow("s with two delimiters")
        << QStringLiteral("%{s.-}") << QStringLiteral("strong.bad@email.example.com");
    QTest::newRow("l with two delimiters, reversed")
        << QStringLiteral("%{l2r+-}") << QStringLiteral("bad.strong");
    QTest::newRow("h") << QStringLiteral("%{h}") << QStringLiteral("mx.example.org");
    QTest::newRow("i") << QStringLiteral("%{i}") << QStringLiteral("192.0.2.3");
}

void TestSpfMacro::rfcExamples()
{
    QFETCH(QString, macro);
    QFETCH(QString, expansion);
    QCOMPARE(expanded(macro, rfcValues()), expansion);
}

void TestSpfMacro::ipv6Examples()
{
    SpfMacroValues values = rfcValues();
    values.setAddress(QHostAddress(QStringLiteral("2001:db8::cb01")));
    // RFC 7208 7.4
    QCOMPARE(expanded(QStringLiteral("%{ir}.%{v}._spf.%{d2}"), values),
             QStringLiteral(
                 "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"));
    QCOMPARE(expanded(QStringLiteral("%{c}"), values, SpfMacroContext::Explanation),
             QStringLiteral("2001:db8::cb01"));
    QCOMPARE(values.ipVersion, QStringLiteral("ip6"));
}

void TestSpfMacro::escapes()
{
    // "%%" is "%", "%_" a space, "%-" "%20" (RFC 7208 7.1).
    QCOMPARE(expanded(QStringLiteral("macro%%percent%_%_space%-url-space.example.com"), rfcValues()),
             QStringLiteral("macro%percent  space%20url-space.example.com"));
}

void TestSpfMacro::urlEscaping()
{
    SpfMacroValues values = rfcValues();
    values.localPart = QStringLiteral("~jack&jill=up-a_b3.c");
    // RFC 7208 7.3: upper-case letters URL-escape everything outside RFC 3986 "unreserved".
    QCOMPARE(
        expanded(QStringLiteral("http://example.com/why.html?l=%{L}"), values, SpfMacroContext::Explanation),
        QStringLiteral("http://example.com/why.html?l=~jack%26jill%3Dup-a_b3.c"));
    QCOMPARE(spfUrlEscape(QStringLiteral("JUMPIN' JUPITER")), QStringLiteral("JUMPIN%27%20JUPITER"));
    QCOMPARE(spfUrlEscape(QStringLiteral("[192.0.2.1]")), QStringLiteral("%5B192.0.2.1%5D"));
    QCOMPARE(spfUrlEscape(QStringLiteral("ü")), QStringLiteral("%C3%BC"));
    QCOMPARE(spfUrlEscape(QStringLiteral("%")), QStringLiteral("%25"));
}

void TestSpfMacro::explanationLetters()
{
    const SpfMacroValues values = rfcValues();
    QCOMPARE(expanded(QStringLiteral("%{c} is queried as %{ir}.%{v}.arpa by %{r} at %{t}"), values,
                      SpfMacroContext::Explanation),
             QStringLiteral(
                 "192.0.2.3 is queried as 3.2.0.192.in-addr.arpa by mx.receiver.example at 1700000000"));
    // Spaces are literal text in explanations only.
    QVERIFY(SpfMacroString::parse(QStringLiteral("a b"), SpfMacroContext::Explanation));
    QVERIFY(!SpfMacroString::parse(QStringLiteral("a b"), SpfMacroContext::DomainSpec));
    // A trailing dot stays in an explanation.
    QCOMPARE(expanded(QStringLiteral("This is a test."), values, SpfMacroContext::Explanation),
             QStringLiteral("This is a test."));
}

void TestSpfMacro::validatedNameDefaults()
{
    SpfMacroValues values = rfcValues();
    QCOMPARE(expanded(QStringLiteral("%{p}"), values), QStringLiteral("unknown"));
    values.validatedName = QStringLiteral("mx.example.org");
    QCOMPARE(expanded(QStringLiteral("%{p}"), values), QStringLiteral("mx.example.org"));
    values.receiver.clear();
    QCOMPARE(expanded(QStringLiteral("%{r}"), values, SpfMacroContext::Explanation),
             QStringLiteral("unknown"));
}

void TestSpfMacro::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SpfMacroContext>("context");
    QTest::newRow("lone percent") << QStringLiteral("foo%") << SpfMacroContext::DomainSpec;
    QTest::newRow("percent letter") << QStringLiteral("%abc") << SpfMacroContext::UnknownModifier;
    QTest::newRow("parenthesis") << QStringLiteral("%(ir).sbl.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("percent dot") << QStringLiteral("foo%.sbl.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("unknown letter") << QStringLiteral("%{a}.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("unknown letter x") << QStringLiteral("The %{x}-files.") << SpfMacroContext::Explanation;
    QTest::newRow("c in domain") << QStringLiteral("%{c}.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("r in domain") << QStringLiteral("%{r}.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("t in domain") << QStringLiteral("%{t}.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("zero digit") << QStringLiteral("%{d0}") << SpfMacroContext::DomainSpec;
    QTest::newRow("unterminated") << QStringLiteral("%{d2") << SpfMacroContext::DomainSpec;
    QTest::newRow("bad delimiter") << QStringLiteral("%{l*}") << SpfMacroContext::DomainSpec;
    QTest::newRow("transformer order") << QStringLiteral("%{dr2}") << SpfMacroContext::DomainSpec;
    QTest::newRow("space in domain") << QStringLiteral("a b.example.com") << SpfMacroContext::DomainSpec;
    QTest::newRow("tab in explanation") << QStringLiteral("a\tb") << SpfMacroContext::Explanation;
    QTest::newRow("non-ASCII") << QStringLiteral("\u00e9xplanation") << SpfMacroContext::Explanation;
}

void TestSpfMacro::invalid()
{
    QFETCH(QString, text);
    QFETCH(SpfMacroContext, context);
    QString error;
    QVERIFY(!SpfMacroString::parse(text, context, &error));
    QVERIFY(!error.isEmpty());
}

void TestSpfMacro::domainEnd_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << QStringLiteral("example.com") << true;
    QTest::newRow("final dot") << QStringLiteral("example.com.") << true;
    QTest::newRow("macro at the end") << QStringLiteral("%{H}") << true;
    QTest::newRow("macro then top label") << QStringLiteral("%{d}.d.spf.example.com.") << true;
    QTest::newRow("escape at the end") << QStringLiteral("foo%-") << true;
    QTest::newRow("no dot") << QStringLiteral("museum") << false;
    QTest::newRow("only final dot") << QStringLiteral("museum.") << false;
    QTest::newRow("numeric") << QStringLiteral("abc.123") << false;
    QTest::newRow("macro glued to label") << QStringLiteral("%{d}com") << false;
    QTest::newRow("port") << QStringLiteral("example.com:8080") << false;
}

void TestSpfMacro::domainEnd()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto macro = SpfMacroString::parse(text, SpfMacroContext::DomainSpec);
    QVERIFY(macro);
    QCOMPARE(macro->hasValidDomainEnd(), valid);
}

void TestSpfMacro::uses()
{
    const auto macro =
        SpfMacroString::parse(QStringLiteral("%{p}.%{d2}.example.com"), SpfMacroContext::DomainSpec);
    QVERIFY(macro);
    QVERIFY(macro->uses('p'));
    QVERIFY(macro->uses('d'));
    QVERIFY(!macro->uses('l'));
    QCOMPARE(macro->tokens().size(), 4);
}

void TestSpfMacro::ipv4MappedIsIpv4()
{
    SpfMacroValues values;
    values.setAddress(QHostAddress(QStringLiteral("::ffff:192.0.2.3")));
    QCOMPARE(values.ip, QStringLiteral("192.0.2.3"));
    QCOMPARE(values.clientIp, QStringLiteral("192.0.2.3"));
    QCOMPARE(values.ipVersion, QStringLiteral("in-addr"));
}

QTEST_GUILESS_MAIN(TestSpfMacro)
#include "tst_spf_macro.moc"
