// The setup wizard end to end against a real postwardend and a loopback DNS zone, with the
// weight on its later steps: the DNS records before and after they are published, the first
// mailbox and its routing, the whole check suite, and the settings for mail programs.
// Offscreen; screenshots of each page land in the build tree.

#include "app/RecordVerifier.h"
#include "app/ServiceManager.h"
#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"
#include "tests/ui/UiTestSupport.h"
#include "tests/ui/wizard/WizardWalk.h"
#include "ui/CheckResultsView.h"
#include "ui/wizard/AccountsPage.h"
#include "ui/wizard/DeliverabilityScoreView.h"
#include "ui/wizard/DnsRecordsPage.h"
#include "ui/wizard/FinishPage.h"
#include "ui/wizard/RecordsTable.h"
#include "ui/wizard/SetupSummary.h"
#include "ui/wizard/SetupWizard.h"
#include "ui/wizard/TestPage.h"
#include "ui/wizard/WizardCheckPanel.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <memory>

using pw::test::saveScreenshot;
using pw::test::TestDnsServer;
using pw::test::TestService;
using pw::ui::SetupWizard;
using namespace pw::test::wizard;
using pw::test::freePorts;

namespace {

constexpr int kUiTimeoutMs = 20000;
// The whole suite probes ports and TLS: give it more than one page's worth.
constexpr int kSuiteTimeoutMs = 120000;

const QString kDomain = QStringLiteral("example.org");
const QString kHost = QStringLiteral("mail.example.org");
const QString kAddress = QStringLiteral("127.0.0.1");
const QString kMailbox = QStringLiteral("anna@example.org");
const QString kPassword = QStringLiteral("correct horse 42");
const QStringList kRoles{QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("submissions"),
                         QStringLiteral("imap"), QStringLiteral("imaps")};

// What exists before the owner publishes anything: the host's address and its reverse name.
const QString kBaseZone = QStringLiteral("mail.example.org. A 127.0.0.1\n"
                                         "1.0.0.127.in-addr.arpa. PTR mail.example.org.\n");
const QString kPtr = QStringLiteral("1.0.0.127.in-addr.arpa. PTR mail.example.org.\n");

// The score step 7 shows once the test message is checked: the number on "Score: N / 10", and
// the deductions list as "points|title|why" lines (top-level items).
double waitForScore(pw::ui::TestPage& test, QStringList* deductions)
{
    pw::ui::DeliverabilityScoreView* view = test.scoreView();
    if (!view)
        return -1;
    if (!QTest::qWaitFor([view] { return view->score().has_value() && !view->isRunning(); },
                         kUiTimeoutMs * 3))
        return -1;
    const auto* label = test.findChild<QLabel*>(QStringLiteral("scoreLabel"));
    const auto* list = test.findChild<QTreeWidget*>(QStringLiteral("deductionsList"));
    if (!label || !list || !label->isVisible() || !list->isVisible())
        return -1;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = list->topLevelItem(i);
        deductions->append(item->text(0) + QLatin1Char('|') + item->text(1) + QLatin1Char('|') +
                           item->text(2));
    }
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^Score: (\\d+(?:\\.\\d)?) / 10$")).match(label->text());
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

} // namespace

class TestWizardFinish : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void goodZoneEndToEnd();
    void brokenZoneShowsProblems();

private:
    void startService();
    // The service started, the wizard shown for it (m_wizard) and walked to the DNS step; the
    // caller checks QTest::currentTestFailed() after it.
    void openWizardAtDnsStep();
    // From the welcome page to the DNS step, as an owner would: type, press Next.
    void walkToDnsStep(SetupWizard& wizard);
    void pressNext(SetupWizard& wizard, int expectedId, int timeoutMs = kUiTimeoutMs);
    void fillAccounts(SetupWizard& wizard);
    pw::ui::DnsRecordsPage* dnsPage(SetupWizard& wizard);
    void verifyAndWait(pw::ui::DnsRecordsPage& page);
    // The records exactly as the page exports them, plus the reverse name.
    QString publishedZone(pw::ui::DnsRecordsPage& page);

    std::unique_ptr<TestDnsServer> m_dns;
    std::unique_ptr<TestService> m_service;
    std::unique_ptr<pw::app::ServiceManager> m_manager;
    std::unique_ptr<SetupWizard> m_wizard;
    QMap<QString, quint16> m_ports;
};

void TestWizardFinish::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWizardFinish::init()
{
    // Every walk starts at the welcome page, with nothing remembered.
    QSettings().clear();
    m_dns = std::make_unique<TestDnsServer>();
    m_service = std::make_unique<TestService>();
}

void TestWizardFinish::cleanup()
{
    m_wizard.reset();
    m_manager.reset();
    // A service the wizard restarted is a daemon, nobody's child: stopped here, whatever happened.
    if (m_service)
        pw::test::stopServiceHoldingLock(m_service->dataDir(), m_service->pid());
    m_service.reset();
    m_dns.reset();
    QSettings().clear();
}

void TestWizardFinish::startService()
{
    QVERIFY2(m_dns->start(kBaseZone), qPrintable(m_dns->errorString()));
    const QList<quint16> ports = freePorts(static_cast<int>(kRoles.size()));
    QCOMPARE(ports.size(), kRoles.size());
    QString config = QStringLiteral("[service]\nhostname = %1\n\n[listen]\n").arg(kHost);
    for (int i = 0; i < kRoles.size(); ++i) {
        m_ports.insert(kRoles.at(i), ports.at(i));
        config += QStringLiteral("%1 = 127.0.0.1:%2\n").arg(kRoles.at(i)).arg(ports.at(i));
    }
    config += QStringLiteral("\n[dns]\nservers = %1\n").arg(m_dns->address());
    QVERIFY2(m_service->writeFile(m_service->configPath(), config), qPrintable(m_service->errorString()));
    QVERIFY2(m_service->launch(), qPrintable(m_service->errorString()));
}

void TestWizardFinish::openWizardAtDnsStep()
{
    startService();
    if (QTest::currentTestFailed())
        return;
    m_manager = std::make_unique<pw::app::ServiceManager>(m_service->dataDir(), m_service->socketPath());
    m_wizard = std::make_unique<SetupWizard>(*m_manager);
    m_wizard->resize(1180, 820);
    m_manager->attach(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->state(), pw::app::ServiceManager::State::Running, kUiTimeoutMs);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    walkToDnsStep(*m_wizard);
}

void TestWizardFinish::pressNext(SetupWizard& wizard, int expectedId, int timeoutMs)
{
    QAbstractButton* next = wizard.button(QWizard::NextButton);
    QVERIFY(next);
    QTRY_VERIFY_WITH_TIMEOUT(next->isVisible() && next->isEnabled(), timeoutMs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), expectedId, timeoutMs);
}

void TestWizardFinish::walkToDnsStep(SetupWizard& wizard)
{
    QCOMPARE(wizard.currentId(), int(SetupWizard::WelcomeStep));
    pressNext(wizard, SetupWizard::DomainStep);
    if (QTest::currentTestFailed())
        return;

    // Steps 2 to 4 are typed where the pages offer a field; a page without one gets its field
    // set, as the owner's typing would.
    const auto type = [&wizard](const char* editName, const QString& field, const QString& text) {
        if (auto* edit = wizard.currentPage()->findChild<QLineEdit*>(QLatin1String(editName))) {
            edit->clear();
            QTest::keyClicks(edit, text);
        } else {
            wizard.setField(field, text);
        }
    };
    type("domainLineEdit", QStringLiteral("domain"), kDomain);
    type("hostnameLineEdit", QStringLiteral("hostname"), kHost);
    pressNext(wizard, SetupWizard::NetworkStep);
    if (QTest::currentTestFailed())
        return;
    type("publicAddressesLineEdit", QStringLiteral("publicAddresses"), kAddress);
    pressNext(wizard, SetupWizard::PortsStep);
    if (QTest::currentTestFailed())
        return;
    pressNext(wizard, SetupWizard::DnsStep);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(wizard.field(QStringLiteral("domain")).toString(), kDomain);
}

pw::ui::DnsRecordsPage* TestWizardFinish::dnsPage(SetupWizard& wizard)
{
    return qobject_cast<pw::ui::DnsRecordsPage*>(wizard.page(SetupWizard::DnsStep));
}

void TestWizardFinish::verifyAndWait(pw::ui::DnsRecordsPage& page)
{
    auto* verify = page.findChild<QPushButton*>(QStringLiteral("verifyNowButton"));
    QVERIFY(verify);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isVerifying(), kUiTimeoutMs);
    QTest::mouseClick(verify, Qt::LeftButton);
    QVERIFY(page.isVerifying());
    QTRY_VERIFY_WITH_TIMEOUT(!page.isVerifying() && page.hasVerified(), kUiTimeoutMs);
}

QString TestWizardFinish::publishedZone(pw::ui::DnsRecordsPage& page)
{
    const QString path = m_service->tempDir() + QStringLiteral("/published.zone");
    if (!page.exportZone(path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()) + kPtr;
}

void TestWizardFinish::fillAccounts(SetupWizard& wizard)
{
    QWizardPage* page = wizard.currentPage();
    auto* mailbox = page->findChild<QLineEdit*>(QStringLiteral("mailboxLineEdit"));
    auto* password = page->findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"));
    auto* again = page->findChild<QLineEdit*>(QStringLiteral("passwordAgainLineEdit"));
    QVERIFY(mailbox && password && again);
    mailbox->clear();
    QTest::keyClicks(mailbox, QStringLiteral("anna"));
    QTest::keyClicks(password, kPassword);
    QTest::keyClicks(again, kPassword);
}

void TestWizardFinish::goodZoneEndToEnd()
{
    openWizardAtDnsStep();
    if (QTest::currentTestFailed())
        return;
    SetupWizard& wizard = *m_wizard;

    // Step 5, nothing published yet: the records are there to copy, and DNS has only the A.
    pw::ui::DnsRecordsPage* page = dnsPage(wizard);
    QVERIFY(page);
    auto* table = page->findChild<pw::ui::RecordsTable*>(QStringLiteral("recordsTable"));
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, kUiTimeoutMs);
    const int mxRow = rowOf(*table, QStringLiteral("MX"));
    const int spfRow = rowOf(*table, QStringLiteral("TXT"), kDomain);
    const int dmarcRow = rowOf(*table, QStringLiteral("TXT"), QStringLiteral("_dmarc."));
    const int dkimRow = rowOf(*table, QStringLiteral("TXT"), QString(), QStringLiteral("._domainkey."));
    const int aRow = rowOf(*table, QStringLiteral("A"));
    const int srvRow = rowOf(*table, QStringLiteral("SRV"));
    QVERIFY2(mxRow >= 0 && spfRow >= 0 && dmarcRow >= 0 && dkimRow >= 0 && aRow >= 0 && srvRow >= 0,
             qPrintable(describeRows(*table)));
    QCOMPARE(table->item(mxRow, pw::ui::RecordsTable::ValueColumn)->text(),
             QStringLiteral("10 mail.example.org."));
    QVERIFY(table->item(spfRow, pw::ui::RecordsTable::ValueColumn)
                ->text()
                .contains(QStringLiteral("ip4:127.0.0.1")));
    QVERIFY(table->records().at(mxRow).record.required);
    QVERIFY(!table->records().at(srvRow).record.required);
    // Required and optional rows look different, in words and in type.
    QVERIFY(table->item(mxRow, pw::ui::RecordsTable::PurposeColumn)
                ->text()
                .startsWith(QStringLiteral("Required.")));
    QVERIFY(table->item(srvRow, pw::ui::RecordsTable::PurposeColumn)
                ->text()
                .startsWith(QStringLiteral("Optional.")));
    QVERIFY(table->item(mxRow, pw::ui::RecordsTable::NameColumn)->font().bold());
    QVERIFY(table->item(srvRow, pw::ui::RecordsTable::NameColumn)->font().italic());

    auto* copy = table->findChild<QToolButton*>(QStringLiteral("copyButton_%1").arg(spfRow));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), table->records().at(spfRow).record.value);

    verifyAndWait(*page);
    QVERIFY2(table->statusText(mxRow) == QLatin1String("Missing"), qPrintable(describeRows(*table)));
    QCOMPARE(table->statusText(spfRow), QStringLiteral("Missing"));
    QCOMPARE(table->statusText(dmarcRow), QStringLiteral("Missing"));
    QCOMPARE(table->statusText(dkimRow), QStringLiteral("Missing"));
    QCOMPARE(table->statusText(aRow), QStringLiteral("OK"));
    QCOMPARE(table->statusText(srvRow), QStringLiteral("Not published"));
    QCOMPARE(table->item(mxRow, pw::ui::RecordsTable::FoundColumn)->text(), QStringLiteral("(nothing)"));
    QVERIFY(!page->requiredRecordsFound());
    const auto* summary = page->findChild<QLabel*>(QStringLiteral("verifySummaryLabel"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("not in DNS yet")), qPrintable(summary->text()));
    auto* checks = page->checkPanel()->resultsView();
    QTRY_VERIFY_WITH_TIMEOUT(
        !page->checkPanel()->isRunning() && checks->hasResult(QStringLiteral("mx.present")), kUiTimeoutMs);
    QVERIFY2(statusOf(*checks, QStringLiteral("mx.present")) != QLatin1String("OK"),
             qPrintable(describeResults(*checks)));
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-5-dns-records-missing")).isEmpty());

    // The owner publishes exactly what the page exported; "Verify now" turns every required
    // row green: the verified configuration.
    const QString zone = publishedZone(*page);
    QVERIFY2(
        zone.contains(QRegularExpression(QStringLiteral("\\sIN\\s+MX\\s+10 mail\\.example\\.org\\.\\n"))),
        qPrintable(zone));
    QVERIFY2(m_dns->setZone(zone), qPrintable(m_dns->errorString()));
    verifyAndWait(*page);
    QVERIFY2(requiredRowsOk(*table), qPrintable(describeRows(*table)));
    QVERIFY(page->requiredRecordsFound());
    QCOMPARE(table->statusText(srvRow), QStringLiteral("OK"));
    QCOMPARE(table->item(mxRow, pw::ui::RecordsTable::FoundColumn)->text(),
             QStringLiteral("10 mail.example.org."));
    QVERIFY2(summary->text().contains(QStringLiteral("required records are in DNS")),
             qPrintable(summary->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!page->checkPanel()->isRunning(), kUiTimeoutMs);
    for (const char* id : {"mx.present", "spf.record", "dmarc.record"})
        QVERIFY2(statusOf(*checks, QLatin1String(id)) == QLatin1String("OK"),
                 qPrintable(describeResults(*checks)));
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-5-dns-records-verified")).isEmpty());
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-5-dns-records")).isEmpty());

    // Step 6: passwords that differ are refused in plain words; then the mailbox is made.
    pressNext(wizard, SetupWizard::AccountsStep);
    if (QTest::currentTestFailed())
        return;
    fillAccounts(wizard);
    auto* again = wizard.currentPage()->findChild<QLineEdit*>(QStringLiteral("passwordAgainLineEdit"));
    QTest::keyClicks(again, QStringLiteral("x"));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    const auto* error = wizard.currentPage()->findChild<QLabel*>(QStringLiteral("accountsErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not the same")), qPrintable(error->text()));
    QCOMPARE(wizard.currentId(), int(SetupWizard::AccountsStep));
    again->clear();
    QTest::keyClicks(again, kPassword);
    QVERIFY(!error->isVisible());
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-6-accounts")).isEmpty());
    pressNext(wizard, SetupWizard::TestStep);
    if (QTest::currentTestFailed())
        return;

    const QJsonArray mailboxes =
        control(*m_service, QStringLiteral("mailbox.list"), {{QStringLiteral("domain"), kDomain}})
            .value(QStringLiteral("mailboxes"))
            .toArray();
    QCOMPARE(mailboxes.size(), 1);
    QCOMPARE(mailboxes.at(0).toObject().value(QStringLiteral("address")).toString(), kMailbox);
    const QJsonArray aliases =
        control(*m_service, QStringLiteral("alias.list"), {{QStringLiteral("domain"), kDomain}})
            .value(QStringLiteral("aliases"))
            .toArray();
    QCOMPARE(aliases.size(), 1);
    QCOMPARE(aliases.at(0).toObject().value(QStringLiteral("address")).toString(),
             QStringLiteral("abuse@example.org"));
    QCOMPARE(aliases.at(0).toObject().value(QStringLiteral("targets")).toArray(), QJsonArray{kMailbox});
    QString postmaster;
    for (const QJsonValue& domain :
         control(*m_service, QStringLiteral("domain.list")).value(QStringLiteral("domains")).toArray()) {
        if (domain.toObject().value(QStringLiteral("name")).toString() == kDomain)
            postmaster = domain.toObject().value(QStringLiteral("postmaster")).toString();
    }
    QCOMPARE(postmaster, kMailbox);

    // Step 7: the whole suite; the domain's records pass.
    auto* test = qobject_cast<pw::ui::TestPage*>(wizard.currentPage());
    QVERIFY(test);
    QTRY_VERIFY_WITH_TIMEOUT(test->hasRun() && !test->checkPanel()->isRunning(), kSuiteTimeoutMs);
    auto* suite = test->checkPanel()->resultsView();
    for (const char* id :
         {"mx.present", "mx.resolves", "spf.record", "spf.ourip", "dmarc.record", "ptr.fcrdns"})
        QVERIFY2(statusOf(*suite, QLatin1String(id)) == QLatin1String("OK"),
                 qPrintable(QLatin1String(id) + QLatin1Char('\n') + describeResults(*suite)));
    int dkimResults = 0;
    for (const pw::diag::CheckResult& result : suite->results()) {
        if (result.id.startsWith(QLatin1String("dkim."))) {
            ++dkimResults;
            QVERIFY2(result.status == pw::diag::CheckStatus::Pass, qPrintable(describeResults(*suite)));
        }
    }
    QVERIFY2(dkimResults > 0, qPrintable(describeResults(*suite)));
    QVERIFY(suite->hasResult(QStringLiteral("port.local.imaps")) ||
            suite->hasResult(QStringLiteral("port.local")));
    const auto* verdict = test->findChild<QLabel*>(QStringLiteral("testVerdictLabel"));
    QVERIFY(verdict);
    QCOMPARE(verdict->text(), pw::ui::TestPage::verdictFor(suite->results()));
    QCOMPARE(test->verdictText(), verdict->text());
    const auto* score = test->findChild<QLabel*>(QStringLiteral("scoreNoteLabel"));
    QVERIFY(score && score->text().contains(QStringLiteral("scoring engine")));
    QVERIFY(visibleStatuses(*test).contains(QStringLiteral("OK")));
    QVERIFY(test->findChild<QPushButton*>(QStringLiteral("recheckButton")));
    // The score: a test message from the new mailbox, signed and checked as a receiver would.
    QStringList deductions;
    const double points = waitForScore(*test, &deductions);
    QVERIFY2(points >= 8 && points <= 10,
             qPrintable(QString::number(points) + QLatin1Char('\n') + deductions.join(QLatin1Char('\n'))));
    const QJsonObject answer = test->scoreView()->testAnswer();
    QCOMPARE(answer.value(QStringLiteral("from")).toString(), kMailbox);
    const QJsonArray signatures = answer.value(QStringLiteral("dkim")).toArray();
    QVERIFY2(!signatures.isEmpty(), qPrintable(QJsonDocument(answer).toJson()));
    for (const QJsonValue& signature : signatures)
        QCOMPARE(signature.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
    QCOMPARE(answer.value(QStringLiteral("spf")).toObject().value(QStringLiteral("result")).toString(),
             QStringLiteral("pass"));
    for (const QString& line : std::as_const(deductions))
        QVERIFY2(!line.contains(QStringLiteral("of the test message")),
                 qPrintable(deductions.join(QLatin1Char('\n'))));
    const auto* authText = test->findChild<QPlainTextEdit*>(QStringLiteral("authResultsText"));
    QVERIFY(authText && authText->isReadOnly() && authText->isVisible());
    QVERIFY2(authText->toPlainText().startsWith(QStringLiteral("Authentication-Results: mail.example.org;")),
             qPrintable(authText->toPlainText()));
    QVERIFY(authText->toPlainText().contains(QStringLiteral("dkim=pass header.d=example.org")));
    QVERIFY(authText->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QVERIFY(!test->findChild<QProgressBar*>(QStringLiteral("scoreProgressBar"))->isVisible());
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-7-test")).isEmpty());

    // Step 8: the settings for mail programs, with the service's real ports.
    pressNext(wizard, SetupWizard::FinishStep);
    if (QTest::currentTestFailed())
        return;
    auto* finish = qobject_cast<pw::ui::FinishPage*>(wizard.currentPage());
    QVERIFY(finish);
    const auto* settings = finish->findChild<QTableWidget*>(QStringLiteral("clientSettingsTable"));
    QVERIFY(settings);
    QTRY_COMPARE_WITH_TIMEOUT(settings->rowCount(), 4, kUiTimeoutMs);
    const QList<QStringList> expectedRows{
        {QStringLiteral("Incoming mail (IMAP)"), kHost, QString::number(m_ports.value("imaps")),
         QStringLiteral("SSL/TLS"), kMailbox},
        {QStringLiteral("Incoming mail (IMAP)"), kHost, QString::number(m_ports.value("imap")),
         QStringLiteral("STARTTLS"), kMailbox},
        {QStringLiteral("Outgoing mail (SMTP)"), kHost, QString::number(m_ports.value("submissions")),
         QStringLiteral("SSL/TLS"), kMailbox},
        {QStringLiteral("Outgoing mail (SMTP)"), kHost, QString::number(m_ports.value("submission")),
         QStringLiteral("STARTTLS"), kMailbox},
    };
    for (int row = 0; row < expectedRows.size(); ++row) {
        for (int column = 0; column < pw::ui::FinishPage::ColumnCount; ++column)
            QCOMPARE(settings->item(row, column)->text(), expectedRows.at(row).at(column));
    }
    const auto* status = finish->findChild<QLabel*>(QStringLiteral("finishStatusLabel"));
    QVERIFY(status);
    QCOMPARE(status->text(), QStringLiteral("All required DNS records are in place."));

    const QString html = finish->summaryHtml();
    for (const QString& expected :
         {kDomain, kHost, kAddress, kMailbox, QStringLiteral("required records were found in DNS"),
          QStringLiteral("abuse@example.org → anna@example.org"), QString::number(m_ports.value("imaps")),
          verdict->text().toHtmlEscaped()})
        QVERIFY2(html.contains(expected), qPrintable(expected + QLatin1Char('\n') + html));
    QVERIFY(!html.contains(kPassword));
    const QString htmlPath = m_service->tempDir() + QStringLiteral("/summary.html");
    const QString pdfPath = m_service->tempDir() + QStringLiteral("/summary.pdf");
    QVERIFY(finish->saveSummary(htmlPath));
    QVERIFY(finish->saveSummary(pdfPath));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(QFileInfo(htmlPath).size() > 1000);
    QVERIFY(finish->findChild<QPushButton*>(QStringLiteral("printButton")));
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-8-finish")).isEmpty());

    QAbstractButton* finishButton = wizard.button(QWizard::FinishButton);
    QVERIFY(finishButton && finishButton->isVisible());
    QTest::mouseClick(finishButton, Qt::LeftButton);
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QVERIFY(SetupWizard::wasCompleted());
}

void TestWizardFinish::brokenZoneShowsProblems()
{
    openWizardAtDnsStep();
    if (QTest::currentTestFailed())
        return;
    SetupWizard& wizard = *m_wizard;

    // Everything published, but with an SPF record that leaves this server out.
    pw::ui::DnsRecordsPage* page = dnsPage(wizard);
    QVERIFY(page);
    auto* table = page->recordsTable();
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, kUiTimeoutMs);
    QString zone = publishedZone(*page);
    const QString ourSpf = QStringLiteral("\"v=spf1 mx ip4:127.0.0.1 -all\"");
    QVERIFY2(zone.contains(ourSpf), qPrintable(zone));
    zone.replace(ourSpf, QStringLiteral("\"v=spf1 ip4:192.0.2.99 -all\""));
    // The page looked once by itself on arrival, before anything was published.
    QTRY_VERIFY_WITH_TIMEOUT(!page->isVerifying() && page->hasVerified(), kUiTimeoutMs);
    QCOMPARE(table->statusText(rowOf(*table, QStringLiteral("MX"))), QStringLiteral("Missing"));
    QVERIFY2(m_dns->setZone(zone), qPrintable(m_dns->errorString()));
    // No button pressed: while the page is shown it looks again by itself (every minute; here
    // sooner), and the rows follow DNS.
    page->setAutoVerifyInterval(300);
    QTRY_VERIFY2_WITH_TIMEOUT(page->recordsTable()->statusText(rowOf(*table, QStringLiteral("MX"))) ==
                                  QLatin1String("OK"),
                              qPrintable(describeRows(*table)), kUiTimeoutMs);
    page->setAutoVerifyInterval(60000);
    verifyAndWait(*page);
    const int spfRow = rowOf(*table, QStringLiteral("TXT"), kDomain);
    const int mxRow = rowOf(*table, QStringLiteral("MX"));
    QVERIFY(spfRow >= 0 && mxRow >= 0);
    QVERIFY2(table->statusText(spfRow) == QLatin1String("Different"), qPrintable(describeRows(*table)));
    QCOMPARE(table->item(spfRow, pw::ui::RecordsTable::FoundColumn)->text(),
             QStringLiteral("\"v=spf1 ip4:192.0.2.99 -all\""));
    QCOMPARE(table->statusText(mxRow), QStringLiteral("OK"));
    QVERIFY(!page->requiredRecordsFound());
    const auto* summary = page->findChild<QLabel*>(QStringLiteral("verifySummaryLabel"));
    QVERIFY2(summary->text().startsWith(QStringLiteral("1 of ")), qPrintable(summary->text()));
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-5-dns-records-broken")).isEmpty());

    pressNext(wizard, SetupWizard::AccountsStep);
    if (QTest::currentTestFailed())
        return;
    fillAccounts(wizard);
    pressNext(wizard, SetupWizard::TestStep);
    if (QTest::currentTestFailed())
        return;
    auto* test = qobject_cast<pw::ui::TestPage*>(wizard.currentPage());
    QVERIFY(test);
    QTRY_VERIFY_WITH_TIMEOUT(test->hasRun() && !test->checkPanel()->isRunning(), kSuiteTimeoutMs);
    auto* suite = test->checkPanel()->resultsView();
    QVERIFY2(statusOf(*suite, QStringLiteral("spf.ourip")) == QLatin1String("Problem"),
             qPrintable(describeResults(*suite)));
    QCOMPARE(statusOf(*suite, QStringLiteral("mx.present")), QStringLiteral("OK"));
    QVERIFY(visibleStatuses(*test).contains(QStringLiteral("Problem")));
    const auto* verdict = test->findChild<QLabel*>(QStringLiteral("testVerdictLabel"));
    QVERIFY2(verdict->text().contains(QStringLiteral("must be fixed")), qPrintable(verdict->text()));
    // The test message's SPF fails: the score says so, lower, with SPF among what cost points.
    QStringList deductions;
    const double points = waitForScore(*test, &deductions);
    QVERIFY2(points >= 0 && points <= 8,
             qPrintable(QString::number(points) + QLatin1Char('\n') + deductions.join(QLatin1Char('\n'))));
    QCOMPARE(test->scoreView()
                 ->testAnswer()
                 .value(QStringLiteral("spf"))
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("fail"));
    QVERIFY2(deductions.indexOf(QRegularExpression(QStringLiteral("^−2\\|SPF of the test message\\|.+"))) >=
                 0,
             qPrintable(deductions.join(QLatin1Char('\n'))));
    const auto* authText = test->findChild<QPlainTextEdit*>(QStringLiteral("authResultsText"));
    QVERIFY(authText && authText->toPlainText().contains(QStringLiteral("spf=fail smtp.mailfrom=")));
    QVERIFY(!saveScreenshot(wizard, QStringLiteral("wizard-7-test-broken")).isEmpty());

    pressNext(wizard, SetupWizard::FinishStep);
    if (QTest::currentTestFailed())
        return;
    const auto* status = wizard.currentPage()->findChild<QLabel*>(QStringLiteral("finishStatusLabel"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("step 5")), qPrintable(status->text()));
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestWizardFinish>(argc, argv);
}

#include "tst_wizard_finish.moc"
