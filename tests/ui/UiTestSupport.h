#pragma once

// Small helpers the widget tests share: their main(), finding widgets by object name, screenshots
// into the build tree, free loopback ports, and stopping a postwardend that the app started as a
// daemon (nobody's child, so no QProcess to wait on).

#include "app/models/LogModel.h"
#include "tests/support/TestService.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QList>
#include <QLockFile>
#include <QString>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QWidget>
#include <csignal>
#include <memory>
#include <vector>

namespace pw::test {

template<typename T> T* child(const QObject& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1String(name));
}

template<typename T> T* child(const QObject* parent, const char* name)
{
    return child<T>(*parent, name);
}

// A missing label reads as "<no NAME>", so a failed comparison says which one was not found.
inline QString labelText(const QObject& parent, const char* name)
{
    const QLabel* label = child<QLabel>(parent, name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

inline QString labelText(const QObject* parent, const char* name)
{
    return labelText(*parent, name);
}

// Whether any row of a LogModel (or a proxy on one) has `text` in its message.
inline bool modelHasMessage(const QAbstractItemModel& model, const QString& text)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, pw::app::LogModel::MessageColumn).data().toString().contains(text))
            return true;
    }
    return false;
}

// Free loopback ports, found by binding them all at once (so they differ) and letting them go;
// empty if one could not be bound.
inline QList<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(server->serverPort());
        servers.push_back(std::move(server));
    }
    return ports;
}

// One free loopback port; 0 if none could be bound.
inline quint16 freeLoopbackPort()
{
    const QList<quint16> ports = freePorts(1);
    return ports.isEmpty() ? 0 : ports.first();
}

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
