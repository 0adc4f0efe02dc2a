// The pure parts behind the wizard's steps 5 and 8: how a record found in DNS is compared with
// the one the owner was asked to publish, and the summary document with the settings for mail
// programs.

#include "app/RecordVerifier.h"
#include "ui/wizard/SetupSummary.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

const QString kDomain = QStringLiteral("example.org");
const QString kHost = QStringLiteral("mail.example.org");
const QString kMailbox = QStringLiteral("anna@example.org");

} // namespace

class TestWizardRecords : public QObject
{
    Q_OBJECT

private slots:
    void recordComparison();
    void summaryDocument();
};

void TestWizardRecords::recordComparison()
{
    using pw::app::ExpectedRecord;
    using pw::app::RecordState;
    using pw::app::RecordVerifier;
    pw::dns::LookupResult txt;
    txt.status = pw::dns::Status::Ok;
    txt.type = pw::dns::RecordType::TXT;
    pw::dns::Record site;
    site.type = pw::dns::RecordType::TXT;
    site.text = QStringLiteral("google-site-verification=abc");
    site.strings = {site.text.toUtf8()};
    pw::dns::Record spf = site;
    spf.text = QStringLiteral("V=SPF1  mx ip4:127.0.0.1 -all");
    spf.strings = {spf.text.toUtf8()};
    txt.records = {site, spf};

    // Case and runs of spaces aside; other TXT records at the apex do not count.
    const ExpectedRecord spfExpected{kDomain, QStringLiteral("TXT"),
                                     QStringLiteral("\"v=spf1 mx ip4:127.0.0.1 -all\"")};
    pw::app::RecordCheck check = RecordVerifier::compare(spfExpected, txt);
    QCOMPARE(check.state, RecordState::Found);
    QCOMPARE(check.found, QStringList{QStringLiteral("\"V=SPF1  mx ip4:127.0.0.1 -all\"")});
    // A different SPF record is "different", only TXT records unrelated to SPF are "missing".
    txt.records = {site, spf};
    txt.records[1].text = QStringLiteral("v=spf1 +all");
    QCOMPARE(RecordVerifier::compare(spfExpected, txt).state, RecordState::Different);
    txt.records = {site};
    QCOMPARE(RecordVerifier::compare(spfExpected, txt).state, RecordState::Missing);

    // Strings split anywhere join again; tag lists ignore white space.
    pw::dns::Record dkim = site;
    dkim.strings = {QByteArray("v=DKIM1; k=rsa; p=MIIB"), QByteArray("IjAN")};
    dkim.text = QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjAN");
    txt.records = {dkim};
    QCOMPARE(RecordVerifier::compare({QStringLiteral("s._domainkey.example.org"), QStringLiteral("TXT"),
                                      QStringLiteral("\"v=DKIM1;k=rsa;\" \"p=MIIB IjAN\"")},
                                     txt)
                 .state,
             RecordState::Found);
    QCOMPARE(RecordVerifier::compare({QStringLiteral("s._domainkey.example.org"), QStringLiteral("TXT"),
                                      QStringLiteral("\"v=DKIM1; k=rsa; p=MIIBIjAO\"")},
                                     txt)
                 .state,
             RecordState::Different);

    // MX by preference and host, names without regard to case or the final dot.
    pw::dns::LookupResult mx;
    mx.status = pw::dns::Status::Ok;
    pw::dns::Record exchange;
    exchange.type = pw::dns::RecordType::MX;
    exchange.preference = 10;
    exchange.exchange = QStringLiteral("Mail.Example.org");
    mx.records = {exchange};
    const ExpectedRecord mxExpected{kDomain, QStringLiteral("MX"), QStringLiteral("10 mail.example.org.")};
    QCOMPARE(RecordVerifier::compare(mxExpected, mx).state, RecordState::Found);
    mx.records[0].preference = 20;
    check = RecordVerifier::compare(mxExpected, mx);
    QCOMPARE(check.state, RecordState::Different);
    QCOMPARE(check.found, QStringList{QStringLiteral("20 Mail.Example.org.")});

    // Definite "nothing" is missing; a failed lookup cannot tell.
    pw::dns::LookupResult none;
    none.status = pw::dns::Status::NxDomain;
    QCOMPARE(RecordVerifier::compare(mxExpected, none).state, RecordState::Missing);
    none.status = pw::dns::Status::Timeout;
    none.errorString = QStringLiteral("no answer");
    check = RecordVerifier::compare(mxExpected, none);
    QCOMPARE(check.state, RecordState::Unknown);
    QCOMPARE(check.detail, QStringLiteral("no answer"));

    // SRV by every field; A by address.
    pw::dns::LookupResult srv;
    srv.status = pw::dns::Status::Ok;
    pw::dns::Record service;
    service.type = pw::dns::RecordType::SRV;
    service.srv = {0, 1, 993, QStringLiteral("mail.example.org")};
    srv.records = {service};
    QCOMPARE(RecordVerifier::compare({QStringLiteral("_imaps._tcp.example.org"), QStringLiteral("SRV"),
                                      QStringLiteral("0 1 993 mail.example.org.")},
                                     srv)
                 .state,
             RecordState::Found);
    QCOMPARE(RecordVerifier::compare({QStringLiteral("_imaps._tcp.example.org"), QStringLiteral("SRV"),
                                      QStringLiteral("0 1 143 mail.example.org.")},
                                     srv)
                 .state,
             RecordState::Different);
    pw::dns::LookupResult a;
    a.status = pw::dns::Status::Ok;
    pw::dns::Record address;
    address.type = pw::dns::RecordType::A;
    address.address = QHostAddress(QStringLiteral("192.0.2.10"));
    a.records = {address};
    QCOMPARE(RecordVerifier::compare({kHost, QStringLiteral("A"), QStringLiteral("192.0.2.10")}, a).state,
             RecordState::Found);
    QCOMPARE(RecordVerifier::compare({kHost, QStringLiteral("A"), QStringLiteral("192.0.2.11")}, a).state,
             RecordState::Different);
}

void TestWizardRecords::summaryDocument()
{
    pw::ui::SetupSummary summary;
    summary.domain = kDomain;
    summary.hostname = kHost;
    summary.publicAddresses = {QStringLiteral("192.0.2.10")};
    summary.records = {{kDomain, QStringLiteral("MX"), QStringLiteral("10 mail.example.org."), true, true,
                        QStringLiteral("OK")},
                       {QStringLiteral("_dmarc.example.org"), QStringLiteral("TXT"),
                        QStringLiteral("\"v=DMARC1; p=none\""), true, false, QStringLiteral("Missing")},
                       {QStringLiteral("autoconfig.example.org"), QStringLiteral("CNAME"),
                        QStringLiteral("mail.example.org."), false, false, QStringLiteral("Not published")}};
    summary.recordsChecked = true;
    summary.mailbox = kMailbox;
    summary.routing = {QStringLiteral("postmaster@example.org → anna@example.org")};
    const QJsonObject status{
        {QStringLiteral("listeners"),
         QJsonArray{QJsonObject{{"role", "control"}, {"address", "/run/x.sock"}, {"state", "listening"}},
                    QJsonObject{{"role", "smtp"}, {"address", "0.0.0.0:25"}, {"state", "listening"}},
                    QJsonObject{{"role", "submission"}, {"address", "0.0.0.0:587"}, {"state", "listening"}},
                    QJsonObject{{"role", "imaps"}, {"address", "[::]:993"}, {"state", "listening"}},
                    QJsonObject{{"role", "imap"}, {"address", "0.0.0.0:143"}, {"state", "failed"}}}}};
    summary.clientSettings = pw::ui::clientSettingsFromStatus(status, kHost, kMailbox);
    // IMAP over TLS, then submission; port 25 and a listener that is not listening are left out.
    QCOMPARE(summary.clientSettings.size(), 2);
    QCOMPARE(summary.clientSettings.at(0).port, quint16(993));
    QCOMPARE(summary.clientSettings.at(0).security, QStringLiteral("SSL/TLS"));
    QCOMPARE(summary.clientSettings.at(1).port, quint16(587));
    QCOMPARE(summary.clientSettings.at(1).security, QStringLiteral("STARTTLS"));
    summary.checkVerdict = QStringLiteral("All good.");

    const QString html = pw::ui::setupSummaryHtml(summary);
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    for (const QString& expected :
         {kDomain, kHost, QStringLiteral("192.0.2.10"), QStringLiteral("1 of 2 required records"),
          QStringLiteral("_dmarc.example.org"), QStringLiteral("&quot;v=DMARC1; p=none&quot;"), kMailbox,
          QStringLiteral("postmaster@example.org → anna@example.org"), QStringLiteral("<td>993</td>"),
          QStringLiteral("<td>587</td>"), QStringLiteral("SSL/TLS"), QStringLiteral("All good.")})
        QVERIFY2(html.contains(expected), qPrintable(expected));
    QVERIFY(!html.contains(QStringLiteral("<td>25</td>")));
}

QTEST_GUILESS_MAIN(TestWizardRecords)
#include "tst_wizard_records.moc"
