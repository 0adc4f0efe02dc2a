// SmtpCommandParser: every verb, the MAIL/RCPT path and parameter syntax, and the reply codes
// for lines that are not valid commands.

#include "service/smtp/SmtpCommandParser.h"

#include <QTest>
#include <limits>

using namespace pw::service;

namespace {

SmtpCommand command(const QByteArray& line)
{
    const SmtpCommandParser::Result result = SmtpCommandParser::parse(line);
    if (const auto* error = std::get_if<SmtpCommandError>(&result)) {
        qWarning("unexpected error for \"%s\": %s", line.constData(), error->reply.toWire().constData());
        SmtpCommand failed;
        failed.domain = "<error>";
        return failed;
    }
    return std::get<SmtpCommand>(result);
}

} // namespace

class TestSmtpCommandParser : public QObject
{
    Q_OBJECT

private slots:
    void verbs_data();
    void verbs();
    void helo();
    void mailFrom();
    void nullReversePath();
    void rcptTo();
    void postmaster();
    void sourceRoute();
    void quotedLocalPartWithBracket();
    void utf8Address();
    void parameters();
    void bdat();
    void auth();
    void arguments();
    void errors_data();
    void errors();
    void errorTextIsPlain();
    void replyWire();
};

void TestSmtpCommandParser::verbs_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("verb");

    QTest::newRow("HELO") << QByteArray("HELO mail.example.com") << int(SmtpVerb::Helo);
    QTest::newRow("ehlo lower") << QByteArray("ehlo mail.example.com") << int(SmtpVerb::Ehlo);
    QTest::newRow("MAIL mixed case") << QByteArray("MaIl FrOm:<a@example.com>") << int(SmtpVerb::Mail);
    QTest::newRow("RCPT") << QByteArray("rcpt to:<a@example.com>") << int(SmtpVerb::Rcpt);
    QTest::newRow("DATA") << QByteArray("DATA") << int(SmtpVerb::Data);
    QTest::newRow("data lower") << QByteArray("data") << int(SmtpVerb::Data);
    QTest::newRow("DATA trailing space") << QByteArray("DATA  ") << int(SmtpVerb::Data);
    QTest::newRow("BDAT") << QByteArray("BDAT 10") << int(SmtpVerb::Bdat);
    QTest::newRow("RSET") << QByteArray("RSET") << int(SmtpVerb::Rset);
    QTest::newRow("NOOP") << QByteArray("NOOP") << int(SmtpVerb::Noop);
    QTest::newRow("NOOP arg") << QByteArray("NOOP hello there") << int(SmtpVerb::Noop);
    QTest::newRow("QUIT") << QByteArray("QUIT") << int(SmtpVerb::Quit);
    QTest::newRow("VRFY") << QByteArray("VRFY user") << int(SmtpVerb::Vrfy);
    QTest::newRow("EXPN") << QByteArray("EXPN list") << int(SmtpVerb::Expn);
    QTest::newRow("HELP") << QByteArray("HELP") << int(SmtpVerb::Help);
    QTest::newRow("HELP arg") << QByteArray("HELP MAIL") << int(SmtpVerb::Help);
    QTest::newRow("STARTTLS") << QByteArray("StartTLS") << int(SmtpVerb::StartTls);
    QTest::newRow("AUTH") << QByteArray("AUTH PLAIN") << int(SmtpVerb::Auth);
}

void TestSmtpCommandParser::verbs()
{
    QFETCH(QByteArray, line);
    QFETCH(int, verb);
    const auto result = SmtpCommandParser::parse(line);
    const auto* error = std::get_if<SmtpCommandError>(&result);
    QVERIFY2(!error, error ? error->reply.toWire().constData() : "");
    QCOMPARE(int(std::get<SmtpCommand>(result).verb), verb);
}

void TestSmtpCommandParser::helo()
{
    QCOMPARE(command("EHLO mail.example.com").domain, QByteArray("mail.example.com"));
    QCOMPARE(command("HELO [192.0.2.1]").domain, QByteArray("[192.0.2.1]"));
    QCOMPARE(command("EHLO [IPv6:2001:db8::1]").domain, QByteArray("[IPv6:2001:db8::1]"));
    QCOMPARE(command("EHLO win_host.lan").domain, QByteArray("win_host.lan"));
    QCOMPARE(command("EHLO  localhost").domain, QByteArray("localhost"));
    QCOMPARE(command("EHLO localhost ").domain, QByteArray("localhost"));
}

void TestSmtpCommandParser::mailFrom()
{
    const SmtpCommand mail = command("MAIL FROM:<Sender@Example.COM>");
    QCOMPARE(mail.verb, SmtpVerb::Mail);
    QVERIFY(mail.path);
    QCOMPARE(mail.path->localPart(), QStringLiteral("Sender"));
    QCOMPARE(mail.path->domain(), QStringLiteral("example.com"));
    QVERIFY(!mail.hadSourceRoute);
    QVERIFY(mail.parameters.isEmpty());

    // Some clients put a space after the colon.
    const SmtpCommand spaced = command("MAIL FROM: <sender@example.com>");
    QVERIFY(spaced.path);
    QCOMPARE(spaced.path->localPart(), QStringLiteral("sender"));
}

void TestSmtpCommandParser::nullReversePath()
{
    const SmtpCommand mail = command("MAIL FROM:<>");
    QCOMPARE(mail.verb, SmtpVerb::Mail);
    QVERIFY(!mail.path);
    const SmtpCommand withSize = command("MAIL FROM:<> SIZE=100");
    QVERIFY(!withSize.path);
    QCOMPARE(withSize.parameters.value("SIZE"), QByteArray("100"));
}

void TestSmtpCommandParser::rcptTo()
{
    const SmtpCommand rcpt = command("RCPT TO:<user@example.org>");
    QCOMPARE(rcpt.verb, SmtpVerb::Rcpt);
    QVERIFY(rcpt.path);
    QCOMPARE(rcpt.path->canonical(), QStringLiteral("user@example.org"));
    QCOMPARE(command("RCPT TO: <user@example.org>").path->localPart(), QStringLiteral("user"));
}

void TestSmtpCommandParser::postmaster()
{
    for (const QByteArray& line : {QByteArray("RCPT TO:<Postmaster>"), QByteArray("RCPT TO:<POSTMASTER>"),
                                   QByteArray("rcpt to:<postmaster>")}) {
        const SmtpCommand rcpt = command(line);
        QCOMPARE(rcpt.verb, SmtpVerb::Rcpt);
        QVERIFY(rcpt.path);
        QVERIFY(rcpt.path->domain().isEmpty());
        QCOMPARE(rcpt.path->canonical(), QStringLiteral("postmaster"));
    }
    // Only RCPT knows the domain-less postmaster.
    const auto mail = SmtpCommandParser::parse("MAIL FROM:<Postmaster>");
    QVERIFY(std::holds_alternative<SmtpCommandError>(mail));
}

void TestSmtpCommandParser::sourceRoute()
{
    const SmtpCommand rcpt = command("RCPT TO:<@a.example,@b.example:user@c.example>");
    QVERIFY(rcpt.hadSourceRoute);
    QVERIFY(rcpt.path);
    QCOMPARE(rcpt.path->canonical(), QStringLiteral("user@c.example"));

    const SmtpCommand literalRoute = command("MAIL FROM:<@[IPv6:2001:db8::1]:user@c.example>");
    QVERIFY(literalRoute.hadSourceRoute);
    QCOMPARE(literalRoute.path->canonical(), QStringLiteral("user@c.example"));

    for (const QByteArray& bad :
         {QByteArray("RCPT TO:<@a.example>"), QByteArray("RCPT TO:<@a.example:>"),
          QByteArray("RCPT TO:<@:user@c.example>"), QByteArray("RCPT TO:<@a..example:user@c.example>"),
          QByteArray("RCPT TO:<@a.example,b.example:user@c.example>")}) {
        const auto result = SmtpCommandParser::parse(bad);
        QVERIFY2(std::holds_alternative<SmtpCommandError>(result), bad.constData());
        QCOMPARE(std::get<SmtpCommandError>(result).reply.enhanced, QByteArray("5.1.3"));
    }
}

void TestSmtpCommandParser::quotedLocalPartWithBracket()
{
    const SmtpCommand rcpt = command("RCPT TO:<\"a>b\"@example.com> NOTIFY=NEVER");
    QVERIFY(rcpt.path);
    QCOMPARE(rcpt.path->localPart(), QStringLiteral("a>b"));
    QCOMPARE(rcpt.parameters.value("NOTIFY"), QByteArray("NEVER"));

    const SmtpCommand trick = command("RCPT TO:<\"user@remote\"@local>");
    QVERIFY(trick.path);
    QVERIFY(!trick.path->relayTrick().isEmpty());
}

void TestSmtpCommandParser::utf8Address()
{
    const SmtpCommand mail = command(QStringLiteral(u"MAIL FROM:<bücher@例え.jp> SMTPUTF8").toUtf8());
    QVERIFY(mail.path);
    QVERIFY(mail.path->isUtf8());
    QVERIFY(mail.parameters.contains("SMTPUTF8"));
    QVERIFY(mail.parameters.value("SMTPUTF8").isEmpty());
}

void TestSmtpCommandParser::parameters()
{
    const SmtpCommand mail =
        command("MAIL FROM:<a@example.com>  size=12345 body=8bitmime RET=hdrs ENVID=QQ314159+2B1 AUTH=<>");
    QCOMPARE(mail.parameters.value("SIZE"), QByteArray("12345"));
    QCOMPARE(mail.parameters.value("BODY"), QByteArray("8BITMIME"));
    QCOMPARE(mail.parameters.value("RET"), QByteArray("HDRS"));
    // xtext stays as sent.
    QCOMPARE(mail.parameters.value("ENVID"), QByteArray("QQ314159+2B1"));
    QCOMPARE(mail.parameters.value("AUTH"), QByteArray("<>"));
    QCOMPARE(command("MAIL FROM:<a@example.com> BODY=7BIT").parameters.value("BODY"), QByteArray("7BIT"));

    const SmtpCommand rcpt =
        command("RCPT TO:<b@example.com> NOTIFY=success,delay ORCPT=rfc822;b+40example.com");
    QCOMPARE(rcpt.parameters.value("NOTIFY"), QByteArray("SUCCESS,DELAY"));
    QCOMPARE(rcpt.parameters.value("ORCPT"), QByteArray("rfc822;b+40example.com"));
}

void TestSmtpCommandParser::bdat()
{
    const SmtpCommand chunk = command("BDAT 4096");
    QCOMPARE(chunk.chunkSize, 4096);
    QVERIFY(!chunk.last);
    const SmtpCommand last = command("bdat 0 last");
    QCOMPARE(last.chunkSize, 0);
    QVERIFY(last.last);
    QCOMPARE(command("BDAT 9223372036854775807 LAST").chunkSize, std::numeric_limits<qint64>::max());
    QCOMPARE(command("BDAT 000000000000000000000000012").chunkSize, 12);
}

void TestSmtpCommandParser::auth()
{
    const SmtpCommand plain = command("AUTH plain AHVzZXIAcGFzcw==");
    QCOMPARE(plain.mechanism, QByteArray("PLAIN"));
    QVERIFY(plain.initialResponse);
    QCOMPARE(*plain.initialResponse, QByteArray("AHVzZXIAcGFzcw=="));
    const SmtpCommand empty = command("AUTH PLAIN =");
    QCOMPARE(*empty.initialResponse, QByteArray("="));
    const SmtpCommand login = command("AUTH LOGIN");
    QCOMPARE(login.mechanism, QByteArray("LOGIN"));
    QVERIFY(!login.initialResponse);
    QCOMPARE(command("AUTH SCRAM-SHA-256").mechanism, QByteArray("SCRAM-SHA-256"));
}

void TestSmtpCommandParser::arguments()
{
    QCOMPARE(command("VRFY John Smith").argument, QByteArray("John Smith"));
    QCOMPARE(command("EXPN staff").argument, QByteArray("staff"));
    QCOMPARE(command("NOOP x").argument, QByteArray("x"));
    QVERIFY(command("NOOP").argument.isEmpty());
    QCOMPARE(command("HELP DATA").argument, QByteArray("DATA"));
}

void TestSmtpCommandParser::errors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("enhanced");

    QTest::newRow("empty") << QByteArray() << 500 << QByteArray("5.5.2");
    QTest::newRow("spaces") << QByteArray("   ") << 500 << QByteArray("5.5.2");
    QTest::newRow("unknown") << QByteArray("FOO bar") << 500 << QByteArray("5.5.1");
    QTest::newRow("leading space") << QByteArray(" QUIT") << 500 << QByteArray("5.5.1");
    QTest::newRow("verb glued") << QByteArray("QUITNOW") << 500 << QByteArray("5.5.1");
    QTest::newRow("http") << QByteArray("GET / HTTP/1.1") << 500 << QByteArray("5.5.1");
    QTest::newRow("TURN") << QByteArray("TURN") << 502 << QByteArray("5.5.1");
    QTest::newRow("etrn") << QByteArray("etrn example.com") << 502 << QByteArray("5.5.1");
    QTest::newRow("ATRN") << QByteArray("ATRN") << 502 << QByteArray("5.5.1");
    QTest::newRow("SEND") << QByteArray("SEND FROM:<a@b>") << 502 << QByteArray("5.5.1");
    QTest::newRow("SOML") << QByteArray("SOML FROM:<a@b>") << 502 << QByteArray("5.5.1");
    QTest::newRow("SAML") << QByteArray("SAML FROM:<a@b>") << 502 << QByteArray("5.5.1");
    QTest::newRow("nul") << QByteArray("NOOP a\0b", 8) << 500 << QByteArray("5.5.2");
    QTest::newRow("bare cr") << QByteArray("NOOP a\rb") << 500 << QByteArray("5.5.2");
    QTest::newRow("cr at end") << QByteArray("QUIT\r") << 500 << QByteArray("5.5.2");
    QTest::newRow("lf") << QByteArray("NOOP a\nb") << 500 << QByteArray("5.5.2");

    QTest::newRow("EHLO no arg") << QByteArray("EHLO") << 501 << QByteArray("5.5.4");
    QTest::newRow("HELO no arg") << QByteArray("HELO ") << 501 << QByteArray("5.5.4");
    QTest::newRow("EHLO two args") << QByteArray("EHLO a.example b") << 501 << QByteArray("5.5.4");
    QTest::newRow("EHLO bad domain") << QByteArray("EHLO a..example") << 501 << QByteArray("5.5.4");
    QTest::newRow("EHLO bad char") << QByteArray("EHLO a<b") << 501 << QByteArray("5.5.4");
    QTest::newRow("EHLO bad literal") << QByteArray("EHLO [300.1.1.1]") << 501 << QByteArray("5.5.4");
    QTest::newRow("EHLO bad utf8") << QByteArray("EHLO a\xff") << 501 << QByteArray("5.5.4");

    QTest::newRow("DATA arg") << QByteArray("DATA now") << 501 << QByteArray("5.5.4");
    QTest::newRow("RSET arg") << QByteArray("RSET x") << 501 << QByteArray("5.5.4");
    QTest::newRow("QUIT arg") << QByteArray("QUIT now") << 501 << QByteArray("5.5.4");
    QTest::newRow("STARTTLS arg") << QByteArray("STARTTLS x") << 501 << QByteArray("5.5.4");
    QTest::newRow("VRFY no arg") << QByteArray("VRFY") << 501 << QByteArray("5.5.4");
    QTest::newRow("EXPN no arg") << QByteArray("EXPN") << 501 << QByteArray("5.5.4");

    QTest::newRow("MAIL no FROM") << QByteArray("MAIL <a@example.com>") << 501 << QByteArray("5.5.2");
    QTest::newRow("MAIL no arg") << QByteArray("MAIL") << 501 << QByteArray("5.5.2");
    QTest::newRow("MAIL TO") << QByteArray("MAIL TO:<a@example.com>") << 501 << QByteArray("5.5.2");
    QTest::newRow("RCPT FROM") << QByteArray("RCPT FROM:<a@example.com>") << 501 << QByteArray("5.5.2");
    QTest::newRow("MAIL no brackets") << QByteArray("MAIL FROM:a@example.com") << 501 << QByteArray("5.1.7");
    QTest::newRow("MAIL unclosed") << QByteArray("MAIL FROM:<a@example.com") << 501 << QByteArray("5.1.7");
    QTest::newRow("MAIL bad address")
        << QByteArray("MAIL FROM:<a@@example.com>") << 501 << QByteArray("5.1.7");
    QTest::newRow("MAIL no domain") << QByteArray("MAIL FROM:<a>") << 501 << QByteArray("5.1.7");
    QTest::newRow("MAIL text after") << QByteArray("MAIL FROM:<a@example.com>x") << 501
                                     << QByteArray("5.1.7");
    QTest::newRow("MAIL no colon") << QByteArray("MAIL FROM <a@example.com>") << 501 << QByteArray("5.5.2");
    QTest::newRow("RCPT empty") << QByteArray("RCPT TO:<>") << 501 << QByteArray("5.1.3");
    QTest::newRow("RCPT double at") << QByteArray("RCPT TO:<user@remote@local>") << 501
                                    << QByteArray("5.1.3");
    QTest::newRow("RCPT trailing dot")
        << QByteArray("RCPT TO:<a@example.com.>") << 501 << QByteArray("5.1.3");
    QTest::newRow("RCPT no brackets") << QByteArray("RCPT TO:a@example.com") << 501 << QByteArray("5.1.3");
    QTest::newRow("RCPT webmaster") << QByteArray("RCPT TO:<webmaster>") << 501 << QByteArray("5.1.3");

    QTest::newRow("unknown MAIL param")
        << QByteArray("MAIL FROM:<a@example.com> FOO=bar") << 555 << QByteArray("5.5.4");
    QTest::newRow("RCPT param on MAIL")
        << QByteArray("MAIL FROM:<a@example.com> NOTIFY=NEVER") << 555 << QByteArray("5.5.4");
    QTest::newRow("MAIL param on RCPT")
        << QByteArray("RCPT TO:<a@example.com> SIZE=10") << 555 << QByteArray("5.5.4");
    QTest::newRow("REQUIRETLS") << QByteArray("MAIL FROM:<a@example.com> REQUIRETLS") << 555
                                << QByteArray("5.5.4");
    QTest::newRow("duplicate") << QByteArray("MAIL FROM:<a@example.com> SIZE=1 size=2") << 501
                               << QByteArray("5.5.4");
    QTest::newRow("SIZE letters") << QByteArray("MAIL FROM:<a@example.com> SIZE=12k") << 501
                                  << QByteArray("5.5.4");
    QTest::newRow("SIZE negative") << QByteArray("MAIL FROM:<a@example.com> SIZE=-1") << 501
                                   << QByteArray("5.5.4");
    QTest::newRow("SIZE no value") << QByteArray("MAIL FROM:<a@example.com> SIZE") << 501
                                   << QByteArray("5.5.4");
    QTest::newRow("SIZE empty") << QByteArray("MAIL FROM:<a@example.com> SIZE=") << 501
                                << QByteArray("5.5.4");
    QTest::newRow("SIZE huge") << QByteArray("MAIL FROM:<a@example.com> SIZE=99999999999999999999") << 501
                               << QByteArray("5.5.4");
    QTest::newRow("BODY other") << QByteArray("MAIL FROM:<a@example.com> BODY=8BIT") << 501
                                << QByteArray("5.5.4");
    QTest::newRow("BODY binary") << QByteArray("MAIL FROM:<a@example.com> BODY=BINARYMIME") << 504
                                 << QByteArray("5.5.4");
    QTest::newRow("SMTPUTF8 value") << QByteArray("MAIL FROM:<a@example.com> SMTPUTF8=yes") << 501
                                    << QByteArray("5.5.4");
    QTest::newRow("RET other") << QByteArray("MAIL FROM:<a@example.com> RET=ALL") << 501
                               << QByteArray("5.5.4");
    QTest::newRow("ENVID no value") << QByteArray("MAIL FROM:<a@example.com> ENVID") << 501
                                    << QByteArray("5.5.4");
    QTest::newRow("bad keyword") << QByteArray("MAIL FROM:<a@example.com> -X=1") << 501
                                 << QByteArray("5.5.4");
    QTest::newRow("value with =") << QByteArray("MAIL FROM:<a@example.com> ENVID=a=b") << 501
                                  << QByteArray("5.5.4");
    QTest::newRow("NOTIFY mixed") << QByteArray("RCPT TO:<a@example.com> NOTIFY=NEVER,SUCCESS") << 501
                                  << QByteArray("5.5.4");
    QTest::newRow("NOTIFY twice") << QByteArray("RCPT TO:<a@example.com> NOTIFY=DELAY,DELAY") << 501
                                  << QByteArray("5.5.4");
    QTest::newRow("ORCPT no type") << QByteArray("RCPT TO:<a@example.com> ORCPT=a@example.com") << 501
                                   << QByteArray("5.5.4");

    QTest::newRow("BDAT no size") << QByteArray("BDAT") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT letters") << QByteArray("BDAT 12a") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT negative") << QByteArray("BDAT -1") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT plus") << QByteArray("BDAT +1") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT overflow") << QByteArray("BDAT 9223372036854775808") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT not LAST") << QByteArray("BDAT 1 FIRST") << 501 << QByteArray("5.5.4");
    QTest::newRow("BDAT extra") << QByteArray("BDAT 1 LAST x") << 501 << QByteArray("5.5.4");

    QTest::newRow("AUTH no mech") << QByteArray("AUTH") << 501 << QByteArray("5.5.4");
    QTest::newRow("AUTH bad mech") << QByteArray("AUTH PL@IN") << 501 << QByteArray("5.5.4");
    QTest::newRow("AUTH long mech") << QByteArray("AUTH ABCDEFGHIJKLMNOPQRSTU") << 501 << QByteArray("5.5.4");
    QTest::newRow("AUTH extra") << QByteArray("AUTH PLAIN abc def") << 501 << QByteArray("5.5.4");
    QTest::newRow("AUTH bad base64") << QByteArray("AUTH PLAIN ab*c") << 501 << QByteArray("5.5.2");
}

void TestSmtpCommandParser::errors()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(QByteArray, enhanced);
    const auto result = SmtpCommandParser::parse(line);
    QVERIFY2(std::holds_alternative<SmtpCommandError>(result), line.constData());
    const SmtpReply& reply = std::get<SmtpCommandError>(result).reply;
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.enhanced, enhanced);
    QCOMPARE(reply.lines.size(), 1);
    QVERIFY(!reply.lines.front().isEmpty());
}

void TestSmtpCommandParser::errorTextIsPlain()
{
    // The reason from the address parser reaches the reply, and no client byte can break the
    // reply into two lines.
    const auto result = SmtpCommandParser::parse("RCPT TO:<a@example..com>");
    const SmtpReply& reply = std::get<SmtpCommandError>(result).reply;
    QVERIFY(reply.lines.front().contains(QStringLiteral("empty")));
    const auto param = SmtpCommandParser::parse("MAIL FROM:<a@example.com> X-\xff=1");
    const QByteArray wire = std::get<SmtpCommandError>(param).reply.toWire();
    QCOMPARE(wire.count("\r\n"), 1);
    QVERIFY(wire.endsWith("\r\n"));
}

void TestSmtpCommandParser::replyWire()
{
    QCOMPARE((SmtpReply{250, "2.1.0", {QStringLiteral("OK")}}.toWire()), QByteArray("250 2.1.0 OK\r\n"));
    QCOMPARE((SmtpReply{220, {}, {QStringLiteral("mx.example ESMTP")}}.toWire()),
             QByteArray("220 mx.example ESMTP\r\n"));
    QCOMPARE(
        (SmtpReply{
            250, {}, {QStringLiteral("mx.example"), QStringLiteral("PIPELINING"), QStringLiteral("SIZE 10")}}
             .toWire()),
        QByteArray("250-mx.example\r\n250-PIPELINING\r\n250 SIZE 10\r\n"));
    QCOMPARE((SmtpReply{550, "5.7.1", {QStringLiteral("one"), QStringLiteral("two")}}.toWire()),
             QByteArray("550-5.7.1 one\r\n550 5.7.1 two\r\n"));
    QCOMPARE((SmtpReply{250, "2.0.0", {}}.toWire()), QByteArray("250 2.0.0\r\n"));
    QCOMPARE((SmtpReply{354, {}, {}}.toWire()), QByteArray("354\r\n"));
    QCOMPARE((SmtpReply{250, {}, {QString()}}.toWire()), QByteArray("250\r\n"));
    QCOMPARE((SmtpReply{250, "2.0.0", {QString()}}.toWire()), QByteArray("250 2.0.0\r\n"));
    QCOMPARE((SmtpReply{500, "5.5.2", {QStringLiteral("a\r\n250 b")}}.toWire()),
             QByteArray("500 5.5.2 a  250 b\r\n"));
    QCOMPARE((SmtpReply{250, {}, {QStringLiteral(u"grüße")}}.toWire()),
             QStringLiteral(u"250 grüße\r\n").toUtf8());
    QVERIFY((SmtpReply{250, {}, {}}.isPositive()));
    QVERIFY((SmtpReply{554, {}, {}}.isPermanentFailure()));
    QVERIFY(!(SmtpReply{451, {}, {}}.isPermanentFailure()));
}

QTEST_GUILESS_MAIN(TestSmtpCommandParser)
#include "tst_smtp_command_parser.moc"
