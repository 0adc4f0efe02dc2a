#include "app/ServiceManager.h"
#include "shared/core/Paths.h"
#include "shared/core/Translations.h"
#include "ui/MainWindow.h"
#include "ui/StatusView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("postwarden"));
    QApplication::setOrganizationName(QStringLiteral("Postwarden"));
    QApplication::setApplicationVersion(QStringLiteral(POSTWARDEN_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Postwarden"));
    QApplication::setDesktopFileName(QStringLiteral("org.postwarden.Postwarden"));
    pw::core::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Postwarden setup wizard and admin console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringList{QStringLiteral("d"), QStringLiteral("data-dir")},
        QApplication::translate("main", "The service's data directory (default: %1).")
            .arg(pw::core::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption socketOption(QStringLiteral("socket"),
                                          QApplication::translate("main", "Control socket of the service."),
                                          QStringLiteral("PATH"));
    const QCommandLineOption noStartOption(
        QStringLiteral("no-start"),
        QApplication::translate("main", "Do not start the service when it is not running."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate(
            "main", "Save a picture of the window once the service's status is shown, then quit."),
        QStringLiteral("FILE"));
    parser.addOptions({dataDirOption, socketOption, noStartOption, screenshotOption});
    parser.process(app);

    const QString dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : pw::core::defaultDataDir()));
    const QString socket =
        parser.isSet(socketOption) ? parser.value(socketOption) : pw::core::controlSocketPath(dataDir);

    pw::app::ServiceManager service(dataDir, socket);
    pw::ui::MainWindow window(service);
    window.show();
    service.attach(!parser.isSet(noStartOption));

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const auto save = [&window, file](bool statusShown) {
            const bool saved = window.grab().save(file);
            std::fprintf(stderr, "postwarden: %s %s\n", saved ? "saved" : "could not save", qPrintable(file));
            QApplication::exit(saved && statusShown ? 0 : 1);
        };
        QObject::connect(
            &service, &pw::app::ServiceManager::statusUpdated, &window,
            [save] { QTimer::singleShot(200, [save] { save(true); }); }, Qt::SingleShotConnection);
        QTimer::singleShot(15000, &window, [save] { save(false); });
    }
    return QApplication::exec();
}
