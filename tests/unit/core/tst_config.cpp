#include "service/core/ConfigSchema.h"
#include "service/core/ServiceConfig.h"
#include "shared/core/HostPort.h"
#include "shared/core/IniFile.h"
#include "shared/core/LogRecord.h"

#include <QHostInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using pw::core::HostPort;
using pw::core::IniFile;
using pw::core::LogLevel;
using pw::service::ServiceConfig;

namespace {

ServiceConfig parse(const QString& text, QStringList* errors)
{
    errors->clear();
    return ServiceConfig::fromText(text, errors);
}

// Every error mentions the expected line and text: "line N: ..." plus a fragment.
bool hasError(const QStringList& errors, const QString& fragment)
{
    for (const QString& error : errors) {
        if (error.contains(fragment))
            return true;
    }
    return false;
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private slots:
    // IniFile
    void iniSectionsAndKeys();
    void iniCommentsAndBlankLines();
    void iniErrorsHaveLineNumbers();
    void iniDuplicateKeys();
    void iniEveryErrorReported();
    void iniCrlfAndCase();

    // HostPort
    void hostPortValid_data();
    void hostPortValid();
    void hostPortInvalid_data();
    void hostPortInvalid();
    void hostPortToString();

    // ServiceConfig
    void emptyTextGivesDefaults();
    void valuesAreRead();
    void everyErrorIsReported();
    void unknownKeys();
    void badListener_data();
    void badListener();
    void emptyListenerIsOff();
    void dnsServers();
    void integersInRange_data();
    void integersInRange();
    void tlsCertNeedsKey();
    void hostnameValidation_data();
    void hostnameValidation();
    void logLevel();
    void iniErrorsComeThrough();
    void loadReportsMissingFile();
    void loadReadsFile();

    // Schema and default text
    void defaultTextParsesClean();
    void defaultTextUncommentedGivesDefaults();
    void schemaIsConsistent();
};

void TestConfig::iniSectionsAndKeys()
{
    const IniFile ini = IniFile::parse(QStringLiteral("[a]\nx = 1\ny=2\n[b]\nx = three words \n"));
    QVERIFY(ini.errors().isEmpty());
    QCOMPARE(ini.entries().size(), 3);
    QVERIFY(ini.find(QStringLiteral("a"), QStringLiteral("x")));
    QCOMPARE(ini.find(QStringLiteral("a"), QStringLiteral("x"))->value, QStringLiteral("1"));
    QCOMPARE(ini.find(QStringLiteral("a"), QStringLiteral("y"))->value, QStringLiteral("2"));
    QCOMPARE(ini.find(QStringLiteral("b"), QStringLiteral("x"))->value, QStringLiteral("three words"));
    QCOMPARE(ini.find(QStringLiteral("b"), QStringLiteral("x"))->line, 5);
    QVERIFY(!ini.find(QStringLiteral("b"), QStringLiteral("y")));
    QVERIFY(!ini.find(QStringLiteral("c"), QStringLiteral("x")));

    // Values keep everything after the first '=', including further '=' and inner spaces.
    const IniFile eq = IniFile::parse(QStringLiteral("[s]\nk = a=b = c\nempty =\n"));
    QVERIFY(eq.errors().isEmpty());
    QCOMPARE(eq.find(QStringLiteral("s"), QStringLiteral("k"))->value, QStringLiteral("a=b = c"));
    QCOMPARE(eq.find(QStringLiteral("s"), QStringLiteral("empty"))->value, QString());

    // A section may be reopened; its keys still land in it.
    const IniFile reopened = IniFile::parse(QStringLiteral("[s]\na=1\n[t]\nb=2\n[s]\nc=3\n"));
    QVERIFY(reopened.errors().isEmpty());
    QCOMPARE(reopened.find(QStringLiteral("s"), QStringLiteral("c"))->value, QStringLiteral("3"));
}

void TestConfig::iniCommentsAndBlankLines()
{
    const QString text = QStringLiteral("# leading comment\n"
                                        "; semicolon comment\n"
                                        "\n"
                                        "[s]\n"
                                        "   # indented comment\n"
                                        "\t; indented semicolon\n"
                                        "#k = commented out\n"
                                        ";k = also commented out\n"
                                        "   \n"
                                        "k = v\n");
    const IniFile ini = IniFile::parse(text);
    QVERIFY2(ini.errors().isEmpty(), qPrintable(ini.errors().join(u'\n')));
    QCOMPARE(ini.entries().size(), 1);
    QCOMPARE(ini.find(QStringLiteral("s"), QStringLiteral("k"))->value, QStringLiteral("v"));
    QCOMPARE(ini.find(QStringLiteral("s"), QStringLiteral("k"))->line, 10);
}

void TestConfig::iniErrorsHaveLineNumbers()
{
    const IniFile outside = IniFile::parse(QStringLiteral("\n\nkey = value\n"));
    QCOMPARE(outside.errors().size(), 1);
    QVERIFY(outside.errors().at(0).startsWith(QStringLiteral("line 3:")));
    QVERIFY(outside.entries().isEmpty());

    const IniFile noEquals = IniFile::parse(QStringLiteral("[s]\njust words\n"));
    QCOMPARE(noEquals.errors().size(), 1);
    QVERIFY(noEquals.errors().at(0).startsWith(QStringLiteral("line 2:")));
    QVERIFY(noEquals.errors().at(0).contains(QStringLiteral("just words")));

    const IniFile noKey = IniFile::parse(QStringLiteral("[s]\n= value\n"));
    QCOMPARE(noKey.errors().size(), 1);
    QVERIFY(noKey.errors().at(0).startsWith(QStringLiteral("line 2:")));

    for (const QString& header :
         {QStringLiteral("[unclosed"), QStringLiteral("[]"), QStringLiteral("[s] trailing")}) {
        const IniFile bad = IniFile::parse(QStringLiteral("# c\n") + header + QStringLiteral("\n"));
        QCOMPARE(bad.errors().size(), 1);
        QVERIFY2(bad.errors().at(0).startsWith(QStringLiteral("line 2:")), qPrintable(bad.errors().at(0)));
    }
}

void TestConfig::iniDuplicateKeys()
{
    const IniFile ini = IniFile::parse(QStringLiteral("[s]\nk = first\nother = x\nK = second\n"));
    QCOMPARE(ini.errors().size(), 1);
    QVERIFY(ini.errors().at(0).startsWith(QStringLiteral("line 4:")));
    QVERIFY(ini.errors().at(0).contains(QStringLiteral("[s] k")));
    QCOMPARE(ini.find(QStringLiteral("s"), QStringLiteral("k"))->value, QStringLiteral("first"));
    QCOMPARE(ini.entries().size(), 2);

    // The same key in another section is not a duplicate; in a reopened section it is.
    const IniFile sections = IniFile::parse(QStringLiteral("[a]\nk=1\n[b]\nk=2\n[a]\nk=3\n"));
    QCOMPARE(sections.errors().size(), 1);
    QVERIFY(sections.errors().at(0).startsWith(QStringLiteral("line 6:")));
}

void TestConfig::iniEveryErrorReported()
{
    const IniFile ini =
        IniFile::parse(QStringLiteral("orphan = 1\n[s]\nnonsense\n[broken\nok = 1\nok = 2\n"));
    QCOMPARE(ini.errors().size(), 4);
    QVERIFY(ini.errors().at(0).startsWith(QStringLiteral("line 1:")));
    QVERIFY(ini.errors().at(1).startsWith(QStringLiteral("line 3:")));
    QVERIFY(ini.errors().at(2).startsWith(QStringLiteral("line 4:")));
    QVERIFY(ini.errors().at(3).startsWith(QStringLiteral("line 6:")));
    QCOMPARE(ini.find(QStringLiteral("s"), QStringLiteral("ok"))->value, QStringLiteral("1"));
}

void TestConfig::iniCrlfAndCase()
{
    const IniFile ini = IniFile::parse(QStringLiteral("[Listen]\r\nSMTP = 127.0.0.1:25\r\n"));
    QVERIFY(ini.errors().isEmpty());
    const IniFile::Entry* entry = ini.find(QStringLiteral("listen"), QStringLiteral("smtp"));
    QVERIFY(entry);
    QCOMPARE(entry->value, QStringLiteral("127.0.0.1:25")); // no stray CR
    QCOMPARE(entry->line, 2);
}

void TestConfig::hostPortValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("v4") << QStringLiteral("127.0.0.1:2525") << QStringLiteral("127.0.0.1") << 2525;
    QTest::newRow("v4 any") << QStringLiteral("0.0.0.0:25") << QStringLiteral("0.0.0.0") << 25;
    QTest::newRow("v6 loopback") << QStringLiteral("[::1]:53") << QStringLiteral("::1") << 53;
    QTest::newRow("v6 full") << QStringLiteral("[2001:db8::1]:587") << QStringLiteral("2001:db8::1") << 587;
    QTest::newRow("name") << QStringLiteral("mail.example.com:465") << QStringLiteral("mail.example.com")
                          << 465;
    QTest::newRow("port 1") << QStringLiteral("h:1") << QStringLiteral("h") << 1;
    QTest::newRow("port 65535") << QStringLiteral("h:65535") << QStringLiteral("h") << 65535;
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  10.0.0.1:993 ") << QStringLiteral("10.0.0.1") << 993;
}

void TestConfig::hostPortValid()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString error;
    const auto parsed = HostPort::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->host, host);
    QCOMPARE(int(parsed->port), port);
}

void TestConfig::hostPortInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no port") << QStringLiteral("127.0.0.1");
    QTest::newRow("empty port") << QStringLiteral("127.0.0.1:");
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0");
    QTest::newRow("port 65536") << QStringLiteral("127.0.0.1:65536");
    QTest::newRow("port huge") << QStringLiteral("127.0.0.1:99999999999");
    QTest::newRow("port negative") << QStringLiteral("127.0.0.1:-25");
    QTest::newRow("port letters") << QStringLiteral("127.0.0.1:smtp");
    QTest::newRow("port trailing junk") << QStringLiteral("127.0.0.1:25x");
    QTest::newRow("missing host") << QStringLiteral(":25");
    QTest::newRow("missing v6 host") << QStringLiteral("[]:25");
    QTest::newRow("bare v6") << QStringLiteral("::1:25");
    QTest::newRow("v6 without port") << QStringLiteral("[::1]");
    QTest::newRow("v6 empty port") << QStringLiteral("[::1]:");
    QTest::newRow("v6 bad port") << QStringLiteral("[::1]:0");
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1:25");
    QTest::newRow("two colons") << QStringLiteral("host:25:26");
}

void TestConfig::hostPortInvalid()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!HostPort::parse(text, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!HostPort::parse(text)); // the error out-parameter is optional
}

void TestConfig::hostPortToString()
{
    for (const QString& text : {QStringLiteral("127.0.0.1:25"), QStringLiteral("[::1]:53"),
                                QStringLiteral("[2001:db8::25]:2525"), QStringLiteral("mx.example:1")}) {
        const auto parsed = HostPort::parse(text);
        QVERIFY(parsed);
        QCOMPARE(parsed->toString(), text);
        QCOMPARE(HostPort::parse(parsed->toString()), parsed);
    }
    QVERIFY(HostPort::parse(QStringLiteral("[::1]:53"))->address() == QHostAddress::LocalHostIPv6);
    QVERIFY(HostPort::parse(QStringLiteral("name:53"))->address().isNull());
}

void TestConfig::emptyTextGivesDefaults()
{
    for (const QString& text : {QString(), QStringLiteral("\n\n# only comments\n; and these\n")}) {
        QStringList errors;
        const ServiceConfig config = parse(text, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.hostname, QHostInfo::localHostName());
        QCOMPARE(config.listeners.size(), 5);
        QCOMPARE(config.listeners.value(QStringLiteral("smtp")),
                 HostPort::parse(QStringLiteral("127.0.0.1:2525")));
        QCOMPARE(config.listeners.value(QStringLiteral("submission")),
                 HostPort::parse(QStringLiteral("127.0.0.1:2587")));
        QCOMPARE(config.listeners.value(QStringLiteral("submissions")),
                 HostPort::parse(QStringLiteral("127.0.0.1:2465")));
        QCOMPARE(config.listeners.value(QStringLiteral("imap")),
                 HostPort::parse(QStringLiteral("127.0.0.1:2143")));
        QCOMPARE(config.listeners.value(QStringLiteral("imaps")),
                 HostPort::parse(QStringLiteral("127.0.0.1:2993")));
        QVERIFY(config.dnsServers.isEmpty());
        QCOMPARE(config.dnsQueryTimeoutMs, 2000);
        QCOMPARE(config.dnsRetryLimit, 2);
        QVERIFY(config.tlsCert.isEmpty());
        QVERIFY(config.tlsKey.isEmpty());
        QVERIFY(config.controlSocket.isEmpty());
        QCOMPARE(config.logBufferSize, 5000);
        QCOMPARE(config.logLevel, LogLevel::Info);
    }
    // Errors may be ignored by passing no list.
    QCOMPARE(ServiceConfig::fromText(QStringLiteral("[dns]\nretry_limit = 99\n"), nullptr).dnsRetryLimit, 2);
}

void TestConfig::valuesAreRead()
{
    const QString text =
        QStringLiteral("[service]\nhostname = mail.example.org\n"
                       "[listen]\nsmtp = 0.0.0.0:25\nimaps = [::]:993\n"
                       "[dns]\nservers = 127.0.0.1:5353\nquery_timeout = 500\nretry_limit = 0\n"
                       "[tls]\ncert = /etc/pw/cert.pem\nkey = /etc/pw/key.pem\n"
                       "[control]\nsocket = /run/pw.sock\n"
                       "[log]\nbuffer_size = 100\nlevel = DEBUG\n");
    QStringList errors;
    const ServiceConfig config = parse(text, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(config.hostname, QStringLiteral("mail.example.org"));
    QCOMPARE(config.listeners.value(QStringLiteral("smtp")), HostPort::parse(QStringLiteral("0.0.0.0:25")));
    QCOMPARE(config.listeners.value(QStringLiteral("imaps")), HostPort::parse(QStringLiteral("[::]:993")));
    QCOMPARE(config.listeners.value(QStringLiteral("imap")),
             HostPort::parse(QStringLiteral("127.0.0.1:2143")));
    QCOMPARE(config.dnsServers.size(), 1);
    QCOMPARE(config.dnsQueryTimeoutMs, 500);
    QCOMPARE(config.dnsRetryLimit, 0);
    QCOMPARE(config.tlsCert, QStringLiteral("/etc/pw/cert.pem"));
    QCOMPARE(config.tlsKey, QStringLiteral("/etc/pw/key.pem"));
    QCOMPARE(config.controlSocket, QStringLiteral("/run/pw.sock"));
    QCOMPARE(config.logBufferSize, 100);
    QCOMPARE(config.logLevel, LogLevel::Debug);
}

void TestConfig::everyErrorIsReported()
{
    // Three bad lines, three errors, each with its own line number.
    const QString text = QStringLiteral("[dns]\n"
                                        "query_timeout = 5\n"
                                        "retry_limit = many\n"
                                        "[listen]\n"
                                        "smtp = nowhere\n");
    QStringList errors;
    const ServiceConfig config = parse(text, &errors);
    QCOMPARE(errors.size(), 3);
    QVERIFY(hasError(errors, QStringLiteral("line 2: [dns] query_timeout")));
    QVERIFY(hasError(errors, QStringLiteral("line 3: [dns] retry_limit")));
    QVERIFY(hasError(errors, QStringLiteral("line 5: [listen] smtp")));
    // Settings with errors keep their defaults.
    QCOMPARE(config.dnsQueryTimeoutMs, 2000);
    QCOMPARE(config.dnsRetryLimit, 2);

    // Syntax errors, schema errors and unknown keys all at once.
    const QString mixed = QStringLiteral("[log]\n"
                                         "level = shouty\n"     // 2: bad level
                                         "buffer_size = 10\n"   // 3: out of range
                                         "this is not a line\n" // 4: syntax
                                         "colour = blue\n"      // 5: unknown
                                         "level = debug\n"      // 6: duplicate
                                         "[service]\n"
                                         "hostname = -bad-\n" // 8: bad host name
                                         "[tls]\n"
                                         "cert = /c.pem\n"); // cert without key
    parse(mixed, &errors);
    QCOMPARE(errors.size(), 7);
    for (const QString& fragment :
         {QStringLiteral("line 2:"), QStringLiteral("line 3:"), QStringLiteral("line 4:"),
          QStringLiteral("line 5:"), QStringLiteral("line 6:"), QStringLiteral("line 8:"),
          QStringLiteral("[tls] cert and key")}) {
        QVERIFY2(hasError(errors, fragment),
                 qPrintable(fragment + QStringLiteral(" in ") + errors.join(u'|')));
    }
}

void TestConfig::unknownKeys()
{
    QStringList errors;
    parse(QStringLiteral("[listen]\nsmpt = 127.0.0.1:25\n[nonsense]\nkey = 1\n"), &errors);
    QCOMPARE(errors.size(), 2);
    QVERIFY(hasError(errors, QStringLiteral("line 2: unknown setting [listen] smpt")));
    QVERIFY(hasError(errors, QStringLiteral("line 4: unknown setting [nonsense] key")));

    // A known key in the wrong section is unknown there.
    parse(QStringLiteral("[dns]\nsmtp = 127.0.0.1:25\n"), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY(hasError(errors, QStringLiteral("unknown setting [dns] smtp")));
}

void TestConfig::badListener_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("host name, not address")
        << QStringLiteral("localhost:25") << QStringLiteral("not an IP address");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << QStringLiteral("host:port");
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QStringLiteral("port");
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << QStringLiteral("port");
    QTest::newRow("missing host") << QStringLiteral(":25") << QStringLiteral(":25");
    QTest::newRow("bad v4") << QStringLiteral("300.1.1.1:25") << QStringLiteral("not an IP address");
    QTest::newRow("bad v6") << QStringLiteral("[fe80:::zz]:25") << QStringLiteral("not an IP address");
}

void TestConfig::badListener()
{
    QFETCH(QString, value);
    QFETCH(QString, fragment);
    QStringList errors;
    parse(QStringLiteral("[listen]\nsubmission = %1\n").arg(value), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.at(0).startsWith(QStringLiteral("line 2: [listen] submission")),
             qPrintable(errors.at(0)));
    QVERIFY2(errors.at(0).contains(fragment), qPrintable(errors.at(0)));
}

void TestConfig::emptyListenerIsOff()
{
    QStringList errors;
    const ServiceConfig config = parse(QStringLiteral("[listen]\nsmtp =\nimaps=   \n"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(config.listeners.contains(QStringLiteral("smtp")));
    QVERIFY(!config.listeners.value(QStringLiteral("smtp")).has_value());
    QVERIFY(config.listeners.contains(QStringLiteral("imaps")));
    QVERIFY(!config.listeners.value(QStringLiteral("imaps")).has_value());
    QVERIFY(config.listeners.value(QStringLiteral("imap")).has_value()); // the others keep their defaults
}

void TestConfig::dnsServers()
{
    QStringList errors;
    ServiceConfig config =
        parse(QStringLiteral("[dns]\nservers = 127.0.0.1:5353, [::1]:53 ,10.0.0.1:53\n"), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(config.dnsServers.size(), 3);
    QCOMPARE(config.dnsServers.at(0), (HostPort{QStringLiteral("127.0.0.1"), 5353}));
    QCOMPARE(config.dnsServers.at(1), (HostPort{QStringLiteral("::1"), 53}));
    QCOMPARE(config.dnsServers.at(2), (HostPort{QStringLiteral("10.0.0.1"), 53}));

    config = parse(QStringLiteral("[dns]\nservers =\n"), &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(config.dnsServers.isEmpty());

    config = parse(QStringLiteral("[dns]\nservers = 127.0.0.1:53,,\n"), &errors);
    QVERIFY(errors.isEmpty()); // empty items are skipped
    QCOMPARE(config.dnsServers.size(), 1);

    // Each bad item is its own error; the good ones are kept.
    config = parse(QStringLiteral("[dns]\nservers = 127.0.0.1:53, dns.example:53, 1.1.1.1, 9.9.9.9:53\n"),
                   &errors);
    QCOMPARE(errors.size(), 2);
    QVERIFY(hasError(errors, QStringLiteral("dns.example")));
    QVERIFY(hasError(errors, QStringLiteral("1.1.1.1")));
    for (const QString& error : std::as_const(errors))
        QVERIFY(error.startsWith(QStringLiteral("line 2: [dns] servers")));
    QCOMPARE(config.dnsServers.size(), 2);
}

void TestConfig::integersInRange_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("timeout min") << QStringLiteral("query_timeout") << QStringLiteral("100") << true;
    QTest::newRow("timeout max") << QStringLiteral("query_timeout") << QStringLiteral("60000") << true;
    QTest::newRow("timeout below") << QStringLiteral("query_timeout") << QStringLiteral("99") << false;
    QTest::newRow("timeout above") << QStringLiteral("query_timeout") << QStringLiteral("60001") << false;
    QTest::newRow("timeout negative") << QStringLiteral("query_timeout") << QStringLiteral("-2000") << false;
    QTest::newRow("timeout fraction") << QStringLiteral("query_timeout") << QStringLiteral("2000.5") << false;
    QTest::newRow("timeout words") << QStringLiteral("query_timeout") << QStringLiteral("two seconds")
                                   << false;
    QTest::newRow("timeout empty") << QStringLiteral("query_timeout") << QString() << false;
    QTest::newRow("timeout overflow")
        << QStringLiteral("query_timeout") << QStringLiteral("99999999999999999999999") << false;
    QTest::newRow("timeout 2^32+100")
        << QStringLiteral("query_timeout") << QStringLiteral("4294967396") << false;
    QTest::newRow("retries min") << QStringLiteral("retry_limit") << QStringLiteral("0") << true;
    QTest::newRow("retries max") << QStringLiteral("retry_limit") << QStringLiteral("10") << true;
    QTest::newRow("retries above") << QStringLiteral("retry_limit") << QStringLiteral("11") << false;
    QTest::newRow("retries below") << QStringLiteral("retry_limit") << QStringLiteral("-1") << false;
}

void TestConfig::integersInRange()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QStringList errors;
    const ServiceConfig config = parse(QStringLiteral("[dns]\n%1 = %2\n").arg(key, value), &errors);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        const int read =
            key == QLatin1String("query_timeout") ? config.dnsQueryTimeoutMs : config.dnsRetryLimit;
        QCOMPARE(read, value.toInt());
    } else {
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).startsWith(QStringLiteral("line 2: [dns] ") + key), qPrintable(errors.at(0)));
        QCOMPARE(config.dnsQueryTimeoutMs, 2000);
        QCOMPARE(config.dnsRetryLimit, 2);
    }

    // The log buffer has its own range.
    parse(QStringLiteral("[log]\nbuffer_size = 1000001\n"), &errors);
    QCOMPARE(errors.size(), 1);
    parse(QStringLiteral("[log]\nbuffer_size = 1000000\n"), &errors);
    QVERIFY(errors.isEmpty());
}

void TestConfig::tlsCertNeedsKey()
{
    QStringList errors;
    parse(QStringLiteral("[tls]\ncert = /etc/cert.pem\n"), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY(hasError(errors, QStringLiteral("[tls] cert and key must be set together")));

    parse(QStringLiteral("[tls]\nkey = /etc/key.pem\n"), &errors);
    QCOMPARE(errors.size(), 1);

    parse(QStringLiteral("[tls]\ncert = /etc/cert.pem\nkey =\n"), &errors);
    QCOMPARE(errors.size(), 1);

    parse(QStringLiteral("[tls]\ncert = /etc/cert.pem\nkey = /etc/key.pem\n"), &errors);
    QVERIFY(errors.isEmpty());
}

void TestConfig::hostnameValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fqdn") << QStringLiteral("mail.example.com") << true;
    QTest::newRow("single label") << QStringLiteral("mailhost") << true;
    QTest::newRow("digits and hyphens") << QStringLiteral("mx-1.example-2.net") << true;
    QTest::newRow("63-char label") << QString(63, QLatin1Char('a')) + QStringLiteral(".example") << true;
    QTest::newRow("64-char label") << QString(64, QLatin1Char('a')) + QStringLiteral(".example") << false;
    QTest::newRow("leading hyphen") << QStringLiteral("-mail.example.com") << false;
    QTest::newRow("trailing hyphen") << QStringLiteral("mail-.example.com") << false;
    QTest::newRow("underscore") << QStringLiteral("mail_1.example.com") << false;
    QTest::newRow("empty label") << QStringLiteral("mail..example.com") << false;
    QTest::newRow("space") << QStringLiteral("mail example") << false;
    QTest::newRow("too long") << (QString(60, QLatin1Char('a')) + QLatin1Char('.')).repeated(5) +
                                     QStringLiteral("com")
                              << false;
}

void TestConfig::hostnameValidation()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QStringList errors;
    const ServiceConfig config = parse(QStringLiteral("[service]\nhostname = %1\n").arg(name), &errors);
    if (valid) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(config.hostname, name);
    } else {
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.at(0).startsWith(QStringLiteral("line 2: [service] hostname")));
    }
}

void TestConfig::logLevel()
{
    QStringList errors;
    const QList<QPair<QString, LogLevel>> levels{{QStringLiteral("debug"), LogLevel::Debug},
                                                 {QStringLiteral("info"), LogLevel::Info},
                                                 {QStringLiteral("Notice"), LogLevel::Notice},
                                                 {QStringLiteral("WARNING"), LogLevel::Warning},
                                                 {QStringLiteral("error"), LogLevel::Error}};
    for (const auto& [name, level] : levels) {
        const ServiceConfig config = parse(QStringLiteral("[log]\nlevel = %1\n").arg(name), &errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(config.logLevel, level);
    }
    const ServiceConfig config = parse(QStringLiteral("[log]\nlevel = verbose\n"), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).startsWith(QStringLiteral("line 2: [log] level")));
    QCOMPARE(config.logLevel, LogLevel::Info);
}

void TestConfig::iniErrorsComeThrough()
{
    QStringList errors;
    parse(QStringLiteral("hostname = x\n[listen\n[dns]\nservers\n"), &errors);
    QCOMPARE(errors.size(), 3);
    QVERIFY(hasError(errors, QStringLiteral("line 1:")));
    QVERIFY(hasError(errors, QStringLiteral("line 2:")));
    QVERIFY(hasError(errors, QStringLiteral("line 4:")));

    // Errors are appended to what the caller's list already holds.
    QStringList existing{QStringLiteral("earlier")};
    (void)ServiceConfig::fromText(QStringLiteral("[dns]\nretry_limit = 50\n"), &existing);
    QCOMPARE(existing.size(), 2);
    QCOMPARE(existing.at(0), QStringLiteral("earlier"));
}

void TestConfig::loadReportsMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList errors;
    const ServiceConfig config = ServiceConfig::load(dir.filePath(QStringLiteral("missing.conf")), &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).contains(QStringLiteral("missing.conf")));
    QCOMPARE(config.dnsQueryTimeoutMs, 2000); // defaults all the same
}

void TestConfig::loadReadsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("postwarden.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[service]\nhostname = m\xc3\xa4il.example\n[dns]\nretry_limit = 5\nquery_timeout = 1\n");
    file.close();
    QStringList errors;
    const ServiceConfig config = ServiceConfig::load(path, &errors);
    QCOMPARE(config.dnsRetryLimit, 5);
    QCOMPARE(errors.size(), 2); // a non-ASCII host name (use the A-label) and the timeout
    QVERIFY(hasError(errors, QStringLiteral("line 2: [service] hostname")));
    QVERIFY(hasError(errors, QStringLiteral("line 5: [dns] query_timeout")));
}

void TestConfig::defaultTextParsesClean()
{
    const QString text = pw::service::defaultConfigText();
    QVERIFY(!text.isEmpty());
    const IniFile ini = IniFile::parse(text);
    QVERIFY2(ini.errors().isEmpty(), qPrintable(ini.errors().join(u'\n')));
    QVERIFY(ini.entries().isEmpty()); // every setting is commented out

    QStringList errors;
    const ServiceConfig config = parse(text, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QStringList none;
    const ServiceConfig defaults = parse(QString(), &none);
    QCOMPARE(config.hostname, defaults.hostname);
    QCOMPARE(config.listeners, defaults.listeners);
    QCOMPARE(config.dnsServers, defaults.dnsServers);
    QCOMPARE(config.dnsQueryTimeoutMs, defaults.dnsQueryTimeoutMs);
    QCOMPARE(config.dnsRetryLimit, defaults.dnsRetryLimit);
    QCOMPARE(config.logBufferSize, defaults.logBufferSize);
    QCOMPARE(config.logLevel, defaults.logLevel);

    // Every setting of the schema is shown in its section.
    for (const pw::service::SettingDef& def : pw::service::configSchema()) {
        QVERIFY2(text.contains(QStringLiteral("\n[%1]\n").arg(QLatin1String(def.section))), def.section);
        QVERIFY2(
            text.contains(
                QStringLiteral("\n#%1 = %2\n").arg(QLatin1String(def.key), QLatin1String(def.defaultValue))),
            def.key);
    }
}

void TestConfig::defaultTextUncommentedGivesDefaults()
{
    // Removing the '#' in front of every setting, as the file's header suggests, changes nothing.
    QString text = pw::service::defaultConfigText();
    static const QRegularExpression setting(QStringLiteral("^#([a-z_]+ = )"),
                                            QRegularExpression::MultilineOption);
    text.replace(setting, QStringLiteral("\\1"));
    const IniFile ini = IniFile::parse(text);
    QVERIFY2(ini.errors().isEmpty(), qPrintable(ini.errors().join(u'\n')));
    QCOMPARE(ini.entries().size(), pw::service::configSchema().size());

    QStringList errors;
    const ServiceConfig config = parse(text, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(config.hostname, QHostInfo::localHostName());
    QCOMPARE(config.listeners.size(), 5);
    QCOMPARE(config.listeners.value(QStringLiteral("smtp")),
             HostPort::parse(QStringLiteral("127.0.0.1:2525")));
    QCOMPARE(config.listeners.value(QStringLiteral("imaps")),
             HostPort::parse(QStringLiteral("127.0.0.1:2993")));
    QVERIFY(config.dnsServers.isEmpty());
    QCOMPARE(config.dnsQueryTimeoutMs, 2000);
    QCOMPARE(config.dnsRetryLimit, 2);
    QCOMPARE(config.logBufferSize, 5000);
    QCOMPARE(config.logLevel, LogLevel::Info);
    QVERIFY(config.tlsCert.isEmpty() && config.tlsKey.isEmpty() && config.controlSocket.isEmpty());
}

void TestConfig::schemaIsConsistent()
{
    QSet<QString> seen;
    for (const pw::service::SettingDef& def : pw::service::configSchema()) {
        const QString name =
            QStringLiteral("[%1] %2").arg(QLatin1String(def.section), QLatin1String(def.key));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(pw::service::findSetting(QLatin1String(def.section), QLatin1String(def.key)), &def);
        QVERIFY2(QString::fromLatin1(def.section) == QString::fromLatin1(def.section).toLower(), def.section);
        QVERIFY2(QString::fromLatin1(def.key) == QString::fromLatin1(def.key).toLower(), def.key);
        QVERIFY(qstrlen(def.doc) > 0);
        if (def.kind == pw::service::SettingKind::Integer)
            QVERIFY(def.min <= def.max);
    }
    QVERIFY(!pw::service::findSetting(QStringLiteral("listen"), QStringLiteral("nonsense")));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
