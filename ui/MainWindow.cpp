#include "ui/MainWindow.h"

#include "ui/LogView.h"
#include "ui/ServiceBanner.h"
#include "ui/StatusView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace pw::ui {

MainWindow::MainWindow(app::ServiceManager& service, QWidget* parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_banner(new ServiceBanner(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_statusView(new StatusView(this))
    , m_logView(new LogView(service.client(), this))
    , m_stateLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Postwarden"));

    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setMaximumWidth(200);
    m_navigation->setIconSize(QSize(20, 20));
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    addPage(tr("Status"), style()->standardIcon(QStyle::SP_ComputerIcon), m_statusView);
    addPage(tr("Logs"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), m_logView);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_banner->hide();

    m_stateLabel->setObjectName(QStringLiteral("serviceStateLabel"));
    statusBar()->addPermanentWidget(m_stateLabel);
    createMenus();

    connect(m_banner, &ServiceBanner::startRequested, &m_service, &app::ServiceManager::startService);
    connect(&m_service, &app::ServiceManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(&m_service, &app::ServiceManager::statusUpdated, m_statusView, &StatusView::showStatus);
    connect(&m_service, &app::ServiceManager::startFailed, this, [this](const QString& reason) {
        m_lastStartError = reason;
        m_banner->showStopped(tr("It could not be started: %1").arg(reason));
    });
    onStateChanged(m_service.state());
    restoreWindowState();
}

void MainWindow::addPage(const QString& title, const QIcon& icon, QWidget* page)
{
    new QListWidgetItem(icon, title, m_navigation);
    m_pages->addWidget(page);
}

void MainWindow::showPage(int index)
{
    m_navigation->setCurrentRow(index);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* serviceMenu = menuBar()->addMenu(tr("&Service"));
    QAction* start = serviceMenu->addAction(tr("&Start"), &m_service, &app::ServiceManager::startService);
    start->setObjectName(QStringLiteral("startServiceAction"));
    QAction* stop = serviceMenu->addAction(tr("S&top"), &m_service, &app::ServiceManager::stopService);
    stop->setObjectName(QStringLiteral("stopServiceAction"));
    QAction* restart =
        serviceMenu->addAction(tr("&Restart"), &m_service, &app::ServiceManager::restartService);
    restart->setObjectName(QStringLiteral("restartServiceAction"));
    connect(&m_service, &app::ServiceManager::stateChanged, this,
            [start, stop, restart](app::ServiceManager::State s) {
                const bool running = s == app::ServiceManager::State::Running;
                start->setEnabled(s == app::ServiceManager::State::Stopped);
                stop->setEnabled(running);
                restart->setEnabled(running);
            });

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction* action =
            viewMenu->addAction(m_navigation->item(i)->text(), this, [this, i] { showPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Postwarden"), this, [this] {
        QMessageBox::about(this, tr("About Postwarden"),
                           tr("<h3>Postwarden %1</h3><p>Run your own mail server and know that it works.</p>")
                               .arg(QLatin1String(POSTWARDEN_VERSION)));
    });
}

void MainWindow::onStateChanged(app::ServiceManager::State state)
{
    switch (state) {
    case app::ServiceManager::State::Connecting:
        m_stateLabel->setText(tr("Connecting to the service…"));
        break;
    case app::ServiceManager::State::Starting:
        m_stateLabel->setText(tr("Starting the service…"));
        m_banner->showStarting();
        break;
    case app::ServiceManager::State::Running:
        m_stateLabel->setText(tr("Service running"));
        m_lastStartError.clear();
        m_banner->hide();
        break;
    case app::ServiceManager::State::Stopped:
        m_stateLabel->setText(tr("Service stopped"));
        m_statusView->showNotRunning();
        m_banner->showStopped(
            m_lastStartError.isEmpty() ? QString() : tr("It could not be started: %1").arg(m_lastStartError));
        break;
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(960, 640);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_navigation->setCurrentRow(settings.value(QStringLiteral("mainWindow/page"), 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/page"), m_navigation->currentRow());
    event->accept();
}

} // namespace pw::ui
