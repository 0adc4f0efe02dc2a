#include "service/core/Daemonizer.h"
#include "service/core/LogHub.h"
#include "service/core/Service.h"
#include "service/core/SignalWatcher.h"
#include "shared/core/Paths.h"
#include "shared/core/Translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <sys/stat.h>

namespace {

pw::service::LogHub* g_logHub = nullptr; // Qt's message handler is a plain function

void routeQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    using pw::core::LogLevel;
    const LogLevel level = type == QtDebugMsg     ? LogLevel::Debug
                           : type == QtInfoMsg    ? LogLevel::Info
                           : type == QtWarningMsg ? LogLevel::Warning
                                                  : LogLevel::Error;
    const QString category = context.category && std::strcmp(context.category, "default") != 0
                                 ? QString::fromLatin1(context.category)
                                 : QStringLiteral("service");
    // Our categories are "postwarden.<module>"; the prefix says nothing inside our own log.
    const QString shortCategory =
        category.startsWith(QLatin1String("postwarden.")) ? category.mid(11) : category;
    if (g_logHub)
        g_logHub->log(level, shortCategory, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

bool wantsForeground(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (!std::strcmp(a, "--foreground") || !std::strcmp(a, "-f") || !std::strcmp(a, "--help") ||
            !std::strcmp(a, "-h") || !std::strcmp(a, "--version") || !std::strcmp(a, "-v"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    ::umask(077); // everything the service creates is private to its user
    // Large blocks (argon2id's memory for each login, big IMAP answers) come from mmap and go
    // back to the system when freed. glibc's default raises this threshold after the first such
    // free, and the next login's 19 MB would then stay in the heap for good.
    ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    const bool foreground = wantsForeground(argc, argv);
    if (!foreground) {
        if (const int parentExit = pw::service::Daemonizer::detach(); parentExit >= 0)
            return parentExit;
    }

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postwardend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTWARDEN_VERSION));
    pw::core::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Postwarden mail service: SMTP, IMAP, queue and the control socket."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringList{QStringLiteral("d"), QStringLiteral("data-dir")},
        QCoreApplication::translate("main", "Data directory (default: %1).").arg(pw::core::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption configOption(
        QStringList{QStringLiteral("c"), QStringLiteral("config")},
        QCoreApplication::translate("main",
                                    "Configuration file (default: postwarden.conf in the data directory)."),
        QStringLiteral("FILE"));
    const QCommandLineOption foregroundOption(
        QStringList{QStringLiteral("f"), QStringLiteral("foreground")},
        QCoreApplication::translate("main", "Stay in the foreground and log to standard error."));
    parser.addOptions({dataDirOption, configOption, foregroundOption});
    parser.process(app);

    pw::service::ServiceOptions options;
    options.dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : pw::core::defaultDataDir()));
    if (parser.isSet(configOption))
        options.configFile = QDir::current().absoluteFilePath(parser.value(configOption));
    options.echoLogToStderr = foreground;

    pw::service::Service service(options);
    g_logHub = &service.log();
    qInstallMessageHandler(routeQtMessage);

    QStringList errors;
    if (!service.start(&errors)) {
        g_logHub = nullptr;
        QString text;
        for (const QString& error : std::as_const(errors))
            text += QStringLiteral("postwardend: %1\n").arg(error);
        if (foreground)
            std::fputs(qPrintable(text), stderr);
        else
            pw::service::Daemonizer::reportFailure(text);
        return 1;
    }
    if (!foreground) {
        pw::service::Daemonizer::reportReady(options.dataDir + QStringLiteral("/postwardend.log"));
        service.log().setEchoToStderr(true); // stderr is now the service's log file
    }

    pw::service::SignalWatcher signalWatcher;
    QObject::connect(
        &signalWatcher, &pw::service::SignalWatcher::terminationRequested, &app, [&](int signalNumber) {
            service.log().log(
                pw::core::LogLevel::Notice, QStringLiteral("service"),
                QCoreApplication::translate("main", "received signal %1, shutting down").arg(signalNumber));
            QCoreApplication::quit();
        });
    QObject::connect(&service, &pw::service::Service::shutdownRequested, &app, &QCoreApplication::quit);

    const int code = QCoreApplication::exec();
    service.stop();
    g_logHub = nullptr;
    return code;
}
