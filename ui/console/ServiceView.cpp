#include "ui/console/ServiceView.h"

#include "ui/StatusView.h"
#include "ui/console/CertificatePanel.h"
#include "ui/console/ServiceConfigEditor.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace pw::ui {

namespace {
// A stop or restart the service never acts on (it hangs, say) does not keep the buttons off.
constexpr int kRequestTimeoutMs = 30000;
} // namespace

ServiceView::ServiceView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_status(new StatusView(this))
    , m_config(new ServiceConfigEditor(service, this))
    , m_certificate(new CertificatePanel(service, this))
    , m_startButton(new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("St&art"), this))
    , m_stopButton(new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this))
    , m_restartButton(new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Restart"), this))
    , m_busyBar(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_requestTimeout(new QTimer(this))
{
    setObjectName(QStringLiteral("serviceView"));
    m_startButton->setObjectName(QStringLiteral("startServiceButton"));
    m_startButton->setToolTip(tr("Start the mail service on this data directory"));
    m_stopButton->setObjectName(QStringLiteral("stopServiceButton"));
    m_stopButton->setToolTip(tr("Stop the mail service: no mail is received or sent until it runs again"));
    m_restartButton->setObjectName(QStringLiteral("restartServiceButton"));
    m_restartButton->setToolTip(
        tr("Stop the service and start it again, with the configuration file as it is now"));
    m_busyBar->setObjectName(QStringLiteral("serviceBusyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(160);
    m_busyBar->hide();
    m_message->setObjectName(QStringLiteral("serviceMessageLabel"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_status->setDataDir(m_service.dataDir());
    m_requestTimeout->setSingleShot(true);
    m_requestTimeout->setInterval(kRequestTimeoutMs);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_startButton);
    controls->addWidget(m_stopButton);
    controls->addWidget(m_restartButton);
    controls->addWidget(m_busyBar);
    controls->addStretch();

    auto* certificateBox = new QGroupBox(tr("Certificate"), this);
    auto* certificateLayout = new QVBoxLayout(certificateBox);
    certificateLayout->addWidget(m_certificate);
    auto* configBox = new QGroupBox(tr("Configuration"), this);
    auto* configLayout = new QVBoxLayout(configBox);
    configLayout->addWidget(m_config);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(certificateBox);
    rightLayout->addWidget(configBox, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_status);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    setTabOrder(m_startButton, m_stopButton);
    setTabOrder(m_stopButton, m_restartButton);

    connect(m_startButton, &QPushButton::clicked, this, [this] {
        m_message->hide();
        m_service.startService();
    });
    connect(m_stopButton, &QPushButton::clicked, this, [this] { request(Request::Stop); });
    connect(m_restartButton, &QPushButton::clicked, this, [this] { request(Request::Restart); });
    connect(m_requestTimeout, &QTimer::timeout, this, [this] {
        m_request = Request::None;
        m_message->setText(tr("The service did not stop. See the log for why."));
        m_message->show();
        updateActions();
    });
    connect(&m_service, &app::ServiceManager::stateChanged, this, &ServiceView::onStateChanged);
    connect(&m_service, &app::ServiceManager::statusUpdated, this, [this](const QJsonObject& status) {
        if (m_request == Request::None)
            m_status->showStatus(status);
    });
    connect(&m_service, &app::ServiceManager::startFailed, this, [this](const QString& reason) {
        // A restart whose second half failed ends here too: the service is stopped now.
        m_request = Request::None;
        m_requestTimeout->stop();
        m_status->showNotRunning();
        m_message->setText(tr("The service could not be started: %1").arg(reason));
        m_message->show();
        updateActions();
    });
    onStateChanged(m_service.state());
    if (m_service.state() == app::ServiceManager::State::Running && !m_service.lastStatus().isEmpty())
        m_status->showStatus(m_service.lastStatus());
}

void ServiceView::request(Request request)
{
    m_message->hide();
    if (request == Request::Restart && m_service.state() != app::ServiceManager::State::Running) {
        m_service.startService();
        return;
    }
    m_request = request;
    m_status->showTransition(request == Request::Stop ? tr("Stopping…") : tr("Restarting…"));
    m_requestTimeout->start();
    updateActions();
    if (request == Request::Stop)
        m_service.stopService();
    else
        m_service.restartService();
}

void ServiceView::onStateChanged(app::ServiceManager::State state)
{
    switch (state) {
    case app::ServiceManager::State::Running:
        m_request = Request::None;
        m_requestTimeout->stop();
        m_message->hide();
        break;
    case app::ServiceManager::State::Stopped:
        if (m_request == Request::Stop) {
            m_request = Request::None;
            m_requestTimeout->stop();
        }
        if (m_request == Request::None)
            m_status->showNotRunning();
        break;
    case app::ServiceManager::State::Starting:
        m_status->showTransition(m_request == Request::Restart ? tr("Restarting…") : tr("Starting…"));
        break;
    case app::ServiceManager::State::Connecting:
        m_status->showTransition(tr("Connecting…"));
        break;
    }
    updateActions();
}

void ServiceView::updateActions()
{
    const app::ServiceManager::State state = m_service.state();
    const bool idle = m_request == Request::None;
    const bool running = state == app::ServiceManager::State::Running;
    const bool stopped = state == app::ServiceManager::State::Stopped;
    m_startButton->setEnabled(idle && stopped);
    m_stopButton->setEnabled(idle && running);
    m_restartButton->setEnabled(idle && (running || stopped));
    m_busyBar->setVisible(!idle || (!running && !stopped));
}

} // namespace pw::ui
