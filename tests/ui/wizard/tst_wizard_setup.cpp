// Steps 1-4 of the setup wizard against a real postwardend whose DNS is a loopback server with
// the test's own zone: a good zone (everything a receiver checks lines up) and a broken one (no
// MX, a provider's generic PTR name). The wizard adds the domain, writes the host name (the
// service restarts for it) and the public addresses, and shows what the checks found.

#include "app/ServiceManager.h"
#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/CheckResultsView.h"
#include "ui/wizard/DomainPage.h"
#include "ui/wizard/NetworkPage.h"
#include "ui/wizard/PortsPage.h"
#include "ui/wizard/SetupWizard.h"
#include "ui/wizard/WizardCheckPanel.h"
#include "ui/wizard/WizardStepList.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using pw::test::child;
using pw::test::freeLoopbackPort;
using pw::test::labelText;
using pw::test::TestDnsServer;
using pw::test::TestService;
using pw::ui::SetupWizard;

namespace {

constexpr int kUiTimeoutMs = 20000;
// A restart of the service (stop, start as a daemon, reconnect) plus the checks after it.
constexpr int kRestartTimeoutMs = 60000;

// Everything a receiver checks lines up: MX -> mail.example.com -> 127.0.0.1 -> PTR back.
const QString kGoodZone = QStringLiteral("example.com. 300 IN MX 10 mail.example.com.\n"
                                         "example.com. 300 IN TXT \"v=spf1 mx -all\"\n"
                                         "mail.example.com. 300 IN A 127.0.0.1\n"
                                         "1.0.0.127.in-addr.arpa. 300 IN PTR mail.example.com.\n");

// No MX; the address's PTR is the provider's generic name, which leads nowhere. Outbound port 25
// is tried at gmail.com's MX, here a loopback address where nothing listens on port 25.
const QString kBrokenZone =
    QStringLiteral("example.com. 300 IN TXT \"v=spf1 -all\"\n"
                   "mail.example.com. 300 IN A 127.0.0.2\n"
                   "2.0.0.127.in-addr.arpa. 300 IN PTR dsl-127-0-0-2.pool.provider.example.\n"
                   "gmail.com. 300 IN MX 5 gmail-smtp-in.l.google.com.\n"
                   "gmail-smtp-in.l.google.com. 300 IN A 127.0.0.1\n");

// The status text the owner sees next to the result with this id ("OK", "Problem", ...).
QString statusOf(const pw::ui::WizardCheckPanel& panel, const QString& id)
{
    const auto* tree = child<QTreeWidget>(*panel.resultsView(), "checkResultsTree");
    for (int row = 0; tree && row < tree->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = tree->topLevelItem(row);
        if (item->data(1, Qt::UserRole).toString() == id)
            return item->text(0);
    }
    return QStringLiteral("<no %1>").arg(id);
}

// Selects the result with this id and returns the explanation and fix the view shows for it.
QString detailsOf(const pw::ui::WizardCheckPanel& panel, const QString& id)
{
    auto* tree = child<QTreeWidget>(*panel.resultsView(), "checkResultsTree");
    for (int row = 0; tree && row < tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = tree->topLevelItem(row);
        if (item->data(1, Qt::UserRole).toString() == id) {
            tree->setCurrentItem(item);
            return labelText(*panel.resultsView(), "checkDetailLabel");
        }
    }
    return {};
}

// Done checking, and what was checked is what the page shows now.
bool checkedFor(const pw::ui::WizardCheckPanel& panel, const QString& hostname)
{
    return panel.hasRun() && !panel.isRunning() && panel.lastInput().hostname == hostname;
}

QJsonObject configShow(const TestService& service)
{
    const auto shown =
        service.runCtl({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("show")});
    return QJsonDocument::fromJson(shown.stdOut.toUtf8()).object();
}

void clickNext(SetupWizard& wizard)
{
    QAbstractButton* next = wizard.button(QWizard::NextButton);
    QVERIFY(next);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kUiTimeoutMs);
    QTest::mouseClick(next, Qt::LeftButton);
}

} // namespace

class TestWizardSetup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hostnameFollowsTheDomainUntilEdited();
    void goodZoneWalksStepsOneToFourAndResumes();
    void brokenZoneShowsProblemsWithFixes();
    void finishingMarksTheWizardCompleted();

private:
    // Starts the DNS server with `zone` and the service with an SMTP listener and `extra` config.
    bool startEnvironment(const QString& zone, const QString& extra);
    void openWizard();

    std::unique_ptr<TestDnsServer> m_dns;
    std::unique_ptr<TestService> m_service;
    std::unique_ptr<pw::app::ServiceManager> m_manager;
    std::unique_ptr<SetupWizard> m_wizard;
    quint16 m_smtpPort = 0;
};

void TestWizardSetup::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PostwardenTest"));
    QApplication::setApplicationName(QStringLiteral("tst_wizard_setup"));
}

void TestWizardSetup::init()
{
    QSettings().remove(QStringLiteral("wizard"));
    m_dns = std::make_unique<TestDnsServer>();
    m_service = std::make_unique<TestService>();
}

void TestWizardSetup::cleanup()
{
    m_wizard.reset();
    m_manager.reset();
    // The wizard restarts the service, and the one it starts is a daemon.
    pw::test::stopServiceHoldingLock(m_service->dataDir(), m_service->pid());
    m_service.reset();
    m_dns.reset();
}

bool TestWizardSetup::startEnvironment(const QString& zone, const QString& extra)
{
    if (!m_dns->start(zone)) {
        qWarning("DNS server: %s", qPrintable(m_dns->errorString()));
        return false;
    }
    m_smtpPort = freeLoopbackPort();
    const QString config = QStringLiteral("[listen]\nsmtp = 127.0.0.1:%1\nsubmission =\nsubmissions =\n"
                                          "imap =\nimaps =\n[dns]\nservers = %2\n")
                               .arg(m_smtpPort)
                               .arg(m_dns->address()) +
                           extra;
    if (!m_service->writeFile(m_service->configPath(), config) || !m_service->launch()) {
        qWarning("service: %s", qPrintable(m_service->errorString()));
        return false;
    }
    m_manager = std::make_unique<pw::app::ServiceManager>(m_service->dataDir(), m_service->socketPath());
    m_manager->setServiceProgram(TestService::program(QStringLiteral("postwardend")));
    m_manager->attach(false);
    return QTest::qWaitFor([this] { return m_manager->state() == pw::app::ServiceManager::State::Running; },
                           kUiTimeoutMs);
}

void TestWizardSetup::openWizard()
{
    m_wizard = std::make_unique<SetupWizard>(*m_manager);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestWizardSetup::hostnameFollowsTheDomainUntilEdited()
{
    // No service at all: the page still suggests, and says why it cannot check.
    pw::app::ServiceManager manager(m_service->dataDir(), m_service->socketPath());
    SetupWizard wizard(manager);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(SetupWizard::WelcomeStep));
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible());
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(SetupWizard::DomainStep));

    auto* page = qobject_cast<pw::ui::DomainPage*>(wizard.currentPage());
    QVERIFY(page);
    auto* domain = child<QLineEdit>(*page, "domainLineEdit");
    auto* hostname = child<QLineEdit>(*page, "hostnameLineEdit");
    QVERIFY(domain && hostname);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    QTest::keyClicks(domain, QStringLiteral("Example.org"));
    QCOMPARE(hostname->text(), QStringLiteral("mail.example.org"));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // A one-label name is refused with the reason, and Next stays off.
    domain->clear();
    QTest::keyClicks(domain, QStringLiteral("example"));
    QVERIFY(labelText(*page, "domainHintLabel").contains(QStringLiteral("only one label")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    // The owner's own host name stays when the domain changes.
    hostname->clear();
    QTest::keyClicks(hostname, QStringLiteral("mx.example.net"));
    domain->clear();
    QTest::keyClicks(domain, QStringLiteral("example.net"));
    QCOMPARE(hostname->text(), QStringLiteral("mx.example.net"));

    // Without a service the checks wait for it and say so.
    const QLabel* error = child<QLabel>(*page->checks(), "checkErrorLabel");
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kUiTimeoutMs);
    QVERIFY(error->text().contains(QStringLiteral("not running")));

    // Next cannot save anything either, and says why.
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(SetupWizard::DomainStep));
    QVERIFY(labelText(*page, "domainErrorLabel").contains(QStringLiteral("not running")));
}

void TestWizardSetup::goodZoneWalksStepsOneToFourAndResumes()
{
    QVERIFY(startEnvironment(kGoodZone, QStringLiteral("[service]\npublic_addresses = 127.0.0.1\n")));
    openWizard();
    SetupWizard& wizard = *m_wizard;

    // 1. Welcome: what will happen, what is needed; the side bar lists the steps.
    QCOMPARE(wizard.currentId(), int(SetupWizard::WelcomeStep));
    QVERIFY(labelText(wizard, "welcomeTextLabel").contains(QStringLiteral("static")));
    const auto* steps = child<QListWidget>(wizard, "wizardStepListWidget");
    QVERIFY(steps);
    QCOMPARE(steps->count(), 8);
    QCOMPARE(steps->item(2)->text(), QStringLiteral("3. Network"));
    QVERIFY(steps->item(0)->font().bold());
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-1-welcome")).isEmpty());
    clickNext(wizard);

    // 2. Domain: the host name is suggested, the checks run live.
    QCOMPARE(wizard.currentId(), int(SetupWizard::DomainStep));
    QVERIFY(steps->item(1)->font().bold());
    auto* domainPage = qobject_cast<pw::ui::DomainPage*>(wizard.currentPage());
    QVERIFY(domainPage);
    auto* domain = child<QLineEdit>(*domainPage, "domainLineEdit");
    QVERIFY(domain);
    QTest::keyClicks(domain, QStringLiteral("example.com"));
    QCOMPARE(child<QLineEdit>(*domainPage, "hostnameLineEdit")->text(), QStringLiteral("mail.example.com"));
    const pw::ui::WizardCheckPanel& domainChecks = *domainPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(domainChecks, QStringLiteral("mail.example.com")), kUiTimeoutMs);
    QCOMPARE(statusOf(domainChecks, QStringLiteral("hostname.fqdn")), QStringLiteral("OK"));
    QCOMPARE(statusOf(domainChecks, QStringLiteral("hostname.resolves")), QStringLiteral("OK"));
    QCOMPARE(statusOf(domainChecks, QStringLiteral("mx.present")), QStringLiteral("OK"));
    QCOMPARE(statusOf(domainChecks, QStringLiteral("mx.resolves")), QStringLiteral("OK"));
    QVERIFY(labelText(*domainChecks.resultsView(), "checkVerdictLabel").contains(QStringLiteral("in order")));
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-2-domain")).isEmpty());

    // Next adds the domain, writes the host name and restarts the service for it.
    const qint64 firstPid = m_service->pid();
    clickNext(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(child<QProgressBar>(*domainPage, "domainProgressBar")->isVisible() ||
                                 wizard.currentId() == SetupWizard::NetworkStep,
                             kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::NetworkStep), kRestartTimeoutMs);
    QVERIFY2(labelText(*domainPage, "domainErrorLabel").isEmpty() ||
                 !child<QLabel>(*domainPage, "domainErrorLabel")->isVisible(),
             qPrintable(labelText(*domainPage, "domainErrorLabel")));
    const auto domains = m_service->runCtl({QStringLiteral("domain"), QStringLiteral("list")});
    QCOMPARE(domains.exitCode, 0);
    QVERIFY2(domains.stdOut.contains(QStringLiteral("example.com")), qPrintable(domains.stdOut));
    const QJsonObject config = configShow(*m_service);
    QCOMPARE(config.value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("service.hostname"))
                 .toString(),
             QStringLiteral("mail.example.com"));
    // The restarted service uses it.
    QCOMPARE(config.value(QStringLiteral("hostname")).toString(), QStringLiteral("mail.example.com"));
    QVERIFY(!config.value(QStringLiteral("restart_required")).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(m_manager->lastStatus().value(QStringLiteral("pid")).toInteger() != firstPid,
                             kUiTimeoutMs);

    // 3. Network: the configured address, the PTR checks and where PTR is set.
    auto* networkPage = qobject_cast<pw::ui::NetworkPage*>(wizard.currentPage());
    QVERIFY(networkPage);
    auto* addresses = child<QLineEdit>(*networkPage, "publicAddressesLineEdit");
    QVERIFY(addresses);
    QTRY_COMPARE_WITH_TIMEOUT(addresses->text(), QStringLiteral("127.0.0.1"), kUiTimeoutMs);
    const pw::ui::WizardCheckPanel& networkChecks = *networkPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(networkChecks, QStringLiteral("mail.example.com")) &&
                                 networkChecks.lastInput().publicAddresses ==
                                     QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.1"))},
                             kUiTimeoutMs);
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.v4")), QStringLiteral("OK"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.fcrdns")), QStringLiteral("OK"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.hostname")), QStringLiteral("OK"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ip.static")), QStringLiteral("OK"));
    // A loopback address is no public address, and the check says so.
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ip.public")), QStringLiteral("Problem"));
    const QString ptrHint = labelText(*networkPage, "ptrHintLabel");
    QVERIFY2(ptrHint.contains(QStringLiteral("not set where you manage your domain's DNS records")),
             qPrintable(ptrHint));
    QVERIFY(ptrHint.contains(QStringLiteral("hosting provider where the server is rented")));
    QCOMPARE(labelText(*networkPage, "ptrValueLabel"),
             QStringLiteral("PTR record of 127.0.0.1: mail.example.com"));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(*networkPage, "detectedAddressesLabel")
                                 .contains(QStringLiteral("mail.example.com points to: 127.0.0.1")),
                             kUiTimeoutMs);
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-3-network")).isEmpty());

    // Closed here, a new wizard starts here again, with what was entered.
    wizard.close();
    m_wizard.reset();
    QCOMPARE(SetupWizard::savedStep(), int(SetupWizard::NetworkStep));
    openWizard();
    SetupWizard& resumed = *m_wizard;
    QCOMPARE(resumed.currentId(), int(SetupWizard::NetworkStep));
    QCOMPARE(resumed.field(QStringLiteral("domain")).toString(), QStringLiteral("example.com"));
    QCOMPARE(resumed.field(QStringLiteral("hostname")).toString(), QStringLiteral("mail.example.com"));
    QCOMPARE(resumed.field(QStringLiteral("publicAddresses")).toString(), QStringLiteral("127.0.0.1"));
    QVERIFY(child<QListWidget>(resumed, "wizardStepListWidget")->item(2)->font().bold());
    QVERIFY(resumed.button(QWizard::BackButton)->isEnabled());
    networkPage = qobject_cast<pw::ui::NetworkPage*>(resumed.currentPage());
    QVERIFY(networkPage);
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(*networkPage->checks(), QStringLiteral("mail.example.com")),
                             kUiTimeoutMs);
    QCOMPARE(statusOf(*networkPage->checks(), QStringLiteral("ptr.hostname")), QStringLiteral("OK"));

    // "Check again" runs the checks once more.
    auto* recheck = child<QPushButton>(*networkPage, "recheckButton");
    QVERIFY(recheck);
    m_dns->clearQueries();
    QTest::mouseClick(recheck, Qt::LeftButton);
    QVERIFY(networkPage->checks()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!networkPage->checks()->isRunning(), kUiTimeoutMs);
    QVERIFY(m_dns->queries().contains(QStringLiteral("1.0.0.127.in-addr.arpa PTR udp")));

    // 4. Ports: listeners, the checks, and how to check from outside.
    clickNext(resumed);
    QTRY_COMPARE_WITH_TIMEOUT(resumed.currentId(), int(SetupWizard::PortsStep), kUiTimeoutMs);
    auto* portsPage = qobject_cast<pw::ui::PortsPage*>(resumed.currentPage());
    QVERIFY(portsPage);
    const auto* listeners = child<QTableWidget>(*portsPage, "listenersTable");
    QVERIFY(listeners);
    QTRY_COMPARE_WITH_TIMEOUT(listeners->rowCount(), 1, kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(listeners->item(0, 1)->text(), QStringLiteral("127.0.0.1:%1").arg(m_smtpPort),
                              kUiTimeoutMs);
    QVERIFY(listeners->item(0, 0)->text().contains(QStringLiteral("SMTP")));
    const pw::ui::WizardCheckPanel& portChecks = *portsPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(portChecks, QStringLiteral("mail.example.com")), kUiTimeoutMs);
    QCOMPARE(statusOf(portChecks, QStringLiteral("port.local.smtp")), QStringLiteral("OK"));
    // The restarted service greets with the host name the wizard wrote.
    QCOMPARE(statusOf(portChecks, QStringLiteral("hostname.banner.smtp")), QStringLiteral("OK"));
    QVERIFY(portChecks.resultsView()->hasResult(QStringLiteral("port.public.25")));
    // gmail.com is not in this zone: no MX to try, so the check cannot tell, and no relay talk.
    QCOMPARE(statusOf(portChecks, QStringLiteral("port.outbound25")), QStringLiteral("Cannot tell"));
    QVERIFY(!child<QWidget>(*portsPage, "relayNote")->isVisible());
    QCOMPARE(labelText(*portsPage, "probeCommandLabel"),
             QStringLiteral("postwardenctl probe mail.example.com --ports 25,465,587,993"));
    QVERIFY(labelText(*portsPage, "natHintLabel")
                .contains(QStringLiteral("another computer outside this network")));
    QVERIFY(!pw::test::saveScreenshot(resumed, QStringLiteral("wizard-4-ports")).isEmpty());

    // Next from Network saved the addresses; nothing needed a restart.
    QCOMPARE(configShow(*m_service)
                 .value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("service.public_addresses")),
             QStringLiteral("127.0.0.1"));
}

void TestWizardSetup::brokenZoneShowsProblemsWithFixes()
{
    QVERIFY(startEnvironment(kBrokenZone, QString()));
    openWizard();
    SetupWizard& wizard = *m_wizard;
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-1-welcome-broken")).isEmpty());
    clickNext(wizard);

    auto* domainPage = qobject_cast<pw::ui::DomainPage*>(wizard.currentPage());
    QVERIFY(domainPage);
    QTest::keyClicks(child<QLineEdit>(*domainPage, "domainLineEdit"), QStringLiteral("example.com"));
    const pw::ui::WizardCheckPanel& domainChecks = *domainPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(domainChecks, QStringLiteral("mail.example.com")), kUiTimeoutMs);
    QCOMPARE(statusOf(domainChecks, QStringLiteral("hostname.resolves")), QStringLiteral("OK"));
    QCOMPARE(statusOf(domainChecks, QStringLiteral("mx.present")), QStringLiteral("Problem"));
    QVERIFY(labelText(*domainChecks.resultsView(), "checkVerdictLabel")
                .contains(QStringLiteral("must be fixed")));
    // The first problem is selected, with its fix: the record to publish.
    const QString mxDetails = labelText(*domainChecks.resultsView(), "checkDetailLabel");
    QVERIFY2(mxDetails.contains(QStringLiteral("How to fix it:")) &&
                 mxDetails.contains(QStringLiteral("mail.example.com")),
             qPrintable(mxDetails));
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-2-domain-broken")).isEmpty());

    // A missing MX does not stop the owner: it is published in a later step.
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::NetworkStep), kRestartTimeoutMs);

    // 3. No address configured: the page offers the host name's, and the PTR is wrong.
    auto* networkPage = qobject_cast<pw::ui::NetworkPage*>(wizard.currentPage());
    QVERIFY(networkPage);
    auto* addresses = child<QLineEdit>(*networkPage, "publicAddressesLineEdit");
    QVERIFY(addresses && addresses->text().isEmpty());
    auto* useDetected = child<QPushButton>(*networkPage, "useDetectedButton");
    QTRY_VERIFY_WITH_TIMEOUT(useDetected->isEnabled(), kUiTimeoutMs);
    QVERIFY(labelText(*networkPage, "detectedAddressesLabel")
                .contains(QStringLiteral("mail.example.com points to: 127.0.0.2")));
    QTest::mouseClick(useDetected, Qt::LeftButton);
    QCOMPARE(addresses->text(), QStringLiteral("127.0.0.2"));
    const pw::ui::WizardCheckPanel& networkChecks = *networkPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(networkChecks, QStringLiteral("mail.example.com")) &&
                                 networkChecks.lastInput().publicAddresses ==
                                     QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2"))},
                             kUiTimeoutMs);
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.v4")), QStringLiteral("OK"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.fcrdns")), QStringLiteral("Problem"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ptr.hostname")), QStringLiteral("Problem"));
    QCOMPARE(statusOf(networkChecks, QStringLiteral("ip.static")), QStringLiteral("Problem"));
    const QString ptrFix = detailsOf(networkChecks, QStringLiteral("ptr.hostname"));
    QVERIFY2(ptrFix.contains(QStringLiteral("How to fix it:")) &&
                 ptrFix.contains(QStringLiteral("Change the PTR record of 127.0.0.2 to mail.example.com")),
             qPrintable(ptrFix));
    QCOMPARE(labelText(*networkPage, "ptrValueLabel"),
             QStringLiteral("PTR record of 127.0.0.2: mail.example.com"));
    QVERIFY(detailsOf(networkChecks, QStringLiteral("ip.static")).contains(QStringLiteral("relay")));
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-3-network-broken")).isEmpty());

    // A typo is caught before anything is saved.
    addresses->setText(QStringLiteral("127.0.0.2, 300.1.1.1"));
    QVERIFY(labelText(*networkPage, "publicAddressesHintLabel").contains(QStringLiteral("300.1.1.1")));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    addresses->setText(QStringLiteral("127.0.0.2"));

    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(SetupWizard::PortsStep), kUiTimeoutMs);
    QCOMPARE(configShow(*m_service)
                 .value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("service.public_addresses")),
             QStringLiteral("127.0.0.2"));

    // 4. Outbound port 25 is refused: the page explains relays.
    auto* portsPage = qobject_cast<pw::ui::PortsPage*>(wizard.currentPage());
    QVERIFY(portsPage);
    const pw::ui::WizardCheckPanel& portChecks = *portsPage->checks();
    QTRY_VERIFY_WITH_TIMEOUT(checkedFor(portChecks, QStringLiteral("mail.example.com")), kUiTimeoutMs);
    QCOMPARE(statusOf(portChecks, QStringLiteral("port.local.smtp")), QStringLiteral("OK"));
    // Nothing listens on port 25 of 127.0.0.2 here.
    QCOMPARE(statusOf(portChecks, QStringLiteral("port.public.25")), QStringLiteral("Problem"));
    if (statusOf(portChecks, QStringLiteral("port.outbound25")) != QLatin1String("Problem"))
        QSKIP("something listens on 127.0.0.1:25 on this machine; the blocked case cannot be shown");
    QVERIFY(child<QWidget>(*portsPage, "relayNote")->isVisible());
    QVERIFY(labelText(*portsPage, "relayHintLabel").contains(QStringLiteral("smart host")));
    QVERIFY(!pw::test::saveScreenshot(wizard, QStringLiteral("wizard-4-ports-broken")).isEmpty());
}

void TestWizardSetup::finishingMarksTheWizardCompleted()
{
    pw::app::ServiceManager manager(m_service->dataDir(), m_service->socketPath());
    QVERIFY(!SetupWizard::wasCompleted());
    {
        SetupWizard wizard(manager);
        wizard.accept();
    }
    QVERIFY(SetupWizard::wasCompleted());
    QCOMPARE(SetupWizard::savedStep(), int(SetupWizard::WelcomeStep));
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestWizardSetup>(argc, argv);
}

#include "tst_wizard_setup.moc"
