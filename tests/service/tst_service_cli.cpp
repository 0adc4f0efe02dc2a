// Integration tests: the real postwardend, driven by the real postwardenctl (and, where the CLI
// cannot reach, a raw QLocalSocket), each on a data directory of its own.

#include "tests/support/TestService.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLockFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <csignal>
#include <sys/stat.h>

using pw::test::processAlive;
using pw::test::ProgramResult;
using pw::test::TestService;

namespace {

const QString kVersion = QStringLiteral(POSTWARDEN_VERSION);

// The permission bits of a file, or -1 when it does not exist.
int fileMode(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

bool isSocket(const QString& path)
{
    struct stat st = {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}

QString lockPath(const TestService& service)
{
    return service.dataDir() + QStringLiteral("/postwardend.lock");
}

// Whether nobody holds the instance lock (taking it for a moment to find out).
bool lockIsFree(const TestService& service)
{
    QLockFile lock(lockPath(service));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        return false;
    lock.unlock();
    return true;
}

QStringList nonEmptyLines(const QString& text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonObject parseObject(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

// Reads from `process` until its standard output contains `needle` or the time runs out.
bool waitForOutput(QProcess& process, QString* collected, const QString& needle, int timeoutMs = 15000)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        *collected += QString::fromUtf8(process.readAllStandardOutput());
        if (collected->contains(needle))
            return true;
        if (deadline.hasExpired() || !process.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            break;
    }
    *collected += QString::fromUtf8(process.readAllStandardOutput());
    return collected->contains(needle);
}

// Reads replies from a raw control connection, one line each.
class RawConnection
{
public:
    explicit RawConnection(const QString& path) { m_socket.connectToServer(path); }
    bool connected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray& bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }
    QByteArray readLine(int timeoutMs = 5000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains('\n') && !deadline.hasExpired()) {
            if (!m_socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
                break;
            m_buffer += m_socket.readAll();
        }
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0)
            return {};
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        return line;
    }
    bool waitForDisconnected(int timeoutMs = 5000)
    {
        return m_socket.state() == QLocalSocket::UnconnectedState || m_socket.waitForDisconnected(timeoutMs);
    }

private:
    QLocalSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

class TestServiceCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void firstStartCreatesPrivateDataDir();
    void defaultConfigWrittenOnFirstStart();
    void existingConfigIsKeptAndDataDirTightened();
    void statusText();
    void statusJson();
    void logsPrintsStartRecord();
    void logsFollowSeesNewRecordsAndEndsWithService();
    void followersHearWhyTheServiceStops();
    void shutdownEndsTheProcess();
    void secondInstanceIsRefused();
    void invalidConfigListsEveryError();
    void sigtermStopsCleanlyAndRestarts();
    void sigkillLeavesRecoverableState();
    void ctlWithoutServiceIsUnavailable();
    void ctlUsageErrors();
    void garbageOnSocketGetsJsonRpcErrors();
    void oversizedRequestIsRefused();
    void daemonModeReturnsOnceReady();
    void daemonModeReportsStartErrors();
};

void TestServiceCli::initTestCase()
{
    for (const QString& name : {QStringLiteral("postwardend"), QStringLiteral("postwardenctl")}) {
        const QString path = TestService::program(name);
        QVERIFY2(QFileInfo(path).isExecutable(), qPrintable(path + QStringLiteral(" is not built")));
    }
}

void TestServiceCli::firstStartCreatesPrivateDataDir()
{
    TestService service;
    const QString config = service.tempDir() + QStringLiteral("/elsewhere.conf");
    QVERIFY(service.writeFile(config, TestService::listenersOffConfig()));
    QVERIFY(!QFileInfo::exists(service.dataDir()));

    QVERIFY2(service.launch({QStringLiteral("--config"), config}), qPrintable(service.errorString()));

    QCOMPARE(fileMode(service.dataDir()), 0700);
    QVERIFY(isSocket(service.socketPath()));
    QCOMPARE(fileMode(service.socketPath()), 0600);
    QVERIFY(QFileInfo::exists(service.dataDir() + QStringLiteral("/postwarden.db")));
    // --config names the file; nothing is written in the data directory in its place.
    QVERIFY(!QFileInfo::exists(service.configPath()));
    const ProgramResult status = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(parseObject(status.stdOut.toUtf8()).value(QStringLiteral("config_file")).toString(), config);

    QVERIFY2(service.stop(), qPrintable(service.errorString() + service.output()));

    // The database is SQLite in WAL mode, readable after the service has closed it.
    const QString connection = QStringLiteral("tst_service_cli_readonly");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(service.dataDir() + QStringLiteral("/postwarden.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QVERIFY(query.value(0).toInt() >= 1);
        // Start and stop are events, kept in the database's event log.
        QVERIFY(query.exec(QStringLiteral("SELECT message FROM events ORDER BY id")));
        QStringList messages;
        while (query.next())
            messages << query.value(0).toString();
        QVERIFY2(messages.size() >= 2, qPrintable(messages.join(QLatin1Char('|'))));
        QCOMPARE(messages.first(), QStringLiteral("postwardend %1 started").arg(kVersion));
        QCOMPARE(messages.last(), QStringLiteral("postwardend stopping"));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestServiceCli::defaultConfigWrittenOnFirstStart()
{
    // The only test that runs with the default listeners: make sure nothing else holds them, and
    // stop right after looking at the file.
    for (const quint16 port : {2525, 2587, 2465, 2143, 2993}) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, port))
            QSKIP(qPrintable(
                QStringLiteral("127.0.0.1:%1 is in use; the default config cannot be tried").arg(port)));
    }
    TestService service;
    QVERIFY2(service.launch(), qPrintable(service.errorString()));
    QVERIFY2(service.stop(), qPrintable(service.errorString() + service.output()));

    QFile file(service.configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(fileMode(service.configPath()), 0600);
    // Every setting is there, commented, with its default.
    for (const QString& section :
         {QStringLiteral("[service]"), QStringLiteral("[listen]"), QStringLiteral("[dns]"),
          QStringLiteral("[tls]"), QStringLiteral("[control]"), QStringLiteral("[log]")})
        QVERIFY2(text.contains(QLatin1Char('\n') + section + QLatin1Char('\n')), qPrintable(section));
    for (const QString& line :
         {QStringLiteral("#smtp = 127.0.0.1:2525"), QStringLiteral("#submission = 127.0.0.1:2587"),
          QStringLiteral("#submissions = 127.0.0.1:2465"), QStringLiteral("#imap = 127.0.0.1:2143"),
          QStringLiteral("#imaps = 127.0.0.1:2993"), QStringLiteral("#level = info")})
        QVERIFY2(text.contains(line), qPrintable(line));
    for (const QString& line : nonEmptyLines(text))
        QVERIFY2(line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('[')), qPrintable(line));
}

void TestServiceCli::existingConfigIsKeptAndDataDirTightened()
{
    TestService service;
    const QString config =
        TestService::listenersOffConfig() + QStringLiteral("# mine\n[log]\nbuffer_size = 200\n");
    QVERIFY(service.writeFile(service.configPath(), config)); // creates the data dir with the test's umask
    QVERIFY(QFile::setPermissions(service.dataDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                         QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                         QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                         QFileDevice::ExeOther));
    QCOMPARE(fileMode(service.dataDir()), 0755);

    QVERIFY2(service.launch(), qPrintable(service.errorString()));
    QCOMPARE(fileMode(service.dataDir()), 0700);
    QFile file(service.configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), config);
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::statusText()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const ProgramResult status = service.runCtl({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.stdErr.isEmpty());
    const QStringList lines = nonEmptyLines(status.stdOut);
    QVERIFY(!lines.isEmpty());
    QVERIFY2(lines.first().startsWith(
                 QStringLiteral("postwardend %1 running, pid %2, up ").arg(kVersion).arg(service.pid())),
             qPrintable(status.stdOut));
    QVERIFY2(status.stdOut.contains(QStringLiteral("data directory: %1\n").arg(service.dataDir())),
             qPrintable(status.stdOut));
    QVERIFY2(status.stdOut.contains(QStringLiteral("configuration:  %1\n").arg(service.configPath())),
             qPrintable(status.stdOut));
    QVERIFY2(QRegularExpression(QStringLiteral("listener: +control +%1 \\(listening\\)")
                                    .arg(QRegularExpression::escape(service.socketPath())))
                 .match(status.stdOut)
                 .hasMatch(),
             qPrintable(status.stdOut));
    QVERIFY2(status.stdOut.contains(QStringLiteral("events:")), qPrintable(status.stdOut));
}

void TestServiceCli::statusJson()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const ProgramResult status = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject s = parseObject(status.stdOut.toUtf8());
    QVERIFY2(!s.isEmpty(), qPrintable(status.stdOut));

    QCOMPARE(s.value(QStringLiteral("version")).toString(), kVersion);
    QCOMPARE(s.value(QStringLiteral("pid")).toInteger(), service.pid());
    QCOMPARE(s.value(QStringLiteral("data_dir")).toString(), service.dataDir());
    QCOMPARE(s.value(QStringLiteral("config_file")).toString(), service.configPath());
    QVERIFY(s.value(QStringLiteral("schema_version")).toInt() >= 1);
    QVERIFY(s.value(QStringLiteral("uptime_seconds")).isDouble());
    QVERIFY(s.value(QStringLiteral("uptime_seconds")).toInteger() >= 0);
    QVERIFY(QDateTime::fromString(s.value(QStringLiteral("started")).toString(), Qt::ISODate).isValid());

    const QJsonArray listeners = s.value(QStringLiteral("listeners")).toArray();
    QCOMPARE(listeners.size(), 1); // every mail listener is off in TestService's config
    const QJsonObject control = listeners.first().toObject();
    QCOMPARE(control.value(QStringLiteral("role")).toString(), QStringLiteral("control"));
    QCOMPARE(control.value(QStringLiteral("address")).toString(), service.socketPath());
    QCOMPARE(control.value(QStringLiteral("state")).toString(), QStringLiteral("listening"));

    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    QVERIFY(counts.value(QStringLiteral("control_clients")).toInteger() >= 1); // this postwardenctl
    QVERIFY(counts.value(QStringLiteral("log_records")).toInteger() >= 1);
    QVERIFY(counts.value(QStringLiteral("events")).toInteger() >= 1);
}

void TestServiceCli::logsPrintsStartRecord()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const QString started = QStringLiteral("postwardend %1 started").arg(kVersion);

    const ProgramResult logs = service.runCtl({QStringLiteral("logs")});
    QCOMPARE(logs.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\S+Z notice +service: %1 .*pid=%2")
                                    .arg(QRegularExpression::escape(started))
                                    .arg(service.pid()),
                                QRegularExpression::MultilineOption)
                 .match(logs.stdOut)
                 .hasMatch(),
             qPrintable(logs.stdOut));

    const ProgramResult one =
        service.runCtl({QStringLiteral("logs"), QStringLiteral("--lines"), QStringLiteral("1")});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(nonEmptyLines(one.stdOut).size(), 1);

    // The start record is a notice: a warnings-only view leaves it out.
    const ProgramResult warnings =
        service.runCtl({QStringLiteral("logs"), QStringLiteral("--level"), QStringLiteral("warning")});
    QCOMPARE(warnings.exitCode, 0);
    QVERIFY2(!warnings.stdOut.contains(started), qPrintable(warnings.stdOut));

    const ProgramResult json = service.runCtl({QStringLiteral("--json"), QStringLiteral("logs")});
    QCOMPARE(json.exitCode, 0);
    bool found = false;
    for (const QString& line : nonEmptyLines(json.stdOut)) {
        const QJsonObject record = parseObject(line.toUtf8());
        QVERIFY2(!record.isEmpty(), qPrintable(line));
        if (record.value(QStringLiteral("message")).toString() == started) {
            found = true;
            QCOMPARE(record.value(QStringLiteral("level")).toString(), QStringLiteral("notice"));
        }
    }
    QVERIFY2(found, qPrintable(json.stdOut));

    const ProgramResult badLevel =
        service.runCtl({QStringLiteral("logs"), QStringLiteral("--level"), QStringLiteral("loud")});
    QCOMPARE(badLevel.exitCode, 1);
    QCOMPARE(nonEmptyLines(badLevel.stdErr).size(), 1);
}

void TestServiceCli::logsFollowSeesNewRecordsAndEndsWithService()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));

    const std::unique_ptr<QProcess> follower =
        service.startCtl({QStringLiteral("logs"), QStringLiteral("--follow")});
    QVERIFY(follower->waitForStarted(15000));
    QString seen;
    // The backlog (with the start record) arrives in the subscription's answer: from then on,
    // every new record is pushed.
    QVERIFY2(waitForOutput(*follower, &seen, QStringLiteral("started")), qPrintable(seen));

    const ProgramResult shutdown = service.runCtl({QStringLiteral("shutdown")});
    QCOMPARE(shutdown.exitCode, 0);
    QVERIFY2(waitForOutput(*follower, &seen, QStringLiteral("shutdown requested over the control socket")),
             qPrintable(seen));

    QVERIFY(follower->waitForFinished(15000));
    QCOMPARE(follower->exitStatus(), QProcess::NormalExit);
    QCOMPARE(follower->exitCode(), 3);
    const QString error = QString::fromUtf8(follower->readAllStandardError());
    QCOMPARE(nonEmptyLines(error).size(), 1);
    QVERIFY2(error.startsWith(QStringLiteral("postwardenctl: ")), qPrintable(error));
    QVERIFY(service.waitForExit());
    QCOMPARE(service.exitCode(), 0);
}

void TestServiceCli::followersHearWhyTheServiceStops()
{
    // The records logged while the service goes down (the signal, "stopping") are the ones an
    // admin watching the log needs most; they must be delivered before the socket closes.
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const std::unique_ptr<QProcess> follower =
        service.startCtl({QStringLiteral("logs"), QStringLiteral("--follow")});
    QVERIFY(follower->waitForStarted(15000));
    QString seen;
    QVERIFY2(waitForOutput(*follower, &seen, QStringLiteral("started")), qPrintable(seen));

    QVERIFY2(service.stop(), qPrintable(service.errorString()));
    QVERIFY(follower->waitForFinished(15000));
    seen += QString::fromUtf8(follower->readAllStandardOutput());
    QVERIFY2(seen.contains(QStringLiteral("received signal %1, shutting down").arg(SIGTERM)),
             qPrintable(seen));
    QVERIFY2(seen.contains(QStringLiteral("postwardend stopping")), qPrintable(seen));
    QCOMPARE(follower->exitCode(), 3);
}

void TestServiceCli::shutdownEndsTheProcess()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const ProgramResult shutdown = service.runCtl({QStringLiteral("shutdown")});
    QCOMPARE(shutdown.exitCode, 0);
    QCOMPARE(shutdown.stdOut, QStringLiteral("the service is shutting down\n"));
    QVERIFY(service.waitForExit());
    QCOMPARE(service.exitStatus(), QProcess::NormalExit);
    QCOMPARE(service.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(service.socketPath()));
    QVERIFY(!QFileInfo::exists(lockPath(service)));
    QVERIFY2(service.output().contains(QStringLiteral("shutdown requested over the control socket")),
             qPrintable(service.output()));

    const ProgramResult again = service.runCtl({QStringLiteral("shutdown")});
    QCOMPARE(again.exitCode, 3); // nobody left to shut down
}

void TestServiceCli::secondInstanceIsRefused()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const QString expected =
        QStringLiteral("another postwardend (pid %1) is already running on this data directory")
            .arg(service.pid());

    const ProgramResult foreground =
        TestService::run(TestService::program(QStringLiteral("postwardend")),
                         {QStringLiteral("--foreground"), QStringLiteral("--data-dir"), service.dataDir()});
    QCOMPARE(foreground.exitCode, 1);
    QVERIFY2(foreground.stdErr.contains(expected), qPrintable(foreground.stdErr));

    // Without --foreground the refusal travels from the forked child to the waiting parent.
    const ProgramResult daemon = TestService::run(TestService::program(QStringLiteral("postwardend")),
                                                  {QStringLiteral("--data-dir"), service.dataDir()});
    QCOMPARE(daemon.exitCode, 1);
    QVERIFY2(daemon.stdErr.contains(expected), qPrintable(daemon.stdErr));
    QVERIFY(daemon.stdOut.isEmpty());

    // The first one neither noticed nor lost its socket.
    QVERIFY(service.isRunning());
    QVERIFY(isSocket(service.socketPath()));
    const ProgramResult status = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(parseObject(status.stdOut.toUtf8()).value(QStringLiteral("pid")).toInteger(), service.pid());
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::invalidConfigListsEveryError()
{
    TestService service;
    // Lines 1-6 are TestService's [listen] block.
    QVERIFY(service.writeFile(service.configPath(),
                              TestService::listenersOffConfig() + QStringLiteral("[dns]\n"             // 7
                                                                                 "query_timeout = 5\n" // 8
                                                                                 "[log]\n"             // 9
                                                                                 "level = loud\n")));  // 10
    const QStringList arguments{QStringLiteral("--foreground"), QStringLiteral("--data-dir"),
                                service.dataDir()};
    const ProgramResult result =
        TestService::run(TestService::program(QStringLiteral("postwardend")), arguments);
    QCOMPARE(result.exitCode, 1);
    const QStringList errors = nonEmptyLines(result.stdErr);
    QCOMPARE(errors.size(), 2);
    for (const QString& where :
         {QStringLiteral("line 8: [dns] query_timeout: "), QStringLiteral("line 10: [log] level: ")}) {
        const QString expected = QStringLiteral("postwardend: %1: %2").arg(service.configPath(), where);
        QVERIFY2(std::any_of(errors.cbegin(), errors.cend(),
                             [&](const QString& e) { return e.startsWith(expected); }),
                 qPrintable(expected + QLatin1Char('\n') + result.stdErr));
    }
    QVERIFY(!QFileInfo::exists(service.socketPath()));
    QVERIFY(lockIsFree(service));

    // Other kinds of mistakes are collected the same way.
    QVERIFY(service.writeFile(service.configPath(), QStringLiteral("[listen]\n"
                                                                   "smtp = nowhere:25\n"
                                                                   "imap = 127.0.0.1:99999\n"
                                                                   "colour = blue\n"
                                                                   "this is not a setting\n")));
    const ProgramResult more =
        TestService::run(TestService::program(QStringLiteral("postwardend")), arguments);
    QCOMPARE(more.exitCode, 1);
    QCOMPARE(nonEmptyLines(more.stdErr).size(), 4);
    for (const QString& where : {QStringLiteral("line 2"), QStringLiteral("line 3"), QStringLiteral("line 4"),
                                 QStringLiteral("line 5")})
        QVERIFY2(more.stdErr.contains(where + QLatin1Char(':')),
                 qPrintable(where + QLatin1Char('\n') + more.stdErr));
}

void TestServiceCli::sigtermStopsCleanlyAndRestarts()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const qint64 firstPid = service.pid();
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
    QCOMPARE(service.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(service.socketPath()));
    QVERIFY(!QFileInfo::exists(lockPath(service)));
    QVERIFY(lockIsFree(service));
    QVERIFY2(service.output().contains(QStringLiteral("received signal %1, shutting down").arg(SIGTERM)),
             qPrintable(service.output()));

    QVERIFY2(service.start(), qPrintable(service.errorString()));
    QVERIFY(service.pid() != firstPid);
    const ProgramResult status = service.runCtl({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    // The event log is in the database, so the second run counts the first run's events too.
    const ProgramResult json = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY(parseObject(json.stdOut.toUtf8())
                .value(QStringLiteral("counts"))
                .toObject()
                .value(QStringLiteral("events"))
                .toInteger() >= 3);
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::sigkillLeavesRecoverableState()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    const qint64 firstPid = service.pid();
    service.kill();
    QCOMPARE(service.exitStatus(), QProcess::CrashExit);
    // What a crash leaves behind: the socket file and the lock file, both stale.
    QVERIFY(isSocket(service.socketPath()));
    QVERIFY(QFileInfo::exists(lockPath(service)));

    const ProgramResult stale = service.runCtl({QStringLiteral("status")});
    QCOMPARE(stale.exitCode, 3);
    QCOMPARE(nonEmptyLines(stale.stdErr).size(), 1);

    QVERIFY2(service.start(), qPrintable(service.errorString()));
    QVERIFY(service.pid() != firstPid);
    const ProgramResult status = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(parseObject(status.stdOut.toUtf8()).value(QStringLiteral("pid")).toInteger(), service.pid());
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
    QVERIFY(!QFileInfo::exists(service.socketPath()));
}

void TestServiceCli::ctlWithoutServiceIsUnavailable()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QString ctl = TestService::program(QStringLiteral("postwardenctl"));
    for (const QStringList& command :
         {QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("logs")},
          QStringList{QStringLiteral("logs"), QStringLiteral("--follow")},
          QStringList{QStringLiteral("shutdown")}}) {
        const ProgramResult result =
            TestService::run(ctl, QStringList{QStringLiteral("--data-dir"), empty.path()} + command);
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.stdOut.isEmpty());
        const QStringList lines = nonEmptyLines(result.stdErr);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("postwardenctl: ")), qPrintable(result.stdErr));
        QVERIFY2(lines.first().contains(empty.path() + QStringLiteral("/control.sock")),
                 qPrintable(result.stdErr));
    }
}

void TestServiceCli::ctlUsageErrors()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QString ctl = TestService::program(QStringLiteral("postwardenctl"));
    const QStringList base{QStringLiteral("--data-dir"), empty.path()};
    for (const QStringList& arguments :
         {base + QStringList{QStringLiteral("frobnicate")}, base,
          base + QStringList{QStringLiteral("--bogus"), QStringLiteral("status")}}) {
        const ProgramResult result = TestService::run(ctl, arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(nonEmptyLines(result.stdErr).size(), 1);
        QVERIFY2(result.stdErr.startsWith(QStringLiteral("postwardenctl: ")), qPrintable(result.stdErr));
    }
    const ProgramResult unknown = TestService::run(ctl, base + QStringList{QStringLiteral("frobnicate")});
    QVERIFY2(unknown.stdErr.contains(QStringLiteral("frobnicate")), qPrintable(unknown.stdErr));

    const ProgramResult help = TestService::run(ctl, {QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const QString& command :
         {QStringLiteral("status"), QStringLiteral("logs"), QStringLiteral("shutdown")})
        QVERIFY2(help.stdOut.contains(QStringLiteral("  ") + command), qPrintable(help.stdOut));

    // Arguments a command does not take are usage errors too, also with a service running.
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("status"), QStringLiteral("now")},
          QStringList{QStringLiteral("logs"), QStringLiteral("--lines"), QStringLiteral("x")},
          QStringList{QStringLiteral("shutdown"), QStringLiteral("now")}}) {
        const ProgramResult result = service.runCtl(arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(nonEmptyLines(result.stdErr).size(), 1);
    }
    QVERIFY(service.isRunning()); // "shutdown now" did not shut it down
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::garbageOnSocketGetsJsonRpcErrors()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    RawConnection raw(service.socketPath());
    QVERIFY(raw.connected());

    struct Case
    {
        QByteArray sent;
        int code;
        QJsonValue id;
    };
    const QList<Case> cases{
        {"this is not json\n", -32700, QJsonValue::Null},
        {QByteArray("\x00\xff\xfe{{\x01\n", 7), -32700, QJsonValue::Null},
        {R"({"jsonrpc":"2.0","id":true,"method":"status"})"
         "\n",
         -32600, QJsonValue::Null},
        {R"({"jsonrpc":"1.0","id":5,"method":"status"})"
         "\n",
         -32600, 5},
        {R"({"jsonrpc":"2.0","id":6})"
         "\n",
         -32600, 6},
        {R"({"jsonrpc":"2.0","id":7,"method":"no.such.method","params":{}})"
         "\n",
         -32601, 7},
        {R"({"jsonrpc":"2.0","id":"eight","method":"status","params":[1]})"
         "\r\n",
         -32602, QStringLiteral("eight")},
        {R"({"jsonrpc":"2.0","id":9,"method":"logs.tail","params":{"lines":-1}})"
         "\n",
         -32602, 9},
    };
    for (const Case& c : cases) {
        raw.send(c.sent);
        const QByteArray reply = raw.readLine();
        const QJsonObject object = parseObject(reply);
        QVERIFY2(!object.isEmpty(), c.sent.constData());
        QCOMPARE(object.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(object.value(QStringLiteral("id")), c.id);
        QVERIFY2(!object.contains(QStringLiteral("result")), reply.constData());
        const QJsonObject error = object.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), c.code);
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    }

    // Blank lines and notifications get no answer; the next real request is still answered.
    raw.send("\n   \n"
             R"({"jsonrpc":"2.0","method":"status"})"
             "\n"
             R"({"jsonrpc":"2.0","id":10,"method":"status"})"
             "\n");
    const QJsonObject status = parseObject(raw.readLine());
    QCOMPARE(status.value(QStringLiteral("id")).toInt(), 10);
    QCOMPARE(status.value(QStringLiteral("result")).toObject().value(QStringLiteral("pid")).toInteger(),
             service.pid());

    const ProgramResult afterwards = service.runCtl({QStringLiteral("status")});
    QCOMPARE(afterwards.exitCode, 0);
    QVERIFY(service.isRunning());
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::oversizedRequestIsRefused()
{
    TestService service;
    QVERIFY2(service.start(), qPrintable(service.errorString()));
    {
        RawConnection raw(service.socketPath());
        QVERIFY(raw.connected());
        raw.send(QByteArray(1024 * 1024 + 4096, 'x')); // no newline: a request that never ends
        const QJsonObject reply = parseObject(raw.readLine(10000));
        QCOMPARE(reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
                 -32600);
        QVERIFY(raw.waitForDisconnected());
    }
    const ProgramResult status = service.runCtl({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(service.stop(), qPrintable(service.errorString()));
}

void TestServiceCli::daemonModeReturnsOnceReady()
{
    TestService service; // only for its directories and postwardenctl; the daemon is not its child
    QVERIFY(service.writeFile(service.configPath(), TestService::listenersOffConfig()));
    qint64 daemonPid = 0;
    // Whatever happens below, the daemon does not outlive the test.
    const auto reaper = qScopeGuard([&daemonPid] {
        if (!processAlive(daemonPid))
            return;
        ::kill(static_cast<pid_t>(daemonPid), SIGTERM);
        const QDeadlineTimer deadline(5000);
        while (processAlive(daemonPid) && !deadline.hasExpired())
            QThread::msleep(20);
        if (processAlive(daemonPid))
            ::kill(static_cast<pid_t>(daemonPid), SIGKILL);
    });

    QElapsedTimer timer;
    timer.start();
    const ProgramResult started = TestService::run(TestService::program(QStringLiteral("postwardend")),
                                                   {QStringLiteral("--data-dir"), service.dataDir()});
    const qint64 elapsed = timer.elapsed();
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^postwardend started \\(pid (\\d+)\\), log in (.+)\n$"))
            .match(started.stdOut);
    if (match.hasMatch())
        daemonPid = match.captured(1).toLongLong();
    QCOMPARE(started.exitCode, 0);
    QVERIFY2(match.hasMatch(), qPrintable(started.stdOut + started.stdErr));
    QVERIFY2(elapsed < 10000, qPrintable(QString::number(elapsed)));
    const QString logFile = match.captured(2);
    QCOMPARE(logFile, service.dataDir() + QStringLiteral("/postwardend.log"));

    // "started" means answering: no retry needed.
    const ProgramResult status = service.runCtl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(parseObject(status.stdOut.toUtf8()).value(QStringLiteral("pid")).toInteger(), daemonPid);
    QVERIFY(processAlive(daemonPid));

    const ProgramResult shutdown = service.runCtl({QStringLiteral("shutdown")});
    QCOMPARE(shutdown.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(daemonPid), 15000);
    QVERIFY(!QFileInfo::exists(service.socketPath()));
    QVERIFY(lockIsFree(service));
    QCOMPARE(fileMode(logFile), 0600);
    QFile log(logFile);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString logText = QString::fromUtf8(log.readAll());
    QVERIFY2(logText.contains(QStringLiteral("shutdown requested over the control socket")),
             qPrintable(logText));
}

void TestServiceCli::daemonModeReportsStartErrors()
{
    TestService service;
    QVERIFY(service.writeFile(service.configPath(),
                              TestService::listenersOffConfig() +
                                  QStringLiteral("[log]\nlevel = loud\nbuffer_size = 1\n")));
    QElapsedTimer timer;
    timer.start();
    const ProgramResult result = TestService::run(TestService::program(QStringLiteral("postwardend")),
                                                  {QStringLiteral("--data-dir"), service.dataDir()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(result.stdOut.isEmpty());
    const QStringList errors = nonEmptyLines(result.stdErr);
    QCOMPARE(errors.size(), 2);
    QVERIFY2(result.stdErr.contains(QStringLiteral("line 8: [log] level")), qPrintable(result.stdErr));
    QVERIFY2(result.stdErr.contains(QStringLiteral("line 9: [log] buffer_size")), qPrintable(result.stdErr));
    QVERIFY(!QFileInfo::exists(service.socketPath()));
    QVERIFY(lockIsFree(service));
}

QTEST_GUILESS_MAIN(TestServiceCli)
#include "tst_service_cli.moc"
