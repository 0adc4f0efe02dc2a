// Names: IDNA conversion for queries, reverse names, comparison.

#include "shared/dns/DnsName.h"

#include <QTest>

using namespace pw::dns;

class TestDnsName : public QObject
{
    Q_OBJECT

private slots:
    void toAce_data();
    void toAce();
    void toAceRejects_data();
    void toAceRejects();
    void reverse_data();
    void reverse();
    void sameNameIgnoresCaseAndFinalDot();
};

void TestDnsName::toAce_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("ace");
    QTest::newRow("ascii") << "mail.example.com"
                           << "mail.example.com";
    QTest::newRow("final dot") << "example.com."
                               << "example.com";
    QTest::newRow("case kept") << "Example.COM"
                               << "Example.COM";
    QTest::newRow("underscore labels") << "_dmarc.example.com"
                                       << "_dmarc.example.com";
    QTest::newRow("tlsa name") << "_25._tcp.mail.example.com"
                               << "_25._tcp.mail.example.com";
    QTest::newRow("u-label") << QStringLiteral("bücher.example") << "xn--bcher-kva.example";
    QTest::newRow("upper-case u-label") << QStringLiteral("BÜCHER.example") << "xn--bcher-kva.example";
    QTest::newRow("ideographic full stop") << QStringLiteral("例え.テスト") << "xn--r8jz45g.xn--zckzah";
    QTest::newRow("ideographic full stop 2") << QStringLiteral("例え。テスト") << "xn--r8jz45g.xn--zckzah";
    QTest::newRow("63-octet label") << QString(63, QLatin1Char('a')) + ".com"
                                    << QString(63, QLatin1Char('a')) + ".com";
}

void TestDnsName::toAce()
{
    QFETCH(QString, name);
    QFETCH(QString, ace);
    QCOMPARE(toAceName(name).value_or(QStringLiteral("<rejected>")), ace);
}

void TestDnsName::toAceRejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("dot") << ".";
    QTest::newRow("empty label") << "a..example.com";
    QTest::newRow("leading dot") << ".example.com";
    QTest::newRow("64-octet label") << QString(64, QLatin1Char('a')) + ".com";
    QString tooLong;
    for (int i = 0; i < 5; ++i)
        tooLong += QString(60, QLatin1Char('a')) + QLatin1Char('.');
    QTest::newRow("over 253") << tooLong + "com";
}

void TestDnsName::toAceRejects()
{
    QFETCH(QString, name);
    QVERIFY(!toAceName(name));
}

void TestDnsName::reverse_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("name");
    QTest::newRow("v4") << "192.0.2.1"
                        << "1.2.0.192.in-addr.arpa";
    QTest::newRow("v4 zeros") << "10.0.0.255"
                              << "255.0.0.10.in-addr.arpa";
    QTest::newRow("v6") << "2001:db8::567:89ab"
                        << "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
    QTest::newRow("v6 loopback")
        << "::1"
        << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa";
    QTest::newRow("v4-mapped") << "::ffff:192.0.2.1"
                               << "1.2.0.192.in-addr.arpa";
}

void TestDnsName::reverse()
{
    QFETCH(QString, address);
    QFETCH(QString, name);
    QCOMPARE(reverseName(QHostAddress(address)), name);
}

void TestDnsName::sameNameIgnoresCaseAndFinalDot()
{
    QVERIFY(sameName(QStringLiteral("Example.COM."), QStringLiteral("example.com")));
    QVERIFY(!sameName(QStringLiteral("example.com"), QStringLiteral("example.org")));
    QVERIFY(reverseName(QHostAddress()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDnsName)
#include "tst_dnsname.moc"
