// PublicSuffixList: rules, wildcards, exceptions, sections and IDN on a small list written here,
// and the organizational domains of a few well-known names with Debian's real list.

#include "shared/auth/dmarc/PublicSuffixList.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw::auth;

namespace {

const QByteArray smallList = R"(// a comment
// ===BEGIN ICANN DOMAINS===
com
uk
co.uk
jp
*.kobe.jp
!city.kobe.jp
ck
*.ck
!www.ck
// the IDN TLD of China, written in UTF-8 as in the real list
中国
// ===END ICANN DOMAINS===
// ===BEGIN PRIVATE DOMAINS===
github.io
// ===END PRIVATE DOMAINS===
)";

} // namespace

class TestPsl : public QObject
{
    Q_OBJECT

private slots:
    void organizationalDomain_data();
    void organizationalDomain();
    void publicSuffix();
    void icannOnlySkipsPrivateRules();
    void loadFromFile();
    void missingFileIsAnError();
    void realList_data();
    void realList();
};

void TestPsl::organizationalDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain rule") << "a.b.example.co.uk"
                                << "example.co.uk";
    QTest::newRow("exact org") << "example.co.uk"
                               << "example.co.uk";
    QTest::newRow("shorter rule") << "mail.example.com"
                                  << "example.com";
    QTest::newRow("no rule: implicit *") << "x.y.example.test"
                                         << "example.test";
    QTest::newRow("upper case, final dot") << "Mail.Example.COM."
                                           << "example.com";
    QTest::newRow("wildcard") << "a.b.foo.kobe.jp"
                              << "b.foo.kobe.jp";
    QTest::newRow("exception") << "a.city.kobe.jp"
                               << "city.kobe.jp";
    QTest::newRow("exception at top") << "www.ck"
                                      << "www.ck";
    QTest::newRow("wildcard at top") << "a.b.ck"
                                     << "a.b.ck";
    QTest::newRow("private section") << "foo.github.io"
                                     << "foo.github.io";
    QTest::newRow("private section, deeper") << "x.foo.github.io"
                                             << "foo.github.io";
    QTest::newRow("public suffix itself") << "co.uk"
                                          << "co.uk";
    QTest::newRow("IDN in Unicode") << "mail.例子.中国"
                                    << "xn--fsqu00a.xn--fiqs8s";
    QTest::newRow("IDN in ACE") << "mail.xn--fsqu00a.xn--fiqs8s"
                                << "xn--fsqu00a.xn--fiqs8s";
    QTest::newRow("invalid") << "a..b"
                             << "";
}

void TestPsl::organizationalDomain()
{
    QFETCH(QString, domain);
    QFETCH(QString, expected);
    const auto psl = PublicSuffixList::fromText(smallList);
    QCOMPARE(psl->organizationalDomain(domain), expected);
}

void TestPsl::publicSuffix()
{
    const auto psl = PublicSuffixList::fromText(smallList);
    QCOMPARE(psl->publicSuffix(QStringLiteral("a.b.example.co.uk")), QStringLiteral("co.uk"));
    QCOMPARE(psl->publicSuffix(QStringLiteral("a.b.foo.kobe.jp")), QStringLiteral("foo.kobe.jp"));
    QCOMPARE(psl->publicSuffix(QStringLiteral("a.city.kobe.jp")), QStringLiteral("kobe.jp"));
    QCOMPARE(psl->publicSuffix(QStringLiteral("example.test")), QStringLiteral("test"));
    QVERIFY(psl->isPublicSuffix(QStringLiteral("github.io")));
    QVERIFY(psl->isPublicSuffix(QStringLiteral("foo.kobe.jp")));
    QVERIFY(!psl->isPublicSuffix(QStringLiteral("city.kobe.jp")));
    QCOMPARE(psl->ruleCount(), 11);
}

void TestPsl::icannOnlySkipsPrivateRules()
{
    const auto psl = PublicSuffixList::fromText(smallList, PublicSuffixList::Sections::IcannOnly);
    QCOMPARE(psl->organizationalDomain(QStringLiteral("foo.github.io")), QStringLiteral("github.io"));
    QCOMPARE(psl->organizationalDomain(QStringLiteral("a.example.co.uk")), QStringLiteral("example.co.uk"));
}

void TestPsl::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("list.dat")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(smallList);
    file.close();
    QString error;
    const auto psl = PublicSuffixList::load(file.fileName(), PublicSuffixList::Sections::All, &error);
    QVERIFY2(psl, qPrintable(error));
    QCOMPARE(psl->organizationalDomain(QStringLiteral("a.b.example.co.uk")), QStringLiteral("example.co.uk"));
}

void TestPsl::missingFileIsAnError()
{
    QString error;
    QVERIFY(!PublicSuffixList::load(QStringLiteral("/nonexistent/psl.dat"), PublicSuffixList::Sections::All,
                                    &error));
    QVERIFY(error.contains(QLatin1String("/nonexistent/psl.dat")));
}

void TestPsl::realList_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("expected");
    QTest::newRow("co.uk") << "a.b.example.co.uk"
                           << "example.co.uk";
    QTest::newRow("github.io (private)") << "foo.github.io"
                                         << "foo.github.io";
    QTest::newRow("com") << "mail.example.com"
                         << "example.com";
    QTest::newRow("kawasaki wildcard") << "a.b.c.kawasaki.jp"
                                       << "b.c.kawasaki.jp";
    QTest::newRow("kawasaki exception") << "www.city.kawasaki.jp"
                                        << "city.kawasaki.jp";
}

void TestPsl::realList()
{
    if (!QFile::exists(QString::fromLatin1(PublicSuffixList::DefaultPath)))
        QSKIP("the publicsuffix package is not installed");
    QFETCH(QString, domain);
    QFETCH(QString, expected);
    const auto psl = PublicSuffixList::system();
    QVERIFY(psl);
    QVERIFY(psl == PublicSuffixList::system()); // built once, shared
    QVERIFY(psl->ruleCount() > 5000);
    QCOMPARE(psl->organizationalDomain(domain), expected);
}

QTEST_GUILESS_MAIN(TestPsl)
#include "tst_psl.moc"
