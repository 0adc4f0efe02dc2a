// SpfDomain: <sender> from MAIL FROM and HELO (RFC 7208 2.4, 4.3), the checkable <domain>
// (4.3) and the target names made from expanded domain-specs (4.8, 7.3).

#include "shared/auth/spf/SpfDomain.h"

#include <QTest>

using namespace pw::auth;

class TestSpfDomain : public QObject
{
    Q_OBJECT

private slots:
    void sender();
    void checkableDomain_data();
    void checkableDomain();
    void targetTruncation();
    void targetEscapes();
};

void TestSpfDomain::sender()
{
    SpfSender s = SpfSender::fromMailFrom(QStringLiteral("strong-bad@email.example.com"),
                                          QStringLiteral("helo.example"));
    QCOMPARE(s.localPart, QStringLiteral("strong-bad"));
    QCOMPARE(s.domain, QStringLiteral("email.example.com"));

    s = SpfSender::fromMailFrom(QString(), QStringLiteral("helo.example"));
    QCOMPARE(s.address(), QStringLiteral("postmaster@helo.example"));

    s = SpfSender::fromMailFrom(QStringLiteral("@example.net"), QStringLiteral("helo.example"));
    QCOMPARE(s.address(), QStringLiteral("postmaster@example.net"));

    s = SpfSender::fromMailFrom(QStringLiteral("\"a@b\"@example.org"), QStringLiteral("helo.example"));
    QCOMPARE(s.localPart, QStringLiteral("\"a@b\""));
    QCOMPARE(s.domain, QStringLiteral("example.org"));
}

void TestSpfDomain::checkableDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("expected"); // empty: not checkable
    QTest::newRow("plain") << QStringLiteral("example.com") << QStringLiteral("example.com");
    QTest::newRow("final dot") << QStringLiteral("example.com.") << QStringLiteral("example.com");
    QTest::newRow("idn") << QStringLiteral("bücher.example") << QStringLiteral("xn--bcher-kva.example");
    QTest::newRow("63-octet label") << QString(63, QLatin1Char('a')) + QStringLiteral(".example")
                                    << QString(63, QLatin1Char('a')) + QStringLiteral(".example");
    QTest::newRow("64-octet label") << QString(64, QLatin1Char('a')) + QStringLiteral(".example")
                                    << QString();
    QTest::newRow("empty label") << QStringLiteral("A...example.com") << QString();
    QTest::newRow("single label") << QStringLiteral("A2345678") << QString();
    QTest::newRow("domain literal") << QStringLiteral("[1.2.3.5]") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSpfDomain::checkableDomain()
{
    QFETCH(QString, domain);
    QFETCH(QString, expected);
    QCOMPARE(spfCheckableDomain(domain).value_or(QString()), expected);
}

void TestSpfDomain::targetTruncation()
{
    // RFC 7208 4.8: labels come off the left until the name fits in 253 characters.
    const QString label = QStringLiteral("somewhat.long.exp.example.com");
    QStringList labels(8, label);
    const QString tail = labels.join(QLatin1Char('.')) + QStringLiteral(".example.com");
    QCOMPARE(tail.size(), 251);
    QCOMPARE(spfTargetName(QStringLiteral("foobar.") + tail).value_or(QString()), tail);
    QCOMPARE(spfTargetName(QStringLiteral("example.com.d.spf.example.com.")).value_or(QString()),
             QStringLiteral("example.com.d.spf.example.com"));
    QVERIFY(!spfTargetName(QStringLiteral("mail.example...com")));
    QVERIFY(!spfTargetName(QString(66, QLatin1Char('%')) + QStringLiteral(".bar")));
    QVERIFY(!spfTargetName(QString()));
}

void TestSpfDomain::targetEscapes()
{
    // A space from %_ or a HELO goes to the resolver as RFC 1035 "\032".
    const auto target = spfTargetName(QStringLiteral("macro%percent  space%20url-space.example.com"));
    QCOMPARE(target.value_or(QString()), QStringLiteral("macro%percent  space%20url-space.example.com"));
    QCOMPARE(spfQueryName(*target), QStringLiteral("macro%percent\\032\\032space%20url-space.example.com"));
    QCOMPARE(spfQueryName(QStringLiteral("a\\b.example")), QStringLiteral("a\\092b.example"));
    QCOMPARE(spfQueryName(QStringLiteral("JUMPIN%27%20JUPITER")), QStringLiteral("JUMPIN%27%20JUPITER"));
}

QTEST_GUILESS_MAIN(TestSpfDomain)
#include "tst_spf_domain.moc"
