#include "app/ServiceManager.h"
#include "shared/core/Paths.h"
#include "shared/core/Translations.h"
#include "ui/MainWindow.h"
#include "ui/StatusView.h"
#include "ui/wizard/FirstStart.h"
#include "ui/wizard/SetupWizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QWizard>
#include <cstdio>
#include <memory>

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
    const QCommandLineOption wizardOption(
        QStringLiteral("wizard"),
        QApplication::translate("main", "Open the setup wizard (it opens by itself on the first start)."));
    parser.addOptions({dataDirOption, socketOption, noStartOption, screenshotOption, wizardOption});
    parser.process(app);

    const QString dataDir = QDir::cleanPath(QDir::current().absoluteFilePath(
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : pw::core::defaultDataDir()));
    const QString socket =
        parser.isSet(socketOption) ? parser.value(socketOption) : pw::core::controlSocketPath(dataDir);

    pw::app::ServiceManager service(dataDir, socket);
    pw::ui::MainWindow window(service);
    window.show();

    // The console opens the wizard ("Set up…", or below); one at a time, over the console.
    window.setWizardFactory(
        [&service](QWidget* parent) -> QWizard* { return new pw::ui::SetupWizard(service, parent); });
    if (parser.isSet(wizardOption))
        window.openSetupWizard();
    else
        pw::ui::offerWizardOnFirstStart(service, window);
    service.attach(!parser.isSet(noStartOption));

    if (parser.isSet(screenshotOption)) {
        // The window, and beside it (FILE-wizard.png) the wizard when one opened: on a first start
        // it does, a moment after the service's first status.
        const QString file = parser.value(screenshotOption);
        const QString wizardFile = QFileInfo(file).path() + QLatin1Char('/') +
                                   QFileInfo(file).completeBaseName() + QStringLiteral("-wizard.png");
        const auto save = [&window, file, wizardFile](bool statusShown) {
            bool saved = window.grab().save(file);
            std::fprintf(stderr, "postwarden: %s %s\n", saved ? "saved" : "could not save", qPrintable(file));
            if (auto* wizard = window.findChild<QWizard*>(); wizard && wizard->isVisible()) {
                saved = wizard->grab().save(wizardFile) && saved;
                std::fprintf(stderr, "postwarden: saved the wizard as %s\n", qPrintable(wizardFile));
            }
            QApplication::exit(saved && statusShown ? 0 : 1);
        };
        const auto waitForWizard = [&window, save] {
            auto* poll = new QTimer(&window);
            auto rounds = std::make_shared<int>(0);
            QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, rounds, save] {
                const auto* wizard = window.findChild<QWizard*>();
                if ((wizard && wizard->isVisible()) || ++*rounds >= 30) {
                    poll->stop();
                    save(true);
                }
            });
            poll->start(100);
        };
        QObject::connect(&service, &pw::app::ServiceManager::statusUpdated, &window, waitForWizard,
                         Qt::SingleShotConnection);
        QTimer::singleShot(15000, &window, [save] { save(false); });
    }
    return QApplication::exec();
}
