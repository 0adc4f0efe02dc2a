#include "ui/MainWindow.h"

#include "ui/LogView.h"
#include "ui/ServiceBanner.h"
#include "ui/console/AliasesView.h"
#include "ui/console/DashboardView.h"
#include "ui/console/DiagnosticsView.h"
#include "ui/console/DomainsView.h"
#include "ui/console/MailboxesView.h"
#include "ui/console/ServiceView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWizard>
#include <algorithm>

namespace pw::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPageKey = QStringLiteral("mainWindow/page");
} // namespace

MainWindow::MainWindow(app::ServiceManager& service, QWidget* parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_banner(new ServiceBanner(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_dashboard(new DashboardView(service, this))
    , m_domains(new DomainsView(service, this))
    , m_mailboxes(new MailboxesView(service, this))
    , m_aliases(new AliasesView(service, this))
    , m_logView(new LogView(service.client(), this))
    , m_diagnostics(new DiagnosticsView(service, this))
    , m_serviceView(new ServiceView(service, this))
    , m_stateLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Postwarden"));

    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setMaximumWidth(200);
    m_navigation->setIconSize(QSize(20, 20));
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    // The order is the Page enum's.
    addPage(tr("Dashboard"), style()->standardIcon(QStyle::SP_ComputerIcon), m_dashboard);
    addPage(tr("Domains"), style()->standardIcon(QStyle::SP_DriveNetIcon), m_domains);
    addPage(tr("Mailboxes"), style()->standardIcon(QStyle::SP_DirHomeIcon), m_mailboxes);
    addPage(tr("Aliases"), style()->standardIcon(QStyle::SP_FileLinkIcon), m_aliases);
    addPage(tr("Logs"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), m_logView);
    addPage(tr("Diagnostics"), style()->standardIcon(QStyle::SP_DialogHelpButton), m_diagnostics);
    addPage(tr("Service"), style()->standardIcon(QStyle::SP_BrowserReload), m_serviceView);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(DashboardPage);

    // Every page name stays readable, in every language, however the splitter is dragged.
    m_navigation->setMinimumWidth(m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() +
                                  style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_navigation->setMaximumWidth(std::max(m_navigation->minimumWidth(), m_navigation->maximumWidth()));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    // The navigation is as wide as it may be, the page gets the rest.
    splitter->setSizes({m_navigation->maximumWidth(), 10 * m_navigation->maximumWidth()});
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_banner->hide();

    m_stateLabel->setObjectName(QStringLiteral("serviceStateLabel"));
    statusBar()->addPermanentWidget(m_stateLabel);
    createActions();

    // The directory pages ask the service again whenever they are shown, so a change on one
    // needs no wiring to the others; the dashboard's counts follow with the next status poll.
    connect(m_dashboard, &DashboardView::diagnosticsRequested, this, [this] { showPage(DiagnosticsPage); });
    connect(m_banner, &ServiceBanner::startRequested, &m_service, &app::ServiceManager::startService);
    connect(&m_service, &app::ServiceManager::stateChanged, this, &MainWindow::onStateChanged);
    connect(&m_service, &app::ServiceManager::startFailed, this, [this](const QString& reason) {
        m_lastStartError = reason;
        m_banner->showStopped(tr("It could not be started: %1").arg(reason));
    });
    onStateChanged(m_service.state());
    restoreWindowState();
}

void MainWindow::addPage(const QString& title, const QIcon& icon, QWidget* page)
{
    auto* item = new QListWidgetItem(icon, title, m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(m_navigation->count()));
    m_pages->addWidget(page);
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < PageCount)
        m_navigation->setCurrentRow(index);
}

int MainWindow::currentPage() const
{
    return m_navigation->currentRow();
}

void MainWindow::createActions()
{
    m_setupAction = new QAction(
        QIcon::fromTheme(QStringLiteral("tools-wizard"), style()->standardIcon(QStyle::SP_ArrowForward)),
        tr("Set &Up…"), this);
    m_setupAction->setObjectName(QStringLiteral("setupWizardAction"));
    m_setupAction->setToolTip(tr("Walk through the setup: network, domain, DNS records, mailboxes, test"));
    m_setupAction->setEnabled(false);
    connect(m_setupAction, &QAction::triggered, this, &MainWindow::openSetupWizard);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_setupAction);
    fileMenu->addSeparator();
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
    const auto updateServiceActions = [start, stop, restart](app::ServiceManager::State s) {
        const bool running = s == app::ServiceManager::State::Running;
        start->setEnabled(s == app::ServiceManager::State::Stopped);
        stop->setEnabled(running);
        restart->setEnabled(running);
    };
    connect(&m_service, &app::ServiceManager::stateChanged, this, updateServiceActions);
    updateServiceActions(m_service.state());

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction* action =
            viewMenu->addAction(m_navigation->item(i)->text(), this, [this, i] { showPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_setupAction);
    viewMenu->addSeparator();
    viewMenu->addAction(toolBar->toggleViewAction());

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Postwarden"), this, [this] {
        QMessageBox::about(this, tr("About Postwarden"),
                           tr("<h3>Postwarden %1</h3><p>Run your own mail server and know that it works.</p>")
                               .arg(QLatin1String(POSTWARDEN_VERSION)));
    });
}

void MainWindow::setWizardFactory(WizardFactory factory)
{
    m_wizardFactory = std::move(factory);
    m_setupAction->setEnabled(static_cast<bool>(m_wizardFactory));
}

QWizard* MainWindow::openSetupWizard()
{
    if (!m_wizardFactory || m_openWizard)
        return nullptr;
    QWizard* wizard = m_wizardFactory(this);
    if (!wizard)
        return nullptr;
    m_openWizard = wizard;
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &QWizard::finished, this, [this] {
        m_openWizard = nullptr;
        // The wizard may have added domains and mailboxes.
        m_domains->refresh();
        m_mailboxes->refresh();
        m_aliases->refresh();
        m_dashboard->refreshStats();
    });
    wizard->open();
    return wizard;
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
        m_banner->showStopped(
            m_lastStartError.isEmpty() ? QString() : tr("It could not be started: %1").arg(m_lastStartError));
        break;
    }
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1024, 680);
    restoreState(settings.value(kStateKey).toByteArray());
    showPage(settings.value(kPageKey, int(DashboardPage)).toInt());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, currentPage());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    event->accept();
}

} // namespace pw::ui
