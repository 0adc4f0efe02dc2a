#include "tests/support/TestService.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <csignal>

namespace pw::test {

bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || paren + 2 >= text.size() || text.at(paren + 2) != 'Z';
}

namespace {

constexpr int kStopOnDestructionMs = 5000;
constexpr int kPollMs = 50;

} // namespace

TestService::TestService() = default;

TestService::~TestService()
{
    // A test that failed half-way must not leave a service behind.
    stop(kStopOnDestructionMs);
}

QString TestService::listenersOffConfig()
{
    return QStringLiteral("[listen]\nsmtp =\nsubmission =\nsubmissions =\nimap =\nimaps =\n");
}

QString TestService::program(const QString& name)
{
    const QString dir = qEnvironmentVariable("POSTWARDEN_BIN_DIR");
    return dir.isEmpty() ? name : dir + QLatin1Char('/') + name;
}

QString TestService::dataDir() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

QString TestService::socketPath() const
{
    return dataDir() + QStringLiteral("/control.sock");
}

QString TestService::configPath() const
{
    return dataDir() + QStringLiteral("/postwarden.conf");
}

QString TestService::output() const
{
    QFile file(m_dir.filePath(QStringLiteral("postwardend.out")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool TestService::writeFile(const QString& path, const QString& text)
{
    const QString absolute = QDir(m_dir.path()).absoluteFilePath(path);
    QDir().mkpath(QFileInfo(absolute).absolutePath());
    QFile file(absolute);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write %1: %2").arg(absolute, file.errorString());
        return false;
    }
    return true;
}

bool TestService::start(const QString& extraConfigText)
{
    return writeFile(configPath(), listenersOffConfig() + extraConfigText) && launch();
}

bool TestService::launch(const QStringList& extraArguments)
{
    m_error.clear();
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    if (m_process.state() != QProcess::NotRunning) {
        m_error = QStringLiteral("the service is already running");
        return false;
    }
    // The log goes to a file rather than a pipe: nobody has to drain it while the test waits on
    // something else, and it survives the process for the failure message.
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("postwardend.out")), QIODevice::Append);
    m_process.start(program(QStringLiteral("postwardend")),
                    QStringList{QStringLiteral("--foreground"), QStringLiteral("--data-dir"), dataDir()} +
                        extraArguments);
    if (!m_process.waitForStarted(kDefaultTimeoutMs)) {
        m_error = QStringLiteral("cannot run %1: %2").arg(m_process.program(), m_process.errorString());
        return false;
    }
    m_pid = m_process.processId();
    return waitUntilAnswering(kDefaultTimeoutMs);
}

bool TestService::waitUntilAnswering(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QByteArray request = R"({"jsonrpc":"2.0","id":1,"method":"status","params":{}})";
    while (!deadline.hasExpired()) {
        // waitForFinished doubles as the pause between tries and notices an early exit.
        if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(kPollMs)) {
            m_error = QStringLiteral("postwardend exited during start-up (code %1): %2")
                          .arg(m_process.exitCode())
                          .arg(output().trimmed());
            return false;
        }
        const QByteArray reply = rawRequest(socketPath(), request, 1000);
        const QJsonObject result =
            QJsonDocument::fromJson(reply).object().value(QStringLiteral("result")).toObject();
        // A stale socket from another (dead) instance cannot answer; another live one would
        // answer with its own pid.
        if (result.value(QStringLiteral("pid")).toInteger() == m_pid)
            return true;
    }
    m_error = QStringLiteral("postwardend did not answer on %1 within %2 ms: %3")
                  .arg(socketPath())
                  .arg(timeoutMs)
                  .arg(output().trimmed());
    stop(kStopOnDestructionMs);
    return false;
}

bool TestService::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    m_process.terminate(); // SIGTERM
    if (!m_process.waitForFinished(timeoutMs)) {
        m_error = QStringLiteral("postwardend did not stop within %1 ms of SIGTERM; killed").arg(timeoutMs);
        kill();
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void TestService::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(kDefaultTimeoutMs);
}

bool TestService::waitForExit(int timeoutMs)
{
    return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
}

bool TestService::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

ProgramResult TestService::runCtl(const QStringList& arguments, int timeoutMs) const
{
    return run(program(QStringLiteral("postwardenctl")),
               QStringList{QStringLiteral("--socket"), socketPath()} + arguments, timeoutMs);
}

std::unique_ptr<QProcess> TestService::startCtl(const QStringList& arguments) const
{
    auto process = std::make_unique<QProcess>();
    process->start(program(QStringLiteral("postwardenctl")),
                   QStringList{QStringLiteral("--socket"), socketPath()} + arguments);
    return process;
}

ProgramResult TestService::run(const QString& program, const QStringList& arguments, int timeoutMs)
{
    ProgramResult result;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        result.stdErr = QStringLiteral("cannot run %1: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(kDefaultTimeoutMs);
    }
    if (!result.timedOut && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.stdOut = QString::fromUtf8(process.readAllStandardOutput());
    result.stdErr = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray TestService::rawRequest(const QString& socketPath, const QByteArray& line, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(line.endsWith('\n') ? line : line + '\n');
    if (!socket.waitForBytesWritten(static_cast<int>(deadline.remainingTime())))
        return {};
    QByteArray received;
    while (!received.contains('\n') && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            break;
        received += socket.readAll();
    }
    const qsizetype end = received.indexOf('\n');
    return end < 0 ? QByteArray() : received.left(end);
}

} // namespace pw::test
