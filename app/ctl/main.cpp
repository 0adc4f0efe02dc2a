#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/control/ControlClient.h"
#include "shared/core/Paths.h"
#include "shared/core/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

namespace {

void printHelp(const QList<pw::ctl::Command>& commands)
{
    QString text = pw::ctl::tr("Usage: postwardenctl [--socket PATH | --data-dir DIR] [--json] COMMAND [ARGS]\n\n"
                      "Manages a running postwardend through its control socket.\n\n"
                      "Options:\n"
                      "  --socket PATH    control socket (default: control.sock in the data directory)\n"
                      "  --data-dir DIR   the service's data directory (default: %1)\n"
                      "  --json           print results as JSON\n"
                      "  -h, --help       show this help\n"
                      "  -v, --version    show the version\n\n"
                      "Commands:\n")
                       .arg(pw::core::defaultDataDir());
    for (const pw::ctl::Command& command : commands)
        text += QStringLiteral("  %1\n      %2\n").arg(command.usage, command.summary);
    std::fputs(qPrintable(text), stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postwardenctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTWARDEN_VERSION));
    pw::core::installTranslations(app);

    QList<pw::ctl::Command> commands = pw::ctl::serviceCommands();
    commands += pw::ctl::directoryCommands();
    commands += pw::ctl::messageCommands();
    commands += pw::ctl::checkCommands() + pw::ctl::probeCommands();
    commands += pw::ctl::tlsCommands();
    commands += pw::ctl::configCommands();
    commands += pw::ctl::statsCommands();
    commands += pw::ctl::testMessageCommands();

    QString socketPath;
    QString dataDir = pw::core::defaultDataDir();
    bool json = false;
    QStringList args = QCoreApplication::arguments().mid(1);
    // Global options come before the command; everything after it belongs to the command.
    while (!args.isEmpty() && args.first().startsWith(QLatin1Char('-'))) {
        const QString option = args.takeFirst();
        if (option == QLatin1String("--json")) {
            json = true;
        } else if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printHelp(commands);
            return pw::ctl::ExitOk;
        } else if (option == QLatin1String("--version") || option == QLatin1String("-v")) {
            std::printf("postwardenctl %s\n", POSTWARDEN_VERSION);
            return pw::ctl::ExitOk;
        } else if ((option == QLatin1String("--socket") || option == QLatin1String("--data-dir")) && !args.isEmpty()) {
            (option == QLatin1String("--socket") ? socketPath : dataDir) = args.takeFirst();
        } else {
            std::fprintf(stderr, "postwardenctl: %s\n", qPrintable(pw::ctl::tr("unknown option %1 (see --help)").arg(option)));
            return pw::ctl::ExitUsage;
        }
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "postwardenctl: %s\n", qPrintable(pw::ctl::tr("no command given (see --help)")));
        return pw::ctl::ExitUsage;
    }
    const QString name = args.takeFirst();
    const auto command = std::find_if(commands.cbegin(), commands.cend(),
                                      [&](const pw::ctl::Command& c) { return c.name == name; });
    if (command == commands.cend()) {
        std::fprintf(stderr, "postwardenctl: %s\n", qPrintable(pw::ctl::tr("unknown command \"%1\" (see --help)").arg(name)));
        return pw::ctl::ExitUsage;
    }
    if (socketPath.isEmpty())
        socketPath = pw::core::controlSocketPath(QDir::cleanPath(dataDir));

    pw::control::ControlClient client;
    client.setSocketPath(socketPath);
    pw::ctl::CtlContext context(client, json);
    if (!command->needsService) {
        QTimer::singleShot(0, &app, [&] { command->run(context, args); });
        return QCoreApplication::exec();
    }
    QObject::connect(&client, &pw::control::ControlClient::connected, &app, [&] { command->run(context, args); });
    QObject::connect(&client, &pw::control::ControlClient::connectionFailed, &app, [&](const QString& reason) {
        context.finish(pw::ctl::ExitUnavailable,
                       pw::ctl::tr("%1; is postwardend running? Start it with: postwardend --data-dir %2")
                           .arg(reason, QDir::cleanPath(dataDir)));
    });
    client.connectToService();
    return QCoreApplication::exec();
}
