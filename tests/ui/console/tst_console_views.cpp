// The console's log, diagnostics and service views, each on its own, against a real postwardend
// (and, for the diagnostics, a loopback DNS server with the test's zone). Offscreen; screenshots
// of every view land in the build tree.

#include "app/DiagnosticsHistory.h"
#include "app/ServiceManager.h"
#include "app/models/LogModel.h"
#include "tests/support/TestDnsServer.h"
#include "tests/support/TestService.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/CheckResultsView.h"
#include "ui/LogFilterModel.h"
#include "ui/LogView.h"
#include "ui/console/DiagnosticsView.h"
#include "ui/console/ServiceConfigEditor.h"
#include "ui/console/ServiceView.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using pw::test::child;
using pw::test::freeLoopbackPort;
using pw::test::labelText;
using pw::test::modelHasMessage;
using pw::test::processAlive;
using pw::test::saveScreenshot;
using pw::test::TestDnsServer;
using pw::test::TestService;

namespace {

constexpr int kUiTimeoutMs = 20000;
// A whole diagnostics run: DNS from the loopback server, TCP only to 127.0.0.1.
constexpr int kRunTimeoutMs = 90000;

const QString kZone =
    QStringLiteral("example.org. MX 10 mail.example.org.\n"
                   "mail.example.org. A 127.0.0.1\n"
                   "1.0.0.127.in-addr.arpa. PTR mail.example.org.\n"
                   "example.org. TXT \"v=spf1 mx -all\"\n"
                   "_dmarc.example.org. TXT \"v=DMARC1; p=reject; rua=mailto:d@example.org\"\n");

// Session ids of the records whose message contains `text`, in the order they first appear.
QStringList sessionsWith(const pw::app::LogModel& model, const QString& text)
{
    QStringList sessions;
    for (int row = 0; row < model.rowCount(); ++row) {
        const pw::core::LogRecord& record = model.record(row);
        if (record.message.contains(text) && !record.session.isEmpty() && !sessions.contains(record.session))
            sessions.append(record.session);
    }
    return sessions;
}

int recordsOfSession(const pw::app::LogModel& model, const QString& session)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        count += model.record(row).session == session ? 1 : 0;
    return count;
}

// The config of a service with an SMTP listener, debug logging and the test's DNS server.
QString smtpServiceConfig(quint16 smtpPort, const QString& dnsServer)
{
    return QStringLiteral("[service]\nhostname = mail.example.org\n"
                          "[listen]\nsmtp = 127.0.0.1:%1\nsubmission =\nsubmissions =\nimap =\nimaps =\n"
                          "[dns]\nservers = %2\n"
                          "[log]\nlevel = debug\n")
        .arg(smtpPort)
        .arg(dnsServer);
}

// One SMTP session that ends without a message: EHLO, MAIL, RCPT, RSET, QUIT. Blocking, as a
// remote client would be; the service is another process.
bool smtpSession(quint16 port, QString* transcript)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        *transcript = socket.errorString();
        return false;
    }
    const auto readReply = [&socket, transcript]() -> bool {
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            while (socket.canReadLine()) {
                const QByteArray line = socket.readLine();
                transcript->append(QString::fromUtf8(line));
                if (line.size() >= 4 && line.at(3) == ' ')
                    return true;
            }
            if (!socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
                break;
        }
        return false;
    };
    if (!readReply())
        return false;
    for (const char* command : {"EHLO client.test", "MAIL FROM:<sender@client.test>",
                                "RCPT TO:<nobody@example.org>", "RSET", "QUIT"}) {
        transcript->append(QLatin1String(command) + QLatin1Char('\n'));
        socket.write(QByteArray(command) + "\r\n");
        if (!readReply())
            return false;
    }
    return true;
}

QStringList readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestConsoleViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void logModelKeepsTheNewestAndOneSessionField();
    void logViewShowsLiveRecordsSessionsAndExports();
    void diagnosticsViewRunsAndKeepsHistory();
    void serviceViewStopsStartsAndShowsCertificateAndConfig();

private:
    // Starts `dns` with the test's zone and m_service with an SMTP listener on a free loopback
    // port, which it leaves in `port`; the caller checks QTest::currentTestFailed() after it.
    void launchSmtpService(TestDnsServer& dns, quint16& port);

    std::unique_ptr<TestService> m_service;
};

void TestConsoleViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConsoleViews::init()
{
    m_service = std::make_unique<TestService>();
}

void TestConsoleViews::cleanup()
{
    // A postwardend the view started is a daemon, nobody's child: stop whoever holds the lock.
    pw::test::stopServiceHoldingLock(m_service->dataDir(), m_service->pid());
    m_service.reset();
}

void TestConsoleViews::launchSmtpService(TestDnsServer& dns, quint16& port)
{
    QVERIFY2(dns.start(kZone), qPrintable(dns.errorString()));
    port = freeLoopbackPort();
    QVERIFY(port > 0);
    QVERIFY(m_service->writeFile(m_service->configPath(), smtpServiceConfig(port, dns.address())));
    QVERIFY2(m_service->launch(), qPrintable(m_service->errorString()));
}

void TestConsoleViews::logModelKeepsTheNewestAndOneSessionField()
{
    pw::app::LogModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<pw::core::LogRecord> records;
    for (quint64 seq = 1; seq <= 5; ++seq)
        records.append({seq,
                        QDateTime::currentDateTimeUtc(),
                        pw::core::LogLevel::Info,
                        QStringLiteral("smtp"),
                        QStringLiteral("line %1").arg(seq),
                        {},
                        {{QStringLiteral("session"), QStringLiteral("S1")}}});
    model.append(records.mid(0, 2));
    model.append(records.mid(2));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(0).seq, 3u);
    QCOMPARE(model.record(2).seq, 5u);
    // The connection's "session" field is the record's session, and not repeated in the message.
    QCOMPARE(model.index(0, pw::app::LogModel::SessionColumn).data().toString(), QStringLiteral("S1"));
    QCOMPARE(model.index(0, pw::app::LogModel::MessageColumn).data().toString(), QStringLiteral("line 3"));
    QCOMPARE(model.categories(), QStringList{QStringLiteral("smtp")});
}

void TestConsoleViews::logViewShowsLiveRecordsSessionsAndExports()
{
    TestDnsServer dns;
    quint16 port = 0;
    launchSmtpService(dns, port);
    if (QTest::currentTestFailed())
        return;
    TestService& service = *m_service;
    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    pw::ui::LogView view(manager.client());
    view.resize(1100, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    manager.attach(false);
    pw::app::LogModel& model = view.model();
    pw::ui::LogFilterModel& filter = view.filterModel();
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(modelHasMessage(model, QStringLiteral("started")), kUiTimeoutMs);

    // A live record: something an admin does elsewhere shows up here.
    QCOMPARE(service.runCtl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.org")})
                 .exitCode,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(modelHasMessage(model, QStringLiteral("domain example.org added")),
                             kUiTimeoutMs);

    // Two SMTP sessions, one after the other; each leaves several lines.
    for (int i = 0; i < 2; ++i) {
        QString transcript;
        QVERIFY2(smtpSession(port, &transcript), qPrintable(transcript));
    }
    const QString ended = QStringLiteral("transaction ended without a message");
    QTRY_COMPARE_WITH_TIMEOUT(sessionsWith(model, ended).size(), 2, kUiTimeoutMs);
    const QStringList sessions = sessionsWith(model, ended);
    const QString first = sessions.at(0);
    const QString second = sessions.at(1);
    QVERIFY(first != second);
    // The connection's own line carries its session too, so the session has more than one line.
    QTRY_VERIFY_WITH_TIMEOUT(recordsOfSession(model, first) >= 2, kUiTimeoutMs);
    QVERIFY(recordsOfSession(model, second) >= 2);
    QTRY_COMPARE(filter.rowCount(), model.rowCount());
    QVERIFY(labelText(view, "logCountLabel").startsWith(QString::number(model.rowCount())));
    QVERIFY(!saveScreenshot(view, QStringLiteral("console-logs")).isEmpty());

    // Export writes what is visible: everything, as text.
    QTemporaryDir exports;
    QVERIFY(exports.isValid());
    QString error;
    QVERIFY2(view.exportTo(exports.filePath(QStringLiteral("all.log")), &error), qPrintable(error));
    QCOMPARE(readLines(exports.filePath(QStringLiteral("all.log"))).size(), filter.rowCount());

    // Select a line of the first session and show that session's lines alone.
    auto* table = child<QTableView>(view, "logTableView");
    auto* showSession = child<QPushButton>(view, "showSessionButton");
    auto* sessionBar = child<QWidget>(view, "sessionBar");
    QVERIFY(table && showSession && sessionBar);
    QVERIFY(!showSession->isEnabled());
    int firstRow = -1;
    for (int row = 0; row < filter.rowCount() && firstRow < 0; ++row) {
        if (filter.index(row, 0).data(pw::app::LogModel::SessionRole).toString() == first)
            firstRow = row;
    }
    QVERIFY(firstRow >= 0);
    table->setCurrentIndex(filter.index(firstRow, pw::app::LogModel::MessageColumn));
    QVERIFY(showSession->isEnabled());
    QTest::mouseClick(showSession, Qt::LeftButton);
    QVERIFY(sessionBar->isVisible());
    QCOMPARE(view.shownSession(), first);
    QCOMPARE(filter.rowCount(), recordsOfSession(model, first));
    qulonglong lastSeq = 0;
    for (int row = 0; row < filter.rowCount(); ++row) {
        QCOMPARE(filter.index(row, 0).data(pw::app::LogModel::SessionRole).toString(), first);
        const qulonglong seq = filter.index(row, 0).data(pw::app::LogModel::SeqRole).toULongLong();
        QVERIFY2(seq > lastSeq, "the session's lines are in order");
        lastSeq = seq;
    }
    QVERIFY(labelText(view, "sessionLabel").contains(first));
    QVERIFY(!child<QComboBox>(view, "levelComboBox")->isEnabled());
    QVERIFY(!saveScreenshot(view, QStringLiteral("console-logs-session")).isEmpty());

    // Export in this mode writes the session's lines only; as JSON lines by the name.
    const QString jsonPath = exports.filePath(QStringLiteral("session.jsonl"));
    QVERIFY2(view.exportTo(jsonPath, &error), qPrintable(error));
    const QStringList jsonLines = readLines(jsonPath);
    QCOMPARE(jsonLines.size(), filter.rowCount());
    for (const QString& line : jsonLines) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("session")).toString(), first);
    }

    // The stream goes on meanwhile: a new record arrives but the session view keeps to its session.
    const int shown = filter.rowCount();
    QCOMPARE(service.runCtl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.net")})
                 .exitCode,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(modelHasMessage(model, QStringLiteral("domain example.net added")),
                             kUiTimeoutMs);
    QCOMPARE(filter.rowCount(), shown);

    // Back to all: every record again, the filters usable.
    QTest::mouseClick(child<QPushButton>(view, "backToAllButton"), Qt::LeftButton);
    QVERIFY(!sessionBar->isVisible());
    QVERIFY(view.shownSession().isEmpty());
    QCOMPARE(filter.rowCount(), model.rowCount());

    // The session filter narrows to the other session (its lines only); double-click groups too.
    auto* sessionEdit = child<QLineEdit>(view, "sessionLineEdit");
    QVERIFY(sessionEdit && sessionEdit->isEnabled());
    QTest::keyClicks(sessionEdit, second);
    QTRY_COMPARE(filter.rowCount(), recordsOfSession(model, second));
    sessionEdit->clear();
    QTRY_COMPARE(filter.rowCount(), model.rowCount());
    auto* level = child<QComboBox>(view, "levelComboBox");
    level->setCurrentIndex(level->count() - 1); // errors only
    QTRY_COMPARE(filter.rowCount(), 0);
    level->setCurrentIndex(0);
}

void TestConsoleViews::diagnosticsViewRunsAndKeepsHistory()
{
    TestDnsServer dns;
    QVERIFY2(dns.start(kZone), qPrintable(dns.errorString()));
    TestService& service = *m_service;
    QVERIFY2(service.start(QStringLiteral("[service]\nhostname = mail.example.org\n[dns]\nservers = %1\n")
                               .arg(dns.address())),
             qPrintable(service.errorString()));
    QCOMPARE(service.runCtl({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("example.org")})
                 .exitCode,
             0);
    QTemporaryDir historyDir;
    QVERIFY(historyDir.isValid());
    const QString historyPath = historyDir.filePath(QStringLiteral("history.json"));

    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    auto history = std::make_unique<pw::app::DiagnosticsHistory>(historyPath);
    auto view = std::make_unique<pw::ui::DiagnosticsView>(manager, *history);
    view->resize(1100, 700);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    manager.attach(false);

    auto* domains = child<QComboBox>(*view, "domainComboBox");
    auto* run = child<QPushButton>(*view, "runChecksButton");
    auto* historyList = child<QListWidget>(*view, "historyListWidget");
    auto* tree = child<QTreeWidget>(*view, "checkResultsTree");
    QVERIFY(domains && run && historyList && tree);
    QCOMPARE(historyList->count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(domains->findText(QStringLiteral("example.org")) >= 0, kUiTimeoutMs);
    domains->setCurrentIndex(domains->findText(QStringLiteral("example.org")));
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), kUiTimeoutMs);

    for (int runs = 1; runs <= 2; ++runs) {
        dns.clearQueries();
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(view->isRunning());
        QVERIFY(child<QPushButton>(*view, "cancelChecksButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), kRunTimeoutMs);
        QCOMPARE(history->runs().size(), runs);
        QCOMPARE(historyList->count(), runs);
        // The checks asked the test's DNS server, as the service's config says.
        QVERIFY(dns.queryCount() > 0);
        QVERIFY(dns.queries().join(' ').contains(QStringLiteral("example.org MX")));
    }
    QVERIFY2(tree->topLevelItemCount() > 5, qPrintable(labelText(*view, "checkVerdictLabel")));
    QVERIFY(view->resultsView()->hasResult(QStringLiteral("mx.present")));
    QVERIFY(!labelText(*view, "checkVerdictLabel").isEmpty());
    QVERIFY(labelText(*view, "diagnosticsStatusLabel").contains(QStringLiteral("example.org")));
    QCOMPARE(historyList->currentRow(), 0);
    QVERIFY(historyList->item(0)->text().contains(QStringLiteral("example.org")));
    QVERIFY(historyList->item(0)->text().contains(QStringLiteral("passed")));
    const pw::app::DiagnosticsRunRecord newest = *history->latest();
    QCOMPARE(newest.domain, QStringLiteral("example.org"));
    QCOMPARE(newest.results.size(), tree->topLevelItemCount());
    QVERIFY(!saveScreenshot(*view, QStringLiteral("console-diagnostics")).isEmpty());

    // Selecting the older run shows its results.
    historyList->setCurrentRow(1);
    QCOMPARE(view->resultsView()->results().size(), history->runs().first().results.size());
    QCOMPARE(view->resultsView()->results().first().id, history->runs().first().results.first().id);

    // A cancelled run adds nothing.
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(view->isRunning());
    QTest::mouseClick(child<QPushButton>(*view, "cancelChecksButton"), Qt::LeftButton);
    QVERIFY(!view->isRunning());
    QTest::qWait(500);
    QCOMPARE(history->runs().size(), 2);
    QCOMPARE(historyList->count(), 2);

    // The history is on disk: a new history and a new view show both runs.
    view.reset();
    history.reset();
    pw::app::DiagnosticsHistory reread(historyPath);
    QCOMPARE(reread.runs().size(), 2);
    QCOMPARE(reread.latest()->results.size(), newest.results.size());
    QCOMPARE(reread.latest()->worst, newest.worst);
    pw::ui::DiagnosticsView again(manager, reread);
    again.show();
    const auto* againList = child<QListWidget>(again, "historyListWidget");
    QCOMPARE(againList->count(), 2);
    QCOMPARE(again.resultsView()->results().size(), newest.results.size());
}

void TestConsoleViews::serviceViewStopsStartsAndShowsCertificateAndConfig()
{
    TestDnsServer dns;
    quint16 port = 0;
    launchSmtpService(dns, port);
    if (QTest::currentTestFailed())
        return;
    TestService& service = *m_service;
    pw::app::ServiceManager manager(service.dataDir(), service.socketPath());
    manager.setServiceProgram(TestService::program(QStringLiteral("postwardend")));
    pw::ui::ServiceView view(manager);
    view.resize(1200, 750);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    manager.attach(false);

    auto* start = child<QPushButton>(view, "startServiceButton");
    auto* stop = child<QPushButton>(view, "stopServiceButton");
    auto* restart = child<QPushButton>(view, "restartServiceButton");
    QVERIFY(start && stop && restart);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(view, "pidLabel"), QString::number(service.pid()), kUiTimeoutMs);
    QCOMPARE(labelText(view, "stateLabel"), QStringLiteral("Running"));
    QCOMPARE(labelText(view, "dataDirLabel"), service.dataDir());
    QCOMPARE(labelText(view, "configFileLabel"), service.configPath());
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled() && restart->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "certSubjectLabel").contains(QStringLiteral("mail.example.org")),
                             kUiTimeoutMs);
    QVERIFY(labelText(view, "certSelfSignedLabel").contains(QStringLiteral("self-signed")));
    QVERIFY(labelText(view, "certFingerprintLabel").count(QLatin1Char(':')) == 31);

    // The configuration, and a change to it through the table.
    auto* config = child<QTableWidget>(view, "configTableWidget");
    pw::ui::ServiceConfigEditor* editor = view.configEditor();
    QVERIFY(config && editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor->value(QStringLiteral("listen.smtp")) ==
                                 QStringLiteral("127.0.0.1:%1").arg(port),
                             kUiTimeoutMs);
    QVERIFY(!child<QWidget>(view, "restartNeededBar")->isVisible());
    const auto editValue = [config](const QString& key, const QString& value) {
        for (int row = 0; row < config->rowCount(); ++row) {
            if (config->item(row, 0)->text() != key)
                continue;
            config->setFocus();
            config->setCurrentCell(row, pw::ui::ServiceConfigEditor::ValueColumn);
            QTest::keyClick(config, Qt::Key_F2);
            auto* line = qobject_cast<QLineEdit*>(QApplication::focusWidget());
            if (!line)
                return false;
            line->selectAll();
            QTest::keyClicks(line, value);
            QTest::keyClick(line, Qt::Key_Return);
            return true;
        }
        return false;
    };
    QCOMPARE(editor->value(QStringLiteral("log.level")), QStringLiteral("debug"));
    QVERIFY(editValue(QStringLiteral("log.level"), QStringLiteral("loud")));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "configStatusLabel").contains(QStringLiteral("not changed")),
                             kUiTimeoutMs);
    QCOMPARE(editor->value(QStringLiteral("log.level")), QStringLiteral("debug"));
    QVERIFY(editValue(QStringLiteral("log.level"), QStringLiteral("info")));
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(view, "restartNeededBar")->isVisible(), kUiTimeoutMs);
    QVERIFY(editor->restartNeeded());
    QVERIFY(readLines(service.configPath()).contains(QStringLiteral("level = info")));
    QVERIFY(!saveScreenshot(view, QStringLiteral("console-service")).isEmpty());

    // Stop with the button: the service goes, the view says so.
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!stop->isEnabled()); // until the service is gone
    QTRY_VERIFY_WITH_TIMEOUT(!service.isRunning(), kUiTimeoutMs);
    QCOMPARE(service.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(view, "stateLabel"), QStringLiteral("Not running"), kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kUiTimeoutMs);
    QVERIFY(!stop->isEnabled());
    QCOMPARE(labelText(view, "pidLabel"), QStringLiteral("—"));
    QCOMPARE(labelText(view, "certSubjectLabel"), QStringLiteral("—"));
    QVERIFY(!child<QWidget>(view, "restartNeededBar")->isVisible());

    // Start with the button: a new service on the same data directory, with the changed config.
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(view, "stateLabel"), QStringLiteral("Running"), kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "pidLabel") != QStringLiteral("—"), kUiTimeoutMs);
    const qint64 newPid = labelText(view, "pidLabel").toLongLong();
    QVERIFY(newPid != service.pid());
    QVERIFY(processAlive(newPid));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "certSubjectLabel").contains(QStringLiteral("mail.example.org")),
                             kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(editor->value(QStringLiteral("log.level")), QStringLiteral("info"),
                              kUiTimeoutMs);
    QVERIFY(!editor->restartNeeded());
    QVERIFY(!start->isEnabled() && stop->isEnabled());

    // Reload the certificate from disk.
    QTest::mouseClick(child<QPushButton>(view, "reloadCertificateButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "certStatusLabel").startsWith(QStringLiteral("Reloaded")),
                             kUiTimeoutMs);

    // Another change, applied with the restart bar's button: a new process, nothing left to apply.
    QVERIFY(editValue(QStringLiteral("log.level"), QStringLiteral("notice")));
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(view, "restartNeededBar")->isVisible(), kUiTimeoutMs);
    QTest::mouseClick(child<QPushButton>(view, "restartNowButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(newPid), kUiTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(labelText(view, "stateLabel"), QStringLiteral("Running"), kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(view, "pidLabel").toLongLong() > 0, kUiTimeoutMs);
    QVERIFY(labelText(view, "pidLabel").toLongLong() != newPid);
    QTRY_COMPARE_WITH_TIMEOUT(editor->value(QStringLiteral("log.level")), QStringLiteral("notice"),
                              kUiTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QWidget>(view, "restartNeededBar")->isVisible(), kUiTimeoutMs);
}

int main(int argc, char** argv)
{
    return pw::test::runWidgetTest<TestConsoleViews>(argc, argv);
}

#include "tst_console_views.moc"
