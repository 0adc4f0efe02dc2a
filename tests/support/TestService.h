#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace pw::test {

// Whether a process that may not be ours (a daemon) still runs; a zombie waiting for its reaper
// counts as gone.
[[nodiscard]] bool processAlive(qint64 pid);

// What a finished postwardenctl (or any other program) left behind.
struct ProgramResult
{
    int exitCode = -1; // -1 when the program did not finish normally (timeout, crash, not started)
    bool timedOut = false;
    QString stdOut;
    QString stdErr;
};

// A real postwardend (from $POSTWARDEN_BIN_DIR) in the foreground, on a data directory inside a
// temporary directory of its own, for integration tests. The data directory itself does not exist
// until the service creates it. The service is always stopped: SIGTERM in stop(), SIGKILL at the
// latest in the destructor. Not thread-safe; use it from the test's thread.
class TestService
{
public:
    static constexpr int kDefaultTimeoutMs = 15000;

    TestService();
    ~TestService();
    TestService(const TestService&) = delete;
    TestService& operator=(const TestService&) = delete;

    // Every listener off, so that parallel tests never fight over a TCP port. A key set twice is a
    // config error, so tests that need a listener write their own file and use launch().
    [[nodiscard]] static QString listenersOffConfig();

    // Writes DATA/postwarden.conf (listenersOffConfig() + extraConfigText), starts the service
    // and returns once the control socket answers `status` with this process's pid.
    [[nodiscard]] bool start(const QString& extraConfigText = {});
    // Starts `postwardend --foreground --data-dir DATA` plus `extraArguments` without writing
    // any configuration, and waits as start() does.
    [[nodiscard]] bool launch(const QStringList& extraArguments = {});
    // Writes a file (the configuration, typically); relative paths are inside the temporary dir.
    [[nodiscard]] bool writeFile(const QString& path, const QString& text);

    // SIGTERM, then waits up to timeoutMs; SIGKILL after that. True when the service exited with 0.
    bool stop(int timeoutMs = kDefaultTimeoutMs);
    // SIGKILL: a crash, as far as the data directory can tell.
    void kill();
    // Waits for the service to end on its own (after `postwardenctl shutdown`, say).
    bool waitForExit(int timeoutMs = kDefaultTimeoutMs);

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 pid() const { return m_pid; }
    [[nodiscard]] int exitCode() const { return m_process.exitCode(); }
    [[nodiscard]] QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

    [[nodiscard]] QString tempDir() const { return m_dir.path(); }
    [[nodiscard]] QString dataDir() const;
    [[nodiscard]] QString socketPath() const;
    [[nodiscard]] QString configPath() const;
    // Everything the service wrote to stdout and stderr (its log, in the foreground).
    [[nodiscard]] QString output() const;
    [[nodiscard]] QString errorString() const { return m_error; }

    // Runs postwardenctl --socket socketPath() ARGS and waits for it.
    [[nodiscard]] ProgramResult runCtl(const QStringList& arguments, int timeoutMs = kDefaultTimeoutMs) const;
    // Starts postwardenctl --socket socketPath() ARGS without waiting (logs --follow, say).
    [[nodiscard]] std::unique_ptr<QProcess> startCtl(const QStringList& arguments) const;

    // $POSTWARDEN_BIN_DIR/name.
    [[nodiscard]] static QString program(const QString& name);
    // Runs any program and waits for it; killed after timeoutMs.
    [[nodiscard]] static ProgramResult run(const QString& program, const QStringList& arguments,
                                           int timeoutMs = kDefaultTimeoutMs);
    // Sends one request line on the control socket and returns the reply line (empty on failure).
    [[nodiscard]] static QByteArray rawRequest(const QString& socketPath, const QByteArray& line,
                                               int timeoutMs = 5000);

private:
    bool waitUntilAnswering(int timeoutMs);

    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_pid = 0;
    QString m_error;
};

} // namespace pw::test
