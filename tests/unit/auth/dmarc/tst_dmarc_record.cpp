// DmarcRecordParser: every tag of RFC 7489 6.3 and RFC 9091, defaults, errors and warnings.

#include "shared/auth/dmarc/DmarcRecord.h"

#include <QTest>

using namespace pw::auth;

class TestDmarcRecord : public QObject
{
    Q_OBJECT

private slots:
    void minimalRecordHasDefaults();
    void everyTag();
    void isDmarcRecord_data();
    void isDmarcRecord();
    void versionMustComeFirst();
    void missingPolicy();
    void invalidPolicyWithRuaIsNone();
    void invalidSubdomainPolicy();
    void invalidValuesFallBackToDefaults_data();
    void invalidValuesFallBackToDefaults();
    void reportUriSizes();
    void invalidReportUris();
    void unknownTagsIgnored();
    void duplicateTag();
    void warnings();
    void subdomainAndNonExistentDefaults();
};

void TestDmarcRecord::minimalRecordHasDefaults()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject"));
    QVERIFY(r.ok());
    QVERIFY(r.errors.isEmpty());
    const DmarcRecord& d = *r.record;
    QCOMPARE(d.policy, DmarcPolicy::Reject);
    QVERIFY(!d.subdomainPolicy);
    QVERIFY(!d.nonExistentPolicy);
    QCOMPARE(d.dkimAlignment, DmarcAlignment::Relaxed);
    QCOMPARE(d.spfAlignment, DmarcAlignment::Relaxed);
    QCOMPARE(d.percent, 100);
    QVERIFY(d.aggregateReports.isEmpty());
    QVERIFY(d.failureReports.isEmpty());
    QCOMPARE(d.failureOptions, QStringList{QStringLiteral("0")});
    QCOMPARE(d.reportFormats, QStringList{QStringLiteral("afrf")});
    QCOMPARE(d.reportInterval, 86400u);
}

void TestDmarcRecord::everyTag()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral(
        "v=DMARC1 ; p=Quarantine; sp=reject;np=none; adkim=s; aspf=S; pct=25; "
        "rua=mailto:agg@example.com!10m, mailto:other@example.net; ruf=mailto:fail@example.com!512k; "
        "fo=1:d:s; rf=afrf; ri=3600;"));
    QVERIFY(r.ok());
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    const DmarcRecord& d = *r.record;
    QCOMPARE(d.policy, DmarcPolicy::Quarantine);
    QCOMPARE(d.subdomainPolicy, DmarcPolicy::Reject);
    QCOMPARE(d.nonExistentPolicy, DmarcPolicy::None);
    QCOMPARE(d.dkimAlignment, DmarcAlignment::Strict);
    QCOMPARE(d.spfAlignment, DmarcAlignment::Strict);
    QCOMPARE(d.percent, 25);
    QCOMPARE(d.aggregateReports.size(), 2);
    QCOMPARE(d.aggregateReports[0].uri, QStringLiteral("mailto:agg@example.com"));
    QCOMPARE(d.aggregateReports[0].maxSizeBytes, quint64(10) * 1024 * 1024);
    QCOMPARE(d.aggregateReports[1].uri, QStringLiteral("mailto:other@example.net"));
    QVERIFY(!d.aggregateReports[1].maxSizeBytes);
    QCOMPARE(d.failureReports.size(), 1);
    QCOMPARE(d.failureReports[0].maxSizeBytes, quint64(512) * 1024);
    QCOMPARE(d.failureOptions, (QStringList{QStringLiteral("1"), QStringLiteral("d"), QStringLiteral("s")}));
    QCOMPARE(d.reportFormats, QStringList{QStringLiteral("afrf")});
    QCOMPARE(d.reportInterval, 3600u);
}

void TestDmarcRecord::isDmarcRecord_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("plain") << "v=DMARC1; p=none" << true;
    QTest::newRow("spaces, case") << "  V = dmarc1 ;p=none" << true;
    QTest::newRow("only version") << "v=DMARC1" << true;
    QTest::newRow("spf") << "v=spf1 -all" << false;
    QTest::newRow("p first") << "p=none; v=DMARC1" << false;
    QTest::newRow("wrong version") << "v=DMARC2; p=none" << false;
    QTest::newRow("empty") << "" << false;
}

void TestDmarcRecord::isDmarcRecord()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(DmarcRecordParser::isDmarcRecord(text), expected);
}

void TestDmarcRecord::versionMustComeFirst()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("p=reject; v=DMARC1"));
    QVERIFY(!r.ok());
    QVERIFY(r.errors.first().contains(QLatin1String("v=DMARC1")));
}

void TestDmarcRecord::missingPolicy()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; adkim=s"));
    QVERIFY(!r.ok());
    QVERIFY(r.errors.join(QLatin1Char(' ')).contains(QLatin1String("\"p\" is missing")));
}

void TestDmarcRecord::invalidPolicyWithRuaIsNone()
{
    // RFC 7489 6.6.3 step 6.1
    const DmarcParseResult r =
        DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=bogus; rua=mailto:dmarc@example.com"));
    QVERIFY(r.ok());
    QVERIFY(!r.record->policy);
    QCOMPARE(r.record->effectivePolicy(), DmarcPolicy::None);
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().contains(QLatin1String("p=bogus")));

    const DmarcParseResult noRua = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=bogus"));
    QVERIFY(!noRua.ok());

    const DmarcParseResult missingWithRua =
        DmarcRecordParser::parse(QStringLiteral("v=DMARC1; rua=mailto:dmarc@example.com"));
    QVERIFY(missingWithRua.ok());
    QCOMPARE(missingWithRua.record->effectivePolicy(), DmarcPolicy::None);
}

void TestDmarcRecord::invalidSubdomainPolicy()
{
    QVERIFY(!DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; sp=maybe")).ok());
    const DmarcParseResult r =
        DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; sp=maybe; rua=mailto:a@example.com"));
    QVERIFY(r.ok());
    QCOMPARE(r.record->effectivePolicy(), DmarcPolicy::None);
    QCOMPARE(r.record->effectiveSubdomainPolicy(), DmarcPolicy::None);
}

void TestDmarcRecord::invalidValuesFallBackToDefaults_data()
{
    QTest::addColumn<QString>("tag");
    QTest::newRow("adkim") << "adkim=x";
    QTest::newRow("aspf") << "aspf=relaxed";
    QTest::newRow("pct over 100") << "pct=101";
    QTest::newRow("pct negative") << "pct=-1";
    QTest::newRow("pct text") << "pct=half";
    QTest::newRow("fo") << "fo=2";
    QTest::newRow("rf") << "rf=iodef";
    QTest::newRow("ri") << "ri=daily";
    QTest::newRow("np") << "np=drop";
}

void TestDmarcRecord::invalidValuesFallBackToDefaults()
{
    QFETCH(QString, tag);
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; ") + tag);
    QVERIFY(r.ok());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY2(r.errors.first().startsWith(tag.section(QLatin1Char('='), 0, 0)), qPrintable(r.errors.first()));
    const DmarcRecord& d = *r.record;
    QCOMPARE(d.dkimAlignment, DmarcAlignment::Relaxed);
    QCOMPARE(d.spfAlignment, DmarcAlignment::Relaxed);
    QCOMPARE(d.percent, 100);
    QCOMPARE(d.failureOptions, QStringList{QStringLiteral("0")});
    QCOMPARE(d.reportFormats, QStringList{QStringLiteral("afrf")});
    QCOMPARE(d.reportInterval, 86400u);
    QVERIFY(!d.nonExistentPolicy);
}

void TestDmarcRecord::reportUriSizes()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral(
        "v=DMARC1; p=none; rua=mailto:a@x.example!100,mailto:b@x.example!2g,mailto:c@x.example!1t,"
        "https://reports.example/dmarc"));
    QVERIFY(r.ok());
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    const auto& uris = r.record->aggregateReports;
    QCOMPARE(uris.size(), 4);
    QCOMPARE(uris[0].maxSizeBytes, quint64(100));
    QCOMPARE(uris[1].maxSizeBytes, quint64(2) << 30);
    QCOMPARE(uris[2].maxSizeBytes, quint64(1) << 40);
    QCOMPARE(uris[3].uri, QStringLiteral("https://reports.example/dmarc"));
}

void TestDmarcRecord::invalidReportUris()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral(
        "v=DMARC1; p=none; rua=dmarc@example.com, mailto:ok@example.com, mailto:x@y!big, mailto:nobody"));
    QVERIFY(r.ok());
    QCOMPARE(r.record->aggregateReports.size(), 1);
    QCOMPARE(r.record->aggregateReports[0].uri, QStringLiteral("mailto:ok@example.com"));
    QCOMPARE(r.errors.size(), 3);
    for (const QString& error : r.errors)
        QVERIFY(error.startsWith(QLatin1String("rua:")));
}

void TestDmarcRecord::unknownTagsIgnored()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; t=y; psd=n"));
    QVERIFY(r.ok());
    QVERIFY(r.errors.isEmpty());
    QVERIFY(r.warnings.join(QLatin1Char(' ')).contains(QLatin1String("\"t\"")));
    QVERIFY(r.warnings.join(QLatin1Char(' ')).contains(QLatin1String("\"psd\"")));
}

void TestDmarcRecord::duplicateTag()
{
    const DmarcParseResult r = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; p=none"));
    QVERIFY(r.ok());
    QCOMPARE(r.record->policy, DmarcPolicy::Reject);
    QVERIFY(r.warnings.join(QLatin1Char(' ')).contains(QLatin1String("more than once")));
}

void TestDmarcRecord::warnings()
{
    const DmarcParseResult none = DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=none; pct=50"));
    QVERIFY(none.ok());
    const QString all = none.warnings.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QLatin1String("p=quarantine")));
    QVERIFY(all.contains(QLatin1String("pct=50")));
    QVERIFY(all.contains(QLatin1String("rua")));

    const DmarcParseResult good =
        DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; rua=mailto:dmarc@example.com"));
    QVERIFY(good.warnings.isEmpty());
}

void TestDmarcRecord::subdomainAndNonExistentDefaults()
{
    DmarcRecord d = *DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject")).record;
    QCOMPARE(d.effectiveSubdomainPolicy(), DmarcPolicy::Reject);
    QCOMPARE(d.effectiveNonExistentPolicy(), DmarcPolicy::Reject);
    d = *DmarcRecordParser::parse(QStringLiteral("v=DMARC1; p=reject; sp=quarantine")).record;
    QCOMPARE(d.effectiveNonExistentPolicy(), DmarcPolicy::Quarantine);
}

QTEST_GUILESS_MAIN(TestDmarcRecord)
#include "tst_dmarc_record.moc"
