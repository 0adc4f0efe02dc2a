#include "app/ServiceManager.h"
#include "shared/core/Paths.h"
#include "shared/core/Translations.h"
#include "ui/MainWindow.h"
#include "ui/StatusView.h"
#include "ui/wizard/SetupWizard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
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
    const auto openWizard = [&window] {
        window.openSetupWizard();
    };
    if (parser.isSet(wizardOption)) {
        openWizard();
    } else if (!pw::ui::SetupWizard::wasCompleted() && !parser.isSet(screenshotOption)) {
        // First start: once the service answers, a service without any domain gets the wizard.
        auto firstRunning = std::make_shared<QMetaObject::Connection>();
        *firstRunning = QObject::connect(
            &service, &pw::app::ServiceManager::stateChanged, &window,
            [&service, &window, openWizard, firstRunning](pw::app::ServiceManager::State state) {
                if (state != pw::app::ServiceManager::State::Running)
                    return;
                QObject::disconnect(*firstRunning);
                service.client().call(
                    QStringLiteral("domain.list"), QJsonObject{}, &window,
                    [openWizard](const pw::control::Reply& reply) {
                        const QJsonArray domains =
                            reply.result.toObject().value(QStringLiteral("domains")).toArray();
                        if (reply.ok && domains.isEmpty())
                            openWizard();
                    });
            });
    }
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
