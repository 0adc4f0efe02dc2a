// The RFC 7208 SPF test suite (openspf.org, as shipped with pyspf) in ../shared/conformance/spf:
// each scenario's zonedata is served by the loopback TestDnsServer, and every test runs the real
// SpfCheck over an LdnsResolver pointed at it, as one data row "scenario/test".

#include "shared/auth/spf/SpfCheck.h"
#include "shared/dns/LdnsResolver.h"
#include "tests/support/TestDnsServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

using namespace pw::auth;
using pw::dns::LdnsResolver;
using pw::dns::ResolverOptions;
using pw::test::TestDnsServer;
using namespace std::chrono_literals;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
constexpr int kExpectedTests = 203;
constexpr int kCheckTimeoutMs = 10000;

// The suite's strings stand for octets: "\xEF" in its YAML is the octet 0xEF (the suite was
// written for byte strings). Code points above U+00FF would be real Unicode: UTF-8 then.
// (dnslib, under dnsserver.py, sends TXT text UTF-8 encoded, so "\x80" reaches the client as
// C2 80, as in pyspf's own driver; either way the record is not ASCII, which is what counts.)
QByteArray octetsOf(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0xff)
            return text.toUtf8();
    }
    return text.toLatin1();
}

// A name in zone presentation syntax: RFC 1035 5.1 "\DDD" for what dnslib would split on.
QString zoneName(const QString& name)
{
    QString result;
    for (const char byte : octetsOf(name)) {
        const auto c = static_cast<unsigned char>(byte);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           QByteArrayView("-_.:/%*").contains(static_cast<char>(c));
        result += plain ? QString(QLatin1Char(static_cast<char>(c)))
                        : QStringLiteral("\\%1").arg(static_cast<uint>(c), 3, 10, QLatin1Char('0'));
    }
    return result.endsWith(QLatin1Char('.')) ? result : result + QLatin1Char('.');
}

// One TXT character-string for dnsserver.py: quoted, other octets as octal "\ooo" escapes.
QString zoneString(const QString& text)
{
    QString result = QStringLiteral("\"");
    for (const char byte : octetsOf(text)) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')
            result += QLatin1Char(static_cast<char>(c));
        else
            result += QStringLiteral("\\%1").arg(static_cast<uint>(c), 3, 8, QLatin1Char('0'));
    }
    return result + QLatin1Char('"');
}

// A TXT/SPF value of the suite: one string, or a list of character-strings (maybe empty).
QString zoneTxtRdata(const QJsonValue& value)
{
    if (!value.isArray())
        return zoneString(value.toString());
    QStringList strings;
    for (const QJsonValue& part : value.toArray())
        strings.append(zoneString(part.toString()));
    // No character-string at all cannot be sent; one empty string is the nearest thing.
    return strings.isEmpty() ? QStringLiteral("\"\"") : strings.join(QLatin1Char(' '));
}

// The zonedata of one scenario as a dnsserver.py zone (format: tests/support/dnsserver.py).
QString zoneText(const QJsonObject& zonedata)
{
    QStringList lines;
    for (auto it = zonedata.begin(); it != zonedata.end(); ++it) {
        const QString owner = zoneName(it.key());
        bool timeout = false;
        bool hasTxt = false;
        QStringList txt;
        QStringList spf;
        QStringList other;
        for (const QJsonValue& entry : it.value().toArray()) {
            if (entry.isString() && entry.toString() == QLatin1String("TIMEOUT")) {
                timeout = true;
                continue;
            }
            const QJsonObject record = entry.toObject();
            for (auto field = record.begin(); field != record.end(); ++field) {
                const QString type = field.key();
                const QJsonValue value = field.value();
                if (type == QLatin1String("TXT")) {
                    hasTxt = true;
                    if (value.toString() != QLatin1String("NONE"))
                        txt.append(zoneTxtRdata(value));
                } else if (type == QLatin1String("SPF")) {
                    spf.append(zoneTxtRdata(value));
                } else if (type == QLatin1String("MX")) {
                    const QJsonArray mx = value.toArray();
                    const QString host = mx.at(1).toString();
                    other.append(QStringLiteral("%1 300 MX %2 %3")
                                     .arg(owner)
                                     .arg(mx.at(0).toInt())
                                     .arg(host.isEmpty() ? QStringLiteral(".") : zoneName(host)));
                } else if (type == QLatin1String("PTR") || type == QLatin1String("CNAME")) {
                    other.append(QStringLiteral("%1 300 %2 %3").arg(owner, type, zoneName(value.toString())));
                } else {
                    other.append(QStringLiteral("%1 300 %2 %3").arg(owner, type, value.toString()));
                }
            }
        }
        // RFC 7208 3.1: only TXT is queried; the suite's SPF-type records stand for TXT ones
        // unless the name has TXT entries of its own (README of the conformance data).
        for (const QString& rdata : hasTxt ? txt : spf)
            other.append(QStringLiteral("%1 300 TXT %2").arg(owner, rdata));
        if (timeout && other.isEmpty())
            lines.append(owner + QStringLiteral(" TIMEOUT"));
        // A name with TIMEOUT and records should time out only for the other types; the test
        // server times out per name, so such a name (spftimeout.example.net, whose TXT is all
        // that is asked) is served without the TIMEOUT.
        lines.append(other);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QStringList expectedResults(const QJsonValue& value)
{
    QStringList results;
    if (value.isArray()) {
        for (const QJsonValue& result : value.toArray())
            results.append(result.toString().toLower());
    } else {
        results.append(value.toString().toLower());
    }
    return results;
}

} // namespace

class TestSpfRfc7208 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void suite_data();
    void suite();
    void cleanupTestCase();

private:
    QJsonArray m_scenarios;
    TestDnsServer m_server;
    std::unique_ptr<LdnsResolver> m_resolver;
    int m_loadedScenario = -1;
    int m_rows = 0;
    int m_passed = 0;
    QElapsedTimer m_clock;
};

void TestSpfRfc7208::initTestCase()
{
    m_clock.start();
    const QString sourceDir = qEnvironmentVariable("POSTWARDEN_SOURCE_DIR");
    const QString suitePath =
        QDir::cleanPath(sourceDir + QStringLiteral("/../shared/conformance/spf/rfc7208-tests.yml"));
    if (sourceDir.isEmpty() || !QFileInfo::exists(suitePath))
        QSKIP(
            qPrintable(QStringLiteral("the RFC 7208 suite is not there: %1 (POSTWARDEN_SOURCE_DIR/../shared/"
                                      "conformance/spf/rfc7208-tests.yml)")
                           .arg(suitePath)));

    // python3-yaml reads the YAML; the test reads its JSON (Qt has no YAML reader).
    QProcess converter;
    converter.setProcessChannelMode(QProcess::SeparateChannels);
    converter.start(kPython, {QStringLiteral("-I"),
                              sourceDir + QStringLiteral("/tests/conformance/spf/yaml2json.py"), suitePath});
    QVERIFY2(converter.waitForFinished(30000), qPrintable(converter.errorString()));
    QVERIFY2(converter.exitStatus() == QProcess::NormalExit && converter.exitCode() == 0,
             qPrintable(QStringLiteral("yaml2json.py failed (is python3-yaml installed?): %1")
                            .arg(QString::fromUtf8(converter.readAllStandardError()))));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(converter.readAllStandardOutput(), &error);
    QVERIFY2(document.isArray(), qPrintable(error.errorString()));
    m_scenarios = document.array();

    QVERIFY2(m_server.start(QString()), qPrintable(m_server.errorString()));
    ResolverOptions options;
    options.servers = {m_server.address()};
    // The suite's TIMEOUT names cost one timeout each: short, yet long enough for a busy machine.
    options.timeout = 500ms;
    options.retries = 0;
    options.cacheEnabled = false;
    m_resolver = std::make_unique<LdnsResolver>(options);
}

void TestSpfRfc7208::suite_data()
{
    QTest::addColumn<int>("scenario");
    QTest::addColumn<QString>("helo");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("mailFrom");
    QTest::addColumn<QStringList>("results");
    QTest::addColumn<std::optional<QString>>("explanation");

    for (qsizetype s = 0; s < m_scenarios.size(); ++s) {
        const QJsonObject scenario = m_scenarios.at(s).toObject();
        const QString name = scenario.value(QLatin1String("description")).toString();
        const QJsonObject tests = scenario.value(QLatin1String("tests")).toObject();
        for (auto it = tests.begin(); it != tests.end(); ++it) {
            const QJsonObject test = it.value().toObject();
            std::optional<QString> explanation;
            if (test.contains(QLatin1String("explanation")))
                explanation = test.value(QLatin1String("explanation")).toString();
            QTest::addRow("%s/%s", qPrintable(name), qPrintable(it.key()))
                << static_cast<int>(s) << test.value(QLatin1String("helo")).toString()
                << test.value(QLatin1String("host")).toString()
                << test.value(QLatin1String("mailfrom")).toString()
                << expectedResults(test.value(QLatin1String("result"))) << explanation;
            ++m_rows;
        }
    }
}

void TestSpfRfc7208::suite()
{
    QFETCH(int, scenario);
    QFETCH(QString, helo);
    QFETCH(QString, host);
    QFETCH(QString, mailFrom);
    QFETCH(QStringList, results);
    QFETCH(std::optional<QString>, explanation);

    if (scenario != m_loadedScenario) {
        const QJsonObject zonedata =
            m_scenarios.at(scenario).toObject().value(QLatin1String("zonedata")).toObject();
        QVERIFY2(m_server.setZone(zoneText(zonedata)), qPrintable(m_server.errorString()));
        m_loadedScenario = scenario;
    }

    SpfRequest request;
    request.clientAddress = QHostAddress(host);
    QVERIFY2(!request.clientAddress.isNull(), qPrintable(host));
    request.helo = helo;
    request.mailFrom = mailFrom;
    request.receivingHost = QStringLiteral("receiver.postwarden.test");
    SpfOptions options;
    // The suite's drivers set the default explanation to "DEFAULT" (pyspf's testspf.py).
    options.defaultExplanation = QStringLiteral("DEFAULT");

    std::optional<SpfResult> result;
    {
        // An event loop that ends with the check, not a QTRY polling every 50 ms. The guard
        // goes first: a check still running after the timeout cannot write to result.
        QEventLoop loop;
        QObject guard;
        SpfCheck::checkHost(*m_resolver, request, options, &guard,
                            [&result, &loop](const SpfResult& outcome) {
                                result = outcome;
                                loop.quit();
                            });
        QTimer::singleShot(kCheckTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QVERIFY2(result.has_value(), "no result within the time limit");
    const QString summary =
        QStringLiteral("got %1 (problem: \"%2\", mechanism: \"%3\", explanation: \"%4\"), "
                       "expected %5")
            .arg(result->toString(), result->problem, result->mechanism, result->explanation,
                 results.join(QLatin1String(" or ")));
    QVERIFY2(results.contains(result->toString()), qPrintable(summary));
    if (explanation) {
        // Case-insensitive: the suite writes %{ir} of an IPv6 address in upper-case nibbles,
        // RFC 7208 7.4 (and we) in lower case; both name the same ip6.arpa domain.
        QVERIFY2(result->explanation.compare(*explanation, Qt::CaseInsensitive) == 0,
                 qPrintable(summary + QStringLiteral(" with explanation \"%1\"").arg(*explanation)));
    }
    ++m_passed;
}

void TestSpfRfc7208::cleanupTestCase()
{
    if (m_rows == 0)
        return;
    qInfo().noquote() << QStringLiteral("SPF conformance: %1/%2 passed in %3 ms")
                             .arg(m_passed)
                             .arg(m_rows)
                             .arg(m_clock.elapsed());
    if (m_rows != kExpectedTests)
        qWarning().noquote()
            << QStringLiteral("the suite has %1 tests, %2 were expected").arg(m_rows).arg(kExpectedTests);
}

QTEST_GUILESS_MAIN(TestSpfRfc7208)
#include "tst_spf_rfc7208.moc"
