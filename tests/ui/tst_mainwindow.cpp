// The main window against a real postwardend: status, live log, the banner when the service goes
// away, and starting it again from the banner. Offscreen; screenshots land in the build tree.

#include "app/ServiceManager.h"
#include "app/models/LogModel.h"
#include "tests/support/TestService.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/LogView.h"
#include "ui/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QWizard>
#include <QWizardPage>
#include <memory>

using pw::test::child;
using pw::test::labelText;
using pw::test::modelHasMessage;
using pw::test::processAlive;
using pw::test::saveScreenshot;
using pw::test::stopServiceHoldingLock;
using pw::test::TestService;

namespace {

constexpr int kUiTimeoutMs = 20000;
const QString kNotRunning = QStringLiteral("Not running");
const QString kRunning = QStringLiteral("Running");

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void statusPageShowsTheRunningService();
    void logPageShowsBacklogAndLiveRecords();
    void bannerAppearsWhenStoppedAndStartsTheServiceAgain();
    void pagesShortcutsWizardAndRememberedState();

private:
    std::unique_ptr<TestService> m_service;
};

void TestMainWindow::init()
{
    m_service = std::make_unique<TestService>();
}

void TestMainWindow::cleanup()
{
    // A postwardend the app started is a daemon, nobody's child: whoever holds the data
    // directory's lock now is stopped here, whatever happened in the test.
    stopServiceHoldingLock(m_service->dataDir(), m_service->pid());
    m_service.reset(); // stops ours and removes the directories
}

void TestMainWindow::statusPageShowsTheRunningService()
{
    TestService& service = *m_service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    pw::ui::MainWindow window(manager);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    manager.attach(false);

    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "stateLabel"), kRunning, kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "pidLabel"), QString::number(service.pid()), kUiTimeoutMs);
    QCOMPARE(labelText(window, "versionLabel"), QStringLiteral(POSTWARDEN_VERSION));
    QCOMPARE(labelText(window, "dataDirLabel"), service.dataDir());
    QCOMPARE(labelText(window, "configFileLabel"), service.configPath());
    QCOMPARE(labelText(window, "serviceStateLabel"), QStringLiteral("Service running"));
    QCOMPARE(manager.state(), pw::app::ServiceManager::State::Running);

    const QTableWidget* listeners = child<QTableWidget>(window, "listenersTableWidget");
    QVERIFY(listeners);
    QCOMPARE(listeners->rowCount(), 1);
    QCOMPARE(listeners->item(0, 0)->text(), QStringLiteral("control"));
    QCOMPARE(listeners->item(0, 1)->text(), service.socketPath());
    QCOMPARE(listeners->item(0, 2)->text(), QStringLiteral("listening"));

    const QWidget* banner = child<QWidget>(window, "serviceBanner");
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    window.showPage(pw::ui::MainWindow::ServicePage);
    const QString shot = saveScreenshot(window, QStringLiteral("mainwindow-status"));
    QVERIFY(!shot.isEmpty());
    QVERIFY(QFileInfo(shot).size() > 0);
}

void TestMainWindow::logPageShowsBacklogAndLiveRecords()
{
    TestService& service = *m_service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    pw::ui::MainWindow window(manager);
    pw::app::LogModel& model = window.logView()->model();
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QTableView* table = child<QTableView>(window, "logTableView");
    QVERIFY(table);
    auto* filter = qobject_cast<QSortFilterProxyModel*>(table->model());
    QVERIFY(filter);
    QAbstractItemModelTester filterTester(filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(pw::ui::MainWindow::LogsPage);
    manager.attach(false);

    // The backlog comes with the subscription.
    const QString started = QStringLiteral("postwardend %1 started").arg(QLatin1String(POSTWARDEN_VERSION));
    QTRY_VERIFY_WITH_TIMEOUT(modelHasMessage(model, started), kUiTimeoutMs);
    QCOMPARE(model.columnCount(), int(pw::app::LogModel::ColumnCount));
    int startRow = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.record(row).message == started)
            startRow = row;
    }
    QVERIFY(startRow >= 0);
    QCOMPARE(model.index(startRow, pw::app::LogModel::LevelColumn).data().toString(),
             QStringLiteral("notice"));
    QCOMPARE(model.index(startRow, pw::app::LogModel::CategoryColumn).data().toString(),
             QStringLiteral("service"));
    QVERIFY(model.index(startRow, pw::app::LogModel::MessageColumn)
                .data()
                .toString()
                .contains(QStringLiteral("pid=%1").arg(service.pid())));

    // The filters narrow the view, not the model.
    auto* text = child<QLineEdit>(window, "filterLineEdit");
    auto* level = child<QComboBox>(window, "levelComboBox");
    QVERIFY(text && level && child<QCheckBox>(window, "pauseCheckBox"));
    const int all = filter->rowCount();
    QVERIFY(all >= 1);
    text->setText(QStringLiteral("no record says this"));
    QTRY_COMPARE(filter->rowCount(), 0);
    text->clear();
    QTRY_COMPARE(filter->rowCount(), all);
    level->setCurrentIndex(level->count() - 1); // errors only
    QTRY_COMPARE(filter->rowCount(), 0);
    level->setCurrentIndex(0);
    QTRY_COMPARE(filter->rowCount(), all);

    const QString shot = saveScreenshot(window, QStringLiteral("mainwindow-logs"));
    QVERIFY(!shot.isEmpty());
    QVERIFY(QFileInfo(shot).size() > 0);

    // A record logged after the subscription: the service says why it stops before it goes.
    const int before = model.rowCount();
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        modelHasMessage(model, QStringLiteral("received signal %1, shutting down").arg(SIGTERM)),
        kUiTimeoutMs);
    QVERIFY(model.rowCount() > before);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "stateLabel"), kNotRunning, kUiTimeoutMs);
    // What was logged stays readable after the service is gone.
    QVERIFY(modelHasMessage(model, started));
}

void TestMainWindow::bannerAppearsWhenStoppedAndStartsTheServiceAgain()
{
    TestService& service = *m_service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    manager.setServiceProgram(TestService::program(QStringLiteral("postwardend")));
    pw::ui::MainWindow window(manager);
    QAbstractItemModelTester modelTester(&window.logView()->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    manager.attach(false);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "pidLabel"), QString::number(service.pid()), kUiTimeoutMs);

    const QWidget* banner = child<QWidget>(window, "serviceBanner");
    auto* startButton = child<QPushButton>(window, "startServiceButton");
    QVERIFY(banner && startButton);
    QVERIFY(!banner->isVisible());

    QVERIFY2(service.stop(), qPrintable(service.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kUiTimeoutMs);
    QCOMPARE(labelText(window, "stateLabel"), kNotRunning);
    QCOMPARE(labelText(window, "pidLabel"), QStringLiteral("—"));
    QCOMPARE(child<QTableWidget>(window, "listenersTableWidget")->rowCount(), 0);
    QCOMPARE(labelText(window, "serviceStateLabel"), QStringLiteral("Service stopped"));
    QVERIFY(labelText(window, "serviceBannerLabel").contains(QStringLiteral("not running")));
    QVERIFY(startButton->isEnabled());
    const QString shot = saveScreenshot(window, QStringLiteral("mainwindow-stopped"));
    QVERIFY(!shot.isEmpty());
    QVERIFY(QFileInfo(shot).size() > 0);

    // The banner's button runs postwardend (daemon mode) on the same data directory.
    QTest::mouseClick(startButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "stateLabel"), kRunning, kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(manager.lastStatus().value(QStringLiteral("pid")).toInteger() > 0, kUiTimeoutMs);
    const qint64 startedByApp = manager.lastStatus().value(QStringLiteral("pid")).toInteger();
    QVERIFY(startedByApp != service.pid());
    QVERIFY(processAlive(startedByApp));
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "pidLabel"), QString::number(startedByApp), kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kUiTimeoutMs);
    // The log view subscribed again and shows the new service's backlog.
    QTRY_VERIFY_WITH_TIMEOUT(
        modelHasMessage(window.logView()->model(), QStringLiteral("pid=%1").arg(startedByApp)), kUiTimeoutMs);

    // Stop it the way an admin would, and see the window notice.
    const auto stopped = service.runCtl({QStringLiteral("shutdown")});
    QCOMPARE(stopped.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "stateLabel"), kNotRunning, kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(startedByApp), kUiTimeoutMs);
    QVERIFY(banner->isVisible());
}

void TestMainWindow::pagesShortcutsWizardAndRememberedState()
{
    using pw::ui::MainWindow;
    QSettings().clear();
    // No service: the shell works without one.
    pw::app::ServiceManager manager(m_service->dataDir(), m_service->socketPath());
    auto window = std::make_unique<MainWindow>(manager);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    const auto* navigation = child<QListWidget>(*window, "navigationListWidget");
    const auto* pages = child<QStackedWidget>(*window, "pagesStackedWidget");
    QVERIFY(navigation && pages);
    QCOMPARE(navigation->count(), int(MainWindow::PageCount));
    QCOMPARE(pages->count(), int(MainWindow::PageCount));
    const QStringList titles{QStringLiteral("Dashboard"), QStringLiteral("Domains"),
                             QStringLiteral("Mailboxes"), QStringLiteral("Aliases"),
                             QStringLiteral("Logs"),      QStringLiteral("Diagnostics"),
                             QStringLiteral("Service")};
    const QStringList views{QStringLiteral("dashboardView"),
                            QStringLiteral("domainsView"),
                            QStringLiteral("mailboxesView"),
                            QStringLiteral("aliasesView"),
                            QString(),
                            QStringLiteral("diagnosticsView"),
                            QStringLiteral("serviceView")};
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        QCOMPARE(navigation->item(i)->text(), titles.at(i));
        if (!views.at(i).isEmpty())
            QCOMPARE(pages->widget(i)->objectName(), views.at(i));
    }
    QCOMPARE(pages->widget(MainWindow::LogsPage), window->logView());
    QCOMPARE(window->currentPage(), int(MainWindow::DashboardPage));
    // The service's status labels live on the Service page.
    const QLabel* pid = child<QLabel>(*window, "pidLabel");
    QVERIFY(pid);
    QVERIFY(pages->widget(MainWindow::ServicePage)->isAncestorOf(pid));

    // Ctrl+1 ... Ctrl+7.
    for (const int page : {MainWindow::MailboxesPage, MainWindow::ServicePage, MainWindow::LogsPage,
                           MainWindow::AliasesPage, MainWindow::DashboardPage}) {
        QTest::keyClick(window.get(), static_cast<Qt::Key>(Qt::Key_1 + page), Qt::ControlModifier);
        QTRY_COMPARE(window->currentPage(), page);
        QCOMPARE(pages->currentIndex(), page);
    }

    // "Set up..." needs a wizard factory and opens what it makes, modally, once at a time.
    auto* setup = window->findChild<QAction*>(QStringLiteral("setupWizardAction"));
    QVERIFY(setup);
    QVERIFY(!setup->isEnabled());
    int made = 0;
    QPointer<QWizard> wizard;
    window->setWizardFactory([&made, &wizard](QWidget* parent) {
        ++made;
        wizard = new QWizard(parent);
        wizard->setObjectName(QStringLiteral("testWizard"));
        wizard->addPage(new QWizardPage(wizard));
        return wizard.data();
    });
    QVERIFY(setup->isEnabled());
    setup->trigger();
    QCOMPARE(made, 1);
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QVERIFY(wizard->isModal() || wizard->windowModality() != Qt::NonModal);
    QCOMPARE(wizard->parentWidget(), window.get());
    setup->trigger(); // already open: no second one
    QCOMPARE(made, 1);
    wizard->reject();
    QTRY_VERIFY(wizard.isNull()); // deleted once closed
    setup->trigger();
    QCOMPARE(made, 2);
    wizard->reject();
    QTRY_VERIFY(wizard.isNull());

    // Page, geometry and toolbar state come back in the next window.
    window->showPage(MainWindow::AliasesPage);
    window->resize(900, 610);
    QTRY_COMPARE(window->size(), QSize(900, 610));
    QVERIFY(window->close());
    window.reset();
    MainWindow again(manager);
    QCOMPARE(again.currentPage(), int(MainWindow::AliasesPage));
    QCOMPARE(again.size(), QSize(900, 610));
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestMainWindow>(argc, argv);
}

#include "tst_mainwindow.moc"
