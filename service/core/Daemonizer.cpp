#include "service/core/Daemonizer.h"

#include <QFile>
#include <cstdio>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pw::service {

namespace {
int g_reportFd = -1; // the child's end of the start-up pipe, used once
}

int Daemonizer::detach()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        std::perror("postwardend: pipe");
        return 1;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::perror("postwardend: fork");
        return 1;
    }
    if (pid > 0) {
        ::close(fds[1]);
        QByteArray report;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n > 0)
                report.append(buffer, n);
            else if (n == 0 || errno != EINTR)
                break;
        }
        ::close(fds[0]);
        if (report.startsWith("ready")) {
            std::fprintf(stdout, "postwardend started (pid %d)%s\n", pid, report.mid(5).constData());
            return 0;
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::fprintf(stderr, "%s",
                     report.isEmpty() ? "postwardend: the service exited during start-up\n"
                                      : report.constData());
        return 1;
    }
    ::close(fds[0]);
    g_reportFd = fds[1];
    ::setsid();
    const int devNull = ::open("/dev/null", O_RDWR);
    if (devNull >= 0) {
        ::dup2(devNull, STDIN_FILENO);
        ::close(devNull);
    }
    return -1;
}

void Daemonizer::reportReady(const QString& logFile)
{
    if (g_reportFd < 0)
        return;
    // From here on the terminal is not ours: stdout and stderr go to the service's log file.
    const int log =
        ::open(QFile::encodeName(logFile).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log >= 0) {
        ::dup2(log, STDOUT_FILENO);
        ::dup2(log, STDERR_FILENO);
        ::close(log);
    }
    const QByteArray message = "ready, log in " + QFile::encodeName(logFile);
    [[maybe_unused]] const ssize_t written =
        ::write(g_reportFd, message.constData(), static_cast<size_t>(message.size()));
    ::close(g_reportFd);
    g_reportFd = -1;
}

void Daemonizer::reportFailure(const QString& errors)
{
    if (g_reportFd < 0)
        return;
    const QByteArray message = errors.toUtf8();
    [[maybe_unused]] const ssize_t written =
        ::write(g_reportFd, message.constData(), static_cast<size_t>(message.size()));
    ::close(g_reportFd);
    g_reportFd = -1;
}

} // namespace pw::service
