// The console's dashboard and directory pages against a real postwardend (with an SMTP listener on
// loopback and a loopback DNS server): domains, mailboxes, aliases and catch-all made through the
// widgets show in the tables and in the service; mail delivered over SMTP shows on the dashboard.
// Offscreen; screenshots of every page land in the build tree.

#include "app/ServiceManager.h"
#include "app/models/AliasListModel.h"
#include "app/models/DomainListModel.h"
#include "app/models/MailboxListModel.h"
#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"
#include "tests/ui/console/ConsoleTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/console/ActionStatus.h"
#include "ui/console/AliasesView.h"
#include "ui/console/DashboardView.h"
#include "ui/console/DomainsView.h"
#include "ui/console/HourlyChart.h"
#include "ui/console/MailboxDialog.h"
#include "ui/console/MailboxesView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <memory>

using pw::test::saveScreenshot;
using pw::test::TestService;
using pw::ui::MainWindow;
using namespace pw::test::ui;
using pw::test::child;
using pw::test::freeLoopbackPort;
using pw::test::labelText;

namespace {

constexpr int kUiTimeoutMs = 20000;
const QString kDomain = QStringLiteral("example.test");
const QString kAlice = QStringLiteral("alice@example.test");
const QString kBob = QStringLiteral("bob@example.test");
const QString kCarol = QStringLiteral("carol@example.test");
const QString kSales = QStringLiteral("sales@example.test");

// Checks the model for the rest of the test, failing it where the model breaks its contract.
std::unique_ptr<QAbstractItemModelTester> watchModel(QAbstractItemModel& model)
{
    return std::make_unique<QAbstractItemModelTester>(&model,
                                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
}

// The visible T below `parent` once it shows up, or null after the UI timeout.
template<typename T> T* waitForVisible(const QWidget* parent)
{
    T* found = nullptr;
    return QTest::qWaitFor([&] { return (found = visibleChild<T>(parent)) != nullptr; }, kUiTimeoutMs)
               ? found
               : nullptr;
}

bool screenshotSaved(QWidget& widget, const QString& name)
{
    const QString path = saveScreenshot(widget, name);
    return !path.isEmpty() && QFileInfo(path).size() > 0;
}

} // namespace

class TestConsoleDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // In this order, each building on the one before, in one window on one service.
    void domainAddedWithItsRecords();
    void mailboxesCreatedThroughTheDialog();
    void mailboxQuotaPasswordAndDisabled();
    void mailboxRemovedAfterConfirmation();
    void aliasAndCatchallAdded();
    void postmasterChosenAndCatchallShownOnDomains();
    void dashboardCountsTheDirectory();
    void dashboardShowsTodaysMail();

private:
    [[nodiscard]] QJsonObject request(const QString& method, const QJsonObject& params = {}) const;
    [[nodiscard]] QString ctl(const QStringList& arguments) const;
    // The domains as `postwardenctl --json domain list` lists them.
    [[nodiscard]] QJsonArray listedDomains() const;
    pw::ui::MailboxesView* showMailboxes();

    pw::test::TestDnsServer m_dns;
    std::unique_ptr<TestService> m_service;
    std::unique_ptr<pw::app::ServiceManager> m_manager;
    std::unique_ptr<MainWindow> m_window;
    quint16 m_smtpPort = 0;
};

void TestConsoleDirectory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // No name in this zone exists: SPF, DKIM and DMARC of the test's sender find nothing, and
    // nothing is asked of the internet.
    QVERIFY2(m_dns.start(QStringLiteral("# empty\n")), qPrintable(m_dns.errorString()));
    // A port picked here may be taken before the service binds it; then another one.
    for (int attempt = 0; attempt < 3 && !m_service; ++attempt) {
        auto service = std::make_unique<TestService>();
        m_smtpPort = freeLoopbackPort();
        QVERIFY(m_smtpPort != 0);
        const QString config = QStringLiteral("[service]\nhostname = mx.example.test\n"
                                              "[listen]\nsmtp = 127.0.0.1:%1\nsubmission =\nsubmissions =\n"
                                              "imap =\nimaps =\n"
                                              "[dns]\nservers = %2\nquery_timeout = 1000\nretry_limit = 1\n")
                                   .arg(m_smtpPort)
                                   .arg(m_dns.address());
        QVERIFY(service->writeFile(service->configPath(), config));
        if (service->launch())
            m_service = std::move(service);
        else
            qWarning("postwardend did not start: %s", qPrintable(service->errorString()));
    }
    QVERIFY2(m_service, "postwardend did not start with an SMTP listener");

    m_manager = std::make_unique<pw::app::ServiceManager>(m_service->dataDir(), m_service->socketPath());
    m_window = std::make_unique<MainWindow>(*m_manager);
    m_window->showPage(MainWindow::DomainsPage);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get())); // for the keyboard shortcuts
    m_manager->attach(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->state(), pw::app::ServiceManager::State::Running, kUiTimeoutMs);
}

void TestConsoleDirectory::cleanupTestCase()
{
    m_window.reset();
    m_manager.reset();
    m_service.reset();
    m_dns.stop();
}

QJsonObject TestConsoleDirectory::request(const QString& method, const QJsonObject& params) const
{
    const QJsonObject call{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                           {QStringLiteral("id"), 1},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("params"), params}};
    return QJsonDocument::fromJson(
               TestService::rawRequest(m_service->socketPath(),
                                       QJsonDocument(call).toJson(QJsonDocument::Compact)))
        .object();
}

QString TestConsoleDirectory::ctl(const QStringList& arguments) const
{
    const pw::test::ProgramResult result = m_service->runCtl(arguments);
    return result.exitCode == 0 ? result.stdOut
                                : QStringLiteral("<exit %1: %2>").arg(result.exitCode).arg(result.stdErr);
}

QJsonArray TestConsoleDirectory::listedDomains() const
{
    return QJsonDocument::fromJson(
               ctl({QStringLiteral("--json"), QStringLiteral("domain"), QStringLiteral("list")}).toUtf8())
        .object()
        .value(QStringLiteral("domains"))
        .toArray();
}

pw::ui::MailboxesView* TestConsoleDirectory::showMailboxes()
{
    m_window->showPage(MainWindow::MailboxesPage);
    return m_window->mailboxesView();
}

void TestConsoleDirectory::domainAddedWithItsRecords()
{
    m_window->showPage(MainWindow::DomainsPage);
    pw::ui::DomainsView* domains = m_window->domainsView();
    const auto domainsTester = watchModel(domains->model());
    auto* newDomain = child<QLineEdit>(domains, "newDomainLineEdit");
    auto* addDomain = child<QPushButton>(domains, "addDomainButton");
    auto* removeDomain = child<QPushButton>(domains, "removeDomainButton");
    QVERIFY(newDomain && addDomain && removeDomain);
    QVERIFY(!addDomain->isEnabled());
    QVERIFY(!removeDomain->isEnabled()); // nothing selected
    typeInto(newDomain, kDomain);
    QVERIFY(addDomain->isEnabled());
    QTest::keyClick(newDomain, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(domains->model().keys(), QStringList{kDomain}, kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(domains->selectedDomain(), kDomain, kUiTimeoutMs);
    QVERIFY(removeDomain->isEnabled());
    QVERIFY(newDomain->text().isEmpty());
    QCOMPARE(ctl({QStringLiteral("domain"), QStringLiteral("list")}), kDomain + QLatin1Char('\n'));
    QVERIFY(domains->actionStatus().message().contains(kDomain));
    QVERIFY(!domains->actionStatus().isError());
    // Its DNS records, read-only, among them the MX and a DKIM key.
    auto* records = child<QTableWidget>(domains, "recordsTableWidget");
    QVERIFY(records);
    QTRY_VERIFY_WITH_TIMEOUT(records->rowCount() >= 3, kUiTimeoutMs);
    QStringList types;
    for (int row = 0; row < records->rowCount(); ++row)
        types.append(records->item(row, 0)->text());
    QVERIFY2(types.contains(QStringLiteral("MX")), qPrintable(types.join(QLatin1Char(' '))));
    QVERIFY(types.contains(QStringLiteral("TXT")));
    QCOMPARE(records->editTriggers(), QAbstractItemView::NoEditTriggers);
    QCOMPARE(labelText(domains, "domainTitleLabel"), kDomain);
    // A second add of the same domain fails, and says so.
    typeInto(newDomain, kDomain);
    QTest::mouseClick(addDomain, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(domains->actionStatus().isError(), kUiTimeoutMs);
    QVERIFY2(domains->actionStatus().message().startsWith(QStringLiteral("Could not add example.test: ")),
             qPrintable(domains->actionStatus().message()));
}

void TestConsoleDirectory::mailboxesCreatedThroughTheDialog()
{
    pw::ui::MailboxesView* mailboxes = showMailboxes();
    const auto mailboxTester = watchModel(mailboxes->model());
    auto* create = child<QPushButton>(mailboxes, "newMailboxButton");
    auto* setPassword = child<QPushButton>(mailboxes, "setPasswordButton");
    auto* setQuota = child<QPushButton>(mailboxes, "setQuotaButton");
    auto* toggle = child<QPushButton>(mailboxes, "toggleDisabledButton");
    auto* remove = child<QPushButton>(mailboxes, "removeMailboxButton");
    QVERIFY(create && setPassword && setQuota && toggle && remove);
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->model().rowCount(), 0, kUiTimeoutMs);
    for (QPushButton* needsSelection : {setPassword, setQuota, toggle, remove})
        QVERIFY(!needsSelection->isEnabled());

    QTest::mouseClick(create, Qt::LeftButton);
    pw::ui::MailboxDialog* dialog = nullptr;
    QVERIFY((dialog = waitForVisible<pw::ui::MailboxDialog>(mailboxes)) != nullptr);
    QCOMPARE(dialog->mode(), pw::ui::MailboxDialog::Mode::Create);
    auto* address = child<QLineEdit>(dialog, "mailboxAddressLineEdit");
    auto* password = child<QLineEdit>(dialog, "mailboxPasswordLineEdit");
    auto* confirm = child<QLineEdit>(dialog, "mailboxConfirmLineEdit");
    auto* quota = child<QSpinBox>(dialog, "mailboxQuotaSpinBox");
    auto* buttons = child<QDialogButtonBox>(dialog, "mailboxDialogButtonBox");
    QVERIFY(address && password && confirm && quota && buttons);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    typeInto(address, kAlice);
    typeInto(password, QStringLiteral("correct horse"));
    typeInto(confirm, QStringLiteral("correct hose"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(labelText(dialog, "mailboxDialogHintLabel"), QStringLiteral("The two passwords differ."));
    typeInto(confirm, QStringLiteral("correct horse"));
    QVERIFY(ok->isEnabled());
    quota->setFocus();
    quota->selectAll();
    QTest::keyClicks(quota, QStringLiteral("50"));
    QCOMPARE(dialog->quotaBytes(), qint64(50) * 1024 * 1024);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mailboxes->model().rowOfKey(kAlice) >= 0, kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->selectedMailbox(), kAlice, kUiTimeoutMs);
    QVERIFY(ctl({QStringLiteral("mailbox"), QStringLiteral("list")})
                .contains(kAlice + QStringLiteral("  quota 50M")));

    // Two more through the dialog's API, one of them twice: the service's refusal is shown.
    for (const QString& box : {kBob, kCarol, kBob}) {
        pw::ui::MailboxDialog* more = mailboxes->openCreateDialog();
        QVERIFY(more && more->isVisible());
        more->setAddress(box);
        more->setPassword(QStringLiteral("another secret"));
        QVERIFY(more->problem().isEmpty());
        more->accept();
        QTRY_VERIFY_WITH_TIMEOUT(mailboxes->model().rowOfKey(box) >= 0, kUiTimeoutMs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(mailboxes->actionStatus().isError(), kUiTimeoutMs);
    QVERIFY2(
        mailboxes->actionStatus().message().startsWith(QStringLiteral("Could not create bob@example.test: ")),
        qPrintable(mailboxes->actionStatus().message()));
    QCOMPARE(mailboxes->model().rowCount(), 3);
}

void TestConsoleDirectory::mailboxQuotaPasswordAndDisabled()
{
    pw::ui::MailboxesView* mailboxes = showMailboxes();
    const auto tester = watchModel(mailboxes->model());
    auto* table = child<QTableView>(mailboxes, "mailboxesTableView");
    QVERIFY(table);
    auto* setQuota = child<QPushButton>(mailboxes, "setQuotaButton");
    auto* toggle = child<QPushButton>(mailboxes, "toggleDisabledButton");
    QVERIFY(setQuota && toggle);
    pw::ui::MailboxDialog* dialog = nullptr;
    // Quota of alice: select her row with the mouse, then the quota dialog.
    clickRow(table, mailboxes->model().rowOfKey(kAlice));
    QCOMPARE(mailboxes->selectedMailbox(), kAlice);
    QVERIFY(setQuota->isEnabled());
    QTest::mouseClick(setQuota, Qt::LeftButton);
    QVERIFY((dialog = waitForVisible<pw::ui::MailboxDialog>(mailboxes)) != nullptr);
    QCOMPARE(dialog->mode(), pw::ui::MailboxDialog::Mode::Quota);
    QCOMPARE(dialog->address(), kAlice);
    QCOMPARE(dialog->quotaBytes(), qint64(50) * 1024 * 1024); // what it is now
    QVERIFY(!child<QLineEdit>(dialog, "mailboxPasswordLineEdit")->isVisible());
    dialog->setQuotaBytes(qint64(100) * 1024 * 1024);
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "mailboxDialogButtonBox")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    const int aliceRow = mailboxes->model().rowOfKey(kAlice);
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->model().quotaBytes(aliceRow), qint64(100) * 1024 * 1024,
                              kUiTimeoutMs);
    QVERIFY(ctl({QStringLiteral("mailbox"), QStringLiteral("list")})
                .contains(kAlice + QStringLiteral("  quota 100M")));
    QCOMPARE(mailboxes->model()
                 .index(aliceRow, pw::app::MailboxListModel::QuotaColumn)
                 .data(pw::app::MailboxListModel::QuotaBytesRole)
                 .toLongLong(),
             qint64(100) * 1024 * 1024);

    // A new password for alice; Enter on the table opens the same dialog.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY((dialog = waitForVisible<pw::ui::MailboxDialog>(mailboxes)) != nullptr);
    QCOMPARE(dialog->mode(), pw::ui::MailboxDialog::Mode::Password);
    QCOMPARE(dialog->address(), kAlice);
    dialog->setPassword(QStringLiteral("battery staple"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->actionStatus().message(),
                              QStringLiteral("The password of alice@example.test is changed."), kUiTimeoutMs);

    // Disable bob.
    clickRow(table, mailboxes->model().rowOfKey(kBob));
    QCOMPARE(mailboxes->selectedMailbox(), kBob);
    QCOMPARE(toggle->text(), QStringLiteral("&Disable"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mailboxes->model().isDisabled(mailboxes->model().rowOfKey(kBob)), kUiTimeoutMs);
    QTRY_COMPARE(toggle->text(), QStringLiteral("&Enable"));
    QCOMPARE(mailboxes->model()
                 .index(mailboxes->model().rowOfKey(kBob), pw::app::MailboxListModel::StateColumn)
                 .data()
                 .toString(),
             QStringLiteral("Disabled"));
    QVERIFY(ctl({QStringLiteral("mailbox"), QStringLiteral("list")})
                .contains(QRegularExpression(QStringLiteral("^bob@example\\.test .*disabled$"),
                                             QRegularExpression::MultilineOption)));
    QVERIFY(!ctl({QStringLiteral("mailbox"), QStringLiteral("list")})
                 .contains(QRegularExpression(QStringLiteral("^alice@example\\.test .*disabled$"),
                                              QRegularExpression::MultilineOption)));
}

void TestConsoleDirectory::mailboxRemovedAfterConfirmation()
{
    pw::ui::MailboxesView* mailboxes = showMailboxes();
    const auto tester = watchModel(mailboxes->model());
    auto* table = child<QTableView>(mailboxes, "mailboxesTableView");
    QVERIFY(table);
    // Delete on carol's row asks first; Cancel keeps her, Remove removes her.
    clickRow(table, mailboxes->model().rowOfKey(kCarol));
    QCOMPARE(mailboxes->selectedMailbox(), kCarol);
    for (const bool confirmIt : {false, true}) {
        // The dialogs took the activation; shortcuts need the window active and the table focused.
        QVERIFY(activate(*m_window));
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QVERIFY((box = waitForVisible<QMessageBox>(mailboxes)) != nullptr);
        QVERIFY(box->text().contains(kCarol));
        QTest::mouseClick(box->button(confirmIt ? QMessageBox::Yes : QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!box->isVisible());
        if (!confirmIt) {
            QTest::qWait(300);
            QVERIFY(mailboxes->model().rowOfKey(kCarol) >= 0);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->model().rowOfKey(kCarol), -1, kUiTimeoutMs);
    QVERIFY(!ctl({QStringLiteral("mailbox"), QStringLiteral("list")}).contains(kCarol));
    clickRow(table, mailboxes->model().rowOfKey(kAlice));
    QVERIFY(screenshotSaved(*m_window, QStringLiteral("console-mailboxes")));
}

void TestConsoleDirectory::aliasAndCatchallAdded()
{
    m_window->showPage(MainWindow::AliasesPage);
    pw::ui::AliasesView* aliases = m_window->aliasesView();
    const auto aliasTester = watchModel(aliases->model());
    auto* aliasAddress = child<QLineEdit>(aliases, "aliasAddressLineEdit");
    auto* aliasTargets = child<QLineEdit>(aliases, "aliasTargetsLineEdit");
    auto* addAlias = child<QPushButton>(aliases, "addAliasButton");
    auto* removeAlias = child<QPushButton>(aliases, "removeAliasButton");
    QVERIFY(aliasAddress && aliasTargets && addAlias && removeAlias);
    QVERIFY(!addAlias->isEnabled());
    QVERIFY(!removeAlias->isEnabled());
    QVERIFY(activate(*m_window));
    typeInto(aliasAddress, kSales);
    QTest::keyClick(aliasAddress, Qt::Key_Return); // on to the targets
    QVERIFY(aliasTargets->hasFocus());
    QTest::keyClicks(aliasTargets, kAlice + QStringLiteral(", ") + kBob);
    QVERIFY(addAlias->isEnabled());
    QTest::keyClick(aliasTargets, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(aliases->model().keys(), QStringList{kSales}, kUiTimeoutMs);
    QCOMPARE(aliases->model().targets(0), (QStringList{kAlice, kBob}));
    QCOMPARE(aliases->model().index(0, pw::app::AliasListModel::TargetsColumn).data().toString(),
             kAlice + QStringLiteral(", ") + kBob);
    QTRY_COMPARE_WITH_TIMEOUT(aliases->selectedAlias(), kSales, kUiTimeoutMs);
    QVERIFY(removeAlias->isEnabled());
    QCOMPARE(ctl({QStringLiteral("alias"), QStringLiteral("list")}),
             QStringLiteral("sales@example.test → alice@example.test, bob@example.test\n"));

    // The catch-all of the one domain, which the catch-all table selects by itself.
    auto* catchallTable = child<QTableView>(aliases, "catchallTableView");
    auto* catchallEdit = child<QLineEdit>(aliases, "catchallLineEdit");
    auto* catchallSet = child<QPushButton>(aliases, "catchallSetButton");
    auto* catchallClear = child<QPushButton>(aliases, "catchallClearButton");
    QVERIFY(catchallTable && catchallEdit && catchallSet && catchallClear);
    QTRY_COMPARE_WITH_TIMEOUT(aliases->domainModel().rowCount(), 1, kUiTimeoutMs);
    QTRY_VERIFY(catchallEdit->isEnabled());
    QVERIFY(!catchallClear->isEnabled()); // none yet
    typeInto(catchallEdit, kAlice);
    QTest::mouseClick(catchallSet, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(aliases->domainModel().catchall(0), kAlice, kUiTimeoutMs);
    QCOMPARE(catchallTable->model()->index(0, pw::app::DomainListModel::CatchallColumn).data().toString(),
             kAlice);
    QTRY_VERIFY(catchallClear->isEnabled());
    const QJsonArray listed = listedDomains();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("catchall")).toString(), kAlice);
    QVERIFY(screenshotSaved(*m_window, QStringLiteral("console-aliases")));
}

void TestConsoleDirectory::postmasterChosenAndCatchallShownOnDomains()
{
    pw::ui::DomainsView* domains = m_window->domainsView();
    m_window->showPage(MainWindow::DomainsPage);
    auto* domainCatchall = child<QLineEdit>(domains, "catchallLineEdit");
    auto* postmaster = child<QComboBox>(domains, "postmasterComboBox");
    auto* postmasterSet = child<QPushButton>(domains, "postmasterSetButton");
    QVERIFY(domainCatchall && postmaster && postmasterSet);
    QTRY_COMPARE_WITH_TIMEOUT(domainCatchall->text(), kAlice, kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(postmaster->findData(kBob) >= 0, kUiTimeoutMs);
    QVERIFY(postmaster->findData(kCarol) < 0);
    QVERIFY(!postmasterSet->isEnabled());
    postmaster->setCurrentIndex(postmaster->findData(kBob));
    QVERIFY(postmasterSet->isEnabled());
    QTest::mouseClick(postmasterSet, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(domains->model().postmaster(0), kBob, kUiTimeoutMs);
    QCOMPARE(listedDomains().at(0).toObject().value(QStringLiteral("postmaster")).toString(), kBob);
    QTRY_COMPARE(postmaster->currentData().toString(), kBob);
    QVERIFY(screenshotSaved(*m_window, QStringLiteral("console-domains")));
}

void TestConsoleDirectory::dashboardCountsTheDirectory()
{
    m_window->showPage(MainWindow::DashboardPage);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "domainCountLabel"), QStringLiteral("1"),
                              kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "mailboxCountLabel"), QStringLiteral("2"),
                              kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "aliasCountLabel"), QStringLiteral("1"),
                              kUiTimeoutMs);
    QCOMPARE(labelText(m_window.get(), "dashboardStateLabel"), QStringLiteral("Running"));
    QCOMPARE(labelText(m_window.get(), "dashboardVersionLabel"), QStringLiteral(POSTWARDEN_VERSION));
    QCOMPARE(labelText(m_window.get(), "dashboardListenersLabel"),
             QStringLiteral("smtp 127.0.0.1:%1").arg(m_smtpPort));
    QVERIFY(labelText(m_window.get(), "diagnosticsVerdictLabel").startsWith(QStringLiteral("Not run yet")));
}

void TestConsoleDirectory::dashboardShowsTodaysMail()
{
    m_window->showPage(MainWindow::DashboardPage);
    const QJsonObject stats = request(QStringLiteral("stats"));
    if (stats.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt() == -32601) {
        // A service without `stats`: the dashboard says it has no figures.
        QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "receivedTodayLabel"), QStringLiteral("—"),
                                  kUiTimeoutMs);
        QSKIP("this postwardend has no stats method yet");
    }
    const qint64 before = stats.value(QStringLiteral("result"))
                              .toObject()
                              .value(QStringLiteral("today"))
                              .toObject()
                              .value(QStringLiteral("received"))
                              .toInteger();
    QCOMPARE(before, 0); // a new service
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "receivedTodayLabel"), QStringLiteral("0"),
                              kUiTimeoutMs);

    for (int i = 1; i <= 2; ++i) {
        const QString problem = sendMail(m_smtpPort, QStringLiteral("sender@sender.example"), kAlice,
                                         QStringLiteral("hello-%1").arg(i));
        QVERIFY2(problem.isEmpty(),
                 qPrintable(problem + QLatin1Char('\n') + m_service->output().right(3000)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "receivedTodayLabel"), QStringLiteral("2"),
                              kUiTimeoutMs);
    QCOMPARE(labelText(m_window.get(), "sentTodayLabel"), QStringLiteral("0"));

    // The chart has the last 24 hours, the two messages in the newest one.
    const pw::ui::HourlyChart* chart = m_window->dashboardView()->chart();
    QCOMPARE(chart->hours().size(), 24);
    int received = 0;
    for (const pw::ui::HourlyChart::Hour& hour : chart->hours())
        received += hour.received;
    QCOMPARE(received, 2);
    QVERIFY(chart->hours().last().received >= 2);
    QVERIFY(chart->hourToolTip(23).contains(QStringLiteral("received")));
    QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("%1 received").arg(received)),
             qPrintable(chart->accessibleDescription()));
    QCOMPARE(chart->hourAt(QPoint(chart->width() - 10, chart->height() / 2)), 23);

    QVERIFY(screenshotSaved(*m_window, QStringLiteral("console-dashboard")));

    // Stopped: the dashboard says so instead of showing old figures.
    QVERIFY(m_service->stop());
    QTRY_COMPARE_WITH_TIMEOUT(labelText(m_window.get(), "dashboardStateLabel"), QStringLiteral("Not running"),
                              kUiTimeoutMs);
    QCOMPARE(labelText(m_window.get(), "receivedTodayLabel"), QStringLiteral("—"));
    QCOMPARE(labelText(m_window.get(), "domainCountLabel"), QStringLiteral("—"));
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestConsoleDirectory>(argc, argv);
}

#include "tst_console_directory.moc"
