// The first start: a console whose service has no domain takes the owner to the wizard at its
// first step; a service with a domain, or an app whose wizard was finished, does not. Against a
// real postwardend; offscreen.

#include "app/ServiceManager.h"
#include "tests/support/TestService.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/wizard/FirstStart.h"
#include "ui/wizard/SetupWizard.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using pw::test::TestService;
using pw::ui::SetupWizard;

namespace {

constexpr int kUiTimeoutMs = 20000;

SetupWizard* openWizard(const QWidget& window)
{
    auto* wizard = window.findChild<SetupWizard*>();
    return wizard && wizard->isVisible() ? wizard : nullptr;
}

} // namespace

class TestWizardFirstStart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void serviceWithoutDomainOpensTheWizard();
    void serviceWithDomainKeepsTheConsole();
    void finishedWizardIsNotOfferedAgain();

private:
    // A console over a running service, with the wizard factory the app uses and the first-start
    // offer made; returns once the service is seen running.
    void showConsole();

    std::unique_ptr<TestService> m_service;
    std::unique_ptr<pw::app::ServiceManager> m_manager;
    std::unique_ptr<pw::ui::MainWindow> m_window;
};

void TestWizardFirstStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PostwardenTest"));
    QApplication::setApplicationName(QStringLiteral("tst_wizard_first_start"));
}

void TestWizardFirstStart::init()
{
    QSettings().clear();
    m_service = std::make_unique<TestService>();
    QVERIFY2(m_service->start(), qPrintable(m_service->errorString()));
}

void TestWizardFirstStart::cleanup()
{
    m_window.reset();
    m_manager.reset();
    m_service.reset();
    QSettings().clear();
}

void TestWizardFirstStart::showConsole()
{
    m_manager = std::make_unique<pw::app::ServiceManager>(m_service->dataDir(), m_service->socketPath());
    m_window = std::make_unique<pw::ui::MainWindow>(*m_manager);
    pw::app::ServiceManager& manager = *m_manager;
    m_window->setWizardFactory(
        [&manager](QWidget* parent) -> QWizard* { return new SetupWizard(manager, parent); });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    pw::ui::offerWizardOnFirstStart(manager, *m_window);
    manager.attach(false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), pw::app::ServiceManager::State::Running, kUiTimeoutMs);
}

void TestWizardFirstStart::serviceWithoutDomainOpensTheWizard()
{
    showConsole();
    QTRY_VERIFY_WITH_TIMEOUT(openWizard(*m_window) != nullptr, kUiTimeoutMs);
    SetupWizard* wizard = openWizard(*m_window);
    QCOMPARE(wizard->currentId(), int(SetupWizard::WelcomeStep));
    QVERIFY(wizard->windowModality() != Qt::NonModal);
    QVERIFY(!pw::test::saveScreenshot(*wizard, QStringLiteral("wizard-first-start")).isEmpty());

    // Only one: the console's own "Set Up…" does not open a second one meanwhile.
    QCOMPARE(m_window->openSetupWizard(), nullptr);
    QCOMPARE(m_window->findChildren<SetupWizard*>().size(), 1);
}

void TestWizardFirstStart::serviceWithDomainKeepsTheConsole()
{
    const pw::test::ProgramResult added =
        m_service->runCtl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.org")});
    QCOMPARE(added.exitCode, 0);
    showConsole();
    // The domain list is asked right after the service is seen running; give the answer time to
    // arrive (and a wrong wizard time to appear).
    QTest::qWait(1500);
    QVERIFY(openWizard(*m_window) == nullptr);
    QVERIFY(m_window->findChild<SetupWizard*>() == nullptr);
}

void TestWizardFirstStart::finishedWizardIsNotOfferedAgain()
{
    QSettings().setValue(QStringLiteral("wizard/completed"), true);
    QVERIFY(SetupWizard::wasCompleted());
    showConsole();
    QTest::qWait(1500);
    QVERIFY(m_window->findChild<SetupWizard*>() == nullptr);
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestWizardFirstStart>(argc, argv);
}

#include "tst_wizard_first_start.moc"
