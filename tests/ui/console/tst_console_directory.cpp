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
#include "ui/MainWindow.h"
#include "ui/console/ActionStatus.h"
#include "ui/console/AliasesView.h"
#include "ui/console/DashboardView.h"
#include "ui/console/DomainsView.h"
#include "ui/console/HourlyChart.h"
#include "ui/console/MailboxDialog.h"
#include "ui/console/MailboxesView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QDir>
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
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using pw::test::TestService;
using pw::ui::MainWindow;

namespace {

constexpr int kUiTimeoutMs = 20000;
const QString kDomain = QStringLiteral("example.test");
const QString kAlice = QStringLiteral("alice@example.test");
const QString kBob = QStringLiteral("bob@example.test");
const QString kCarol = QStringLiteral("carol@example.test");
const QString kSales = QStringLiteral("sales@example.test");

template<typename T> T* child(const QWidget* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

QString labelText(const QWidget* parent, const char* name)
{
    const QLabel* label = child<QLabel>(parent, name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

// The visible one: a dialog closed earlier may still wait for its deferred delete.
template<typename T> T* visibleChild(const QWidget* parent)
{
    for (T* candidate : parent->findChildren<T*>()) {
        if (candidate->isVisible())
            return candidate;
    }
    return nullptr;
}

QString saveScreenshot(QWidget& widget, const QString& name)
{
    const QString root = qEnvironmentVariable("POSTWARDEN_BINARY_DIR", QDir::currentPath());
    const QString dir = root + QStringLiteral("/screenshots");
    if (!QDir().mkpath(dir))
        return {};
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    QFile::remove(path);
    return widget.grab().save(path) ? path : QString();
}

void clickRow(QTableView* table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

// Closed dialogs leave no window active offscreen; focus and shortcuts need one.
bool activate(QWidget& window)
{
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// One SMTP transaction over a plain socket; empty on success, else what went wrong.
QString sendMail(quint16 port, const QString& from, const QString& to, const QString& subject)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000))
        return QStringLiteral("connect: ") + socket.errorString();
    const QDeadlineTimer deadline(30000);
    QString problem;
    const auto reply = [&](int expected) {
        QByteArray line;
        do {
            while (!socket.canReadLine()) {
                if (deadline.hasExpired() ||
                    !socket.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
                    problem = QStringLiteral("no reply (waiting for %1)").arg(expected);
                    return false;
                }
            }
            line = socket.readLine();
        } while (line.size() >= 4 && line.at(3) == '-');
        if (line.left(3).toInt() != expected) {
            problem = QString::fromUtf8(line).trimmed();
            return false;
        }
        return true;
    };
    const auto command = [&](const QByteArray& text, int expected) {
        socket.write(text + "\r\n");
        return reply(expected);
    };
    const QByteArray message = "From: <" + from.toUtf8() + ">\r\nTo: <" + to.toUtf8() +
                               ">\r\nSubject: " + subject.toUtf8() +
                               "\r\nDate: Mon, 2 Jun 2025 10:00:00 +0000\r\nMessage-ID: <" +
                               subject.toUtf8() + "@sender.example>\r\n\r\nHello from the console test.\r\n.";
    const bool ok = reply(220) && command("EHLO client.example.test", 250) &&
                    command("MAIL FROM:<" + from.toUtf8() + ">", 250) &&
                    command("RCPT TO:<" + to.toUtf8() + ">", 250) && command("DATA", 354) &&
                    command(message, 250) && command("QUIT", 221);
    return ok ? QString() : problem;
}

} // namespace

class TestConsoleDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void directoryThroughTheWidgets();
    void dashboardShowsCountsAndTodaysMail();

private:
    [[nodiscard]] QJsonObject request(const QString& method, const QJsonObject& params = {}) const;
    [[nodiscard]] QString ctl(const QStringList& arguments) const;

    pw::test::TestDnsServer m_dns;
    std::unique_ptr<TestService> m_service;
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
}

void TestConsoleDirectory::cleanupTestCase()
{
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

void TestConsoleDirectory::directoryThroughTheWidgets()
{
    pw::app::ServiceManager manager(m_service->dataDir(), m_service->socketPath());
    MainWindow window(manager);
    window.showPage(MainWindow::DomainsPage);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window)); // for the keyboard shortcuts
    manager.attach(false);
    QTRY_COMPARE_WITH_TIMEOUT(manager.state(), pw::app::ServiceManager::State::Running, kUiTimeoutMs);

    // --- a domain, typed in and added with Enter ---
    pw::ui::DomainsView* domains = window.domainsView();
    QAbstractItemModelTester domainsTester(&domains->model(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
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

    // --- mailboxes, through the dialog ---
    window.showPage(MainWindow::MailboxesPage);
    pw::ui::MailboxesView* mailboxes = window.mailboxesView();
    QAbstractItemModelTester mailboxTester(&mailboxes->model(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* table = child<QTableView>(mailboxes, "mailboxesTableView");
    auto* create = child<QPushButton>(mailboxes, "newMailboxButton");
    auto* setPassword = child<QPushButton>(mailboxes, "setPasswordButton");
    auto* setQuota = child<QPushButton>(mailboxes, "setQuotaButton");
    auto* toggle = child<QPushButton>(mailboxes, "toggleDisabledButton");
    auto* remove = child<QPushButton>(mailboxes, "removeMailboxButton");
    QVERIFY(table && create && setPassword && setQuota && toggle && remove);
    QTRY_COMPARE_WITH_TIMEOUT(mailboxes->model().rowCount(), 0, kUiTimeoutMs);
    for (QPushButton* needsSelection : {setPassword, setQuota, toggle, remove})
        QVERIFY(!needsSelection->isEnabled());

    QTest::mouseClick(create, Qt::LeftButton);
    pw::ui::MailboxDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<pw::ui::MailboxDialog>(mailboxes)) != nullptr,
                             kUiTimeoutMs);
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

    // Quota of alice: select her row with the mouse, then the quota dialog.
    clickRow(table, mailboxes->model().rowOfKey(kAlice));
    QCOMPARE(mailboxes->selectedMailbox(), kAlice);
    QVERIFY(setQuota->isEnabled());
    QTest::mouseClick(setQuota, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<pw::ui::MailboxDialog>(mailboxes)) != nullptr,
                             kUiTimeoutMs);
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
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleChild<pw::ui::MailboxDialog>(mailboxes)) != nullptr,
                             kUiTimeoutMs);
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

    // Delete on carol's row asks first; Cancel keeps her, Remove removes her.
    clickRow(table, mailboxes->model().rowOfKey(kCarol));
    QCOMPARE(mailboxes->selectedMailbox(), kCarol);
    for (const bool confirmIt : {false, true}) {
        // The dialogs took the activation; shortcuts need the window active and the table focused.
        QVERIFY(activate(window));
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = visibleChild<QMessageBox>(mailboxes)) != nullptr, kUiTimeoutMs);
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
    const QString mailboxesShot = saveScreenshot(window, QStringLiteral("console-mailboxes"));
    QVERIFY(!mailboxesShot.isEmpty() && QFileInfo(mailboxesShot).size() > 0);

    // --- an alias and the catch-all ---
    window.showPage(MainWindow::AliasesPage);
    pw::ui::AliasesView* aliases = window.aliasesView();
    QAbstractItemModelTester aliasTester(&aliases->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* aliasAddress = child<QLineEdit>(aliases, "aliasAddressLineEdit");
    auto* aliasTargets = child<QLineEdit>(aliases, "aliasTargetsLineEdit");
    auto* addAlias = child<QPushButton>(aliases, "addAliasButton");
    auto* removeAlias = child<QPushButton>(aliases, "removeAliasButton");
    QVERIFY(aliasAddress && aliasTargets && addAlias && removeAlias);
    QVERIFY(!addAlias->isEnabled());
    QVERIFY(!removeAlias->isEnabled());
    QVERIFY(activate(window));
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
    const QJsonArray listed =
        QJsonDocument::fromJson(
            ctl({QStringLiteral("--json"), QStringLiteral("domain"), QStringLiteral("list")}).toUtf8())
            .object()
            .value(QStringLiteral("domains"))
            .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("catchall")).toString(), kAlice);
    const QString aliasesShot = saveScreenshot(window, QStringLiteral("console-aliases"));
    QVERIFY(!aliasesShot.isEmpty() && QFileInfo(aliasesShot).size() > 0);

    // --- back on Domains: the catch-all shows there, and the postmaster is chosen ---
    window.showPage(MainWindow::DomainsPage);
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
    QCOMPARE(QJsonDocument::fromJson(
                 ctl({QStringLiteral("--json"), QStringLiteral("domain"), QStringLiteral("list")}).toUtf8())
                 .object()
                 .value(QStringLiteral("domains"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("postmaster"))
                 .toString(),
             kBob);
    QTRY_COMPARE(postmaster->currentData().toString(), kBob);
    const QString domainsShot = saveScreenshot(window, QStringLiteral("console-domains"));
    QVERIFY(!domainsShot.isEmpty() && QFileInfo(domainsShot).size() > 0);

    // --- the dashboard counts what was made ---
    window.showPage(MainWindow::DashboardPage);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "domainCountLabel"), QStringLiteral("1"), kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "mailboxCountLabel"), QStringLiteral("2"), kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "aliasCountLabel"), QStringLiteral("1"), kUiTimeoutMs);
}

void TestConsoleDirectory::dashboardShowsCountsAndTodaysMail()
{
    // Its own domain and mailbox, so that this test stands on its own.
    const QJsonObject added =
        request(QStringLiteral("domain.add"), {{QStringLiteral("domain"), QStringLiteral("news.test")}});
    QVERIFY2(added.contains(QStringLiteral("result")), QJsonDocument(added).toJson().constData());
    const QString reader = QStringLiteral("reader@news.test");
    QVERIFY(request(QStringLiteral("mailbox.add"),
                    {{QStringLiteral("address"), reader}, {QStringLiteral("password"), QStringLiteral("pw")}})
                .contains(QStringLiteral("result")));
    const QJsonObject status = request(QStringLiteral("status")).value(QStringLiteral("result")).toObject();
    const QJsonObject counts = status.value(QStringLiteral("counts")).toObject();
    QVERIFY(counts.value(QStringLiteral("domains")).toInteger() >= 1);

    pw::app::ServiceManager manager(m_service->dataDir(), m_service->socketPath());
    MainWindow window(manager);
    window.showPage(MainWindow::DashboardPage);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window)); // for the keyboard shortcuts
    manager.attach(false);

    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "dashboardStateLabel"), QStringLiteral("Running"),
                              kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "domainCountLabel"),
                              QString::number(counts.value(QStringLiteral("domains")).toInteger()),
                              kUiTimeoutMs);
    QCOMPARE(labelText(&window, "mailboxCountLabel"),
             QString::number(counts.value(QStringLiteral("mailboxes")).toInteger()));
    QCOMPARE(labelText(&window, "aliasCountLabel"),
             QString::number(counts.value(QStringLiteral("aliases")).toInteger()));
    QCOMPARE(labelText(&window, "dashboardVersionLabel"), QStringLiteral(POSTWARDEN_VERSION));
    QCOMPARE(labelText(&window, "dashboardListenersLabel"),
             QStringLiteral("smtp 127.0.0.1:%1").arg(m_smtpPort));
    QVERIFY(labelText(&window, "diagnosticsVerdictLabel").startsWith(QStringLiteral("Not run yet")));

    const QJsonObject stats = request(QStringLiteral("stats"));
    if (stats.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt() == -32601) {
        // A service without `stats`: the dashboard says it has no figures.
        QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "receivedTodayLabel"), QStringLiteral("—"),
                                  kUiTimeoutMs);
        QSKIP("this postwardend has no stats method yet");
    }
    const qint64 before = stats.value(QStringLiteral("result"))
                              .toObject()
                              .value(QStringLiteral("today"))
                              .toObject()
                              .value(QStringLiteral("received"))
                              .toInteger();
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "receivedTodayLabel"), QString::number(before),
                              kUiTimeoutMs);

    for (int i = 1; i <= 2; ++i) {
        const QString problem = sendMail(m_smtpPort, QStringLiteral("sender@sender.example"), reader,
                                         QStringLiteral("hello-%1").arg(i));
        QVERIFY2(problem.isEmpty(),
                 qPrintable(problem + QLatin1Char('\n') + m_service->output().right(3000)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "receivedTodayLabel"), QString::number(before + 2),
                              kUiTimeoutMs);
    if (before == 0)
        QCOMPARE(labelText(&window, "receivedTodayLabel"), QStringLiteral("2"));

    // The chart has the last 24 hours, the two messages in the newest one.
    const pw::ui::HourlyChart* chart = window.dashboardView()->chart();
    QCOMPARE(chart->hours().size(), 24);
    int received = 0;
    for (const pw::ui::HourlyChart::Hour& hour : chart->hours())
        received += hour.received;
    QCOMPARE(received, int(before) + 2);
    QVERIFY(chart->hours().last().received >= 2);
    QVERIFY(chart->hourToolTip(23).contains(QStringLiteral("received")));
    QVERIFY2(chart->accessibleDescription().contains(QStringLiteral("%1 received").arg(received)),
             qPrintable(chart->accessibleDescription()));
    QCOMPARE(chart->hourAt(QPoint(chart->width() - 10, chart->height() / 2)), 23);

    const QString shot = saveScreenshot(window, QStringLiteral("console-dashboard"));
    QVERIFY(!shot.isEmpty() && QFileInfo(shot).size() > 0);

    // Stopped: the dashboard says so instead of showing old figures.
    QVERIFY(m_service->stop());
    QTRY_COMPARE_WITH_TIMEOUT(labelText(&window, "dashboardStateLabel"), QStringLiteral("Not running"),
                              kUiTimeoutMs);
    QCOMPARE(labelText(&window, "receivedTodayLabel"), QStringLiteral("—"));
    QCOMPARE(labelText(&window, "domainCountLabel"), QStringLiteral("—"));
}

int main(int argc, char** argv)
{
    // Settings, runtime files and anything else a desktop session would keep go to throw-away
    // directories; Qt reads these when QApplication is created, so they are set before it.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(home.filePath(QStringLiteral("cache"))));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    TestConsoleDirectory test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_console_directory.moc"
