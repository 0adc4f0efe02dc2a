#pragma once

// Small helpers the widget tests share: their main(), screenshots into the build tree, and
// stopping a postwardend that the app started as a daemon (nobody's child, so no QProcess to
// wait on).

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWidget>
#include <csignal>

namespace pw::test {

// Saves a picture of `widget` to $POSTWARDEN_BINARY_DIR/screenshots/NAME.png; empty on failure.
inline QString saveScreenshot(QWidget& widget, const QString& name)
{
    const QString root = qEnvironmentVariable("POSTWARDEN_BINARY_DIR", QDir::currentPath());
    const QString dir = root + QStringLiteral("/screenshots");
    if (!QDir().mkpath(dir))
        return {};
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    QFile::remove(path);
    return widget.grab().save(path) ? path : QString();
}

// A zombie counts as gone.
inline bool processAlive(qint64 pid)
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

// Stops whichever postwardend holds the data directory's lock, unless it is `exceptPid` (the
// test's own, which TestService stops): SIGTERM, then SIGKILL after five seconds.
inline void stopServiceHoldingLock(const QString& dataDir, qint64 exceptPid)
{
    QLockFile lock(dataDir + QStringLiteral("/postwardend.lock"));
    qint64 pid = 0;
    QString host;
    QString app;
    if (!lock.getLockInfo(&pid, &host, &app) || pid == exceptPid || !processAlive(pid))
        return;
    ::kill(static_cast<pid_t>(pid), SIGTERM);
    const QDeadlineTimer deadline(5000);
    while (processAlive(pid) && !deadline.hasExpired())
        QThread::msleep(20);
    if (processAlive(pid))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

// The main() of a widget test: settings, runtime files and anything else a desktop session
// would keep go to throw-away directories; Qt reads these when QApplication is created, so they
// are set before it.
template<typename Test> int runWidgetTest(int argc, char** argv)
{
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
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace pw::test
