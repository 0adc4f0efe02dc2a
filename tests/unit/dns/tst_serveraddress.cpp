// Parsing of the [dns] servers= entries and of resolv.conf.

#include "shared/dns/ServerAddress.h"

#include <QTest>

using namespace pw::dns;

class TestServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void resolvConf();
    void resolvConfWithoutNameserver();
};

void TestServerAddress::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("v4 with port") << "127.0.0.1:5353"
                                  << "127.0.0.1" << 5353 << "127.0.0.1:5353";
    QTest::newRow("v4 alone") << "192.0.2.53"
                              << "192.0.2.53" << 53 << "192.0.2.53:53";
    QTest::newRow("v6 bracketed with port") << "[::1]:53"
                                            << "::1" << 53 << "[::1]:53";
    QTest::newRow("v6 bracketed") << "[2001:db8::53]"
                                  << "2001:db8::53" << 53 << "[2001:db8::53]:53";
    QTest::newRow("v6 bare") << "2001:db8::53"
                             << "2001:db8::53" << 53 << "[2001:db8::53]:53";
    QTest::newRow("spaces") << " 127.0.0.1:53 "
                            << "127.0.0.1" << 53 << "127.0.0.1:53";
}

void TestServerAddress::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, canonical);
    const auto server = ServerAddress::parse(text);
    QVERIFY(server);
    QCOMPARE(server->address, QHostAddress(address));
    QCOMPARE(server->port, port);
    QCOMPARE(server->toString(), canonical);
}

void TestServerAddress::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("host name") << "dns.example.com:53";
    QTest::newRow("port zero") << "127.0.0.1:0";
    QTest::newRow("port too large") << "127.0.0.1:65536";
    QTest::newRow("port not a number") << "127.0.0.1:dns";
    QTest::newRow("unclosed bracket") << "[::1:53";
    QTest::newRow("junk after bracket") << "[::1]x53";
}

void TestServerAddress::parseRejects()
{
    QFETCH(QString, text);
    QVERIFY(!ServerAddress::parse(text));
}

void TestServerAddress::resolvConf()
{
    const QString text = QStringLiteral("# generated\n"
                                        "search example.com\n"
                                        "nameserver 192.0.2.53\n"
                                        "  nameserver   2001:db8::53  \n"
                                        "nameserver not-an-address\n"
                                        "options rotate timeout:1\n");
    const QList<ServerAddress> servers = ServerAddress::fromResolvConf(text);
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).toString(), QStringLiteral("192.0.2.53:53"));
    QCOMPARE(servers.at(1).toString(), QStringLiteral("[2001:db8::53]:53"));
}

void TestServerAddress::resolvConfWithoutNameserver()
{
    const QList<ServerAddress> servers =
        ServerAddress::fromResolvConf(QStringLiteral("search example.com\n"));
    QCOMPARE(servers.size(), 1);
    QCOMPARE(servers.first().toString(), QStringLiteral("127.0.0.1:53"));
}

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
