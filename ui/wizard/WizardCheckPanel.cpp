#include "ui/wizard/WizardCheckPanel.h"

#include "app/DiagnosticsRunner.h"
#include "app/ServiceDiagnosticsInput.h"
#include "app/ServiceManager.h"
#include "ui/CheckResultsView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace pw::ui {

namespace {
// Long enough that a check does not start on every key press, short enough to feel live.
constexpr int kDebounceMs = 600;
} // namespace

WizardCheckPanel::WizardCheckPanel(app::ServiceManager& service, const QStringList& groups, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_runner(new app::DiagnosticsRunner(this))
    , m_view(new CheckResultsView(this))
    , m_error(new QLabel(this))
    , m_recheck(new QPushButton(this))
    , m_groups(groups)
{
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    m_recheck->setText(tr("Check &again"));
    m_recheck->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_recheck->setToolTip(tr("Run these checks again, for example after you changed a DNS record."));
    m_error->setObjectName(QStringLiteral("checkErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_recheck, 0, Qt::AlignRight | Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &WizardCheckPanel::run);
    connect(m_recheck, &QPushButton::clicked, this, &WizardCheckPanel::run);

    connect(m_runner, &app::DiagnosticsRunner::started, this,
            [this](int total) { m_view->setRunning(0, total, QString()); });
    connect(m_runner, &app::DiagnosticsRunner::progress, m_view, &CheckResultsView::setRunning);
    connect(m_runner, &app::DiagnosticsRunner::finished, this, [this](const diag::CheckResults& results) {
        m_hasRun = true;
        m_view->setResults(results);
        emit finished(results);
    });
    connect(m_runner, &app::DiagnosticsRunner::failed, this, [this](const QString& reason) {
        m_view->clear();
        showError(reason);
    });
    // A run that found no service is repeated once the service is back.
    connect(&m_service, &app::ServiceManager::stateChanged, this, [this](app::ServiceManager::State state) {
        if (state == app::ServiceManager::State::Running && m_waitingForService && isVisible())
            run();
    });
}

void WizardCheckPanel::run()
{
    m_debounce.stop();
    m_runner->cancel();
    const quint64 generation = ++m_generation;
    showError(QString());
    if (m_service.state() != app::ServiceManager::State::Running) {
        m_waitingForService = true;
        m_loading = false;
        m_view->clear();
        showError(tr("The mail service is not running, so nothing can be checked yet. The checks run as "
                     "soon as it is back."));
        return;
    }
    m_waitingForService = false;
    m_loading = true;
    m_view->setRunning(0, 1, tr("asking the mail service what to check"));
    const QString domain = m_domain ? m_domain() : QString();
    app::loadServiceDiagnosticsInput(m_service.client(), domain, this,
                                     [this, generation](const app::ServiceDiagnosticsInput& loaded) {
                                         if (generation != m_generation)
                                             return;
                                         m_loading = false;
                                         if (!loaded.error.isEmpty()) {
                                             m_view->clear();
                                             showError(loaded.error);
                                             return;
                                         }
                                         diag::DiagnosticsInput input = loaded.input;
                                         if (m_adjust)
                                             m_adjust(input);
                                         m_lastInput = input;
                                         emit inputLoaded(input, loaded.dnsServers);
                                         m_runner->start(input, loaded.dnsServers, m_groups);
                                     });
}

void WizardCheckPanel::runSoon()
{
    m_debounce.start();
}

void WizardCheckPanel::cancel()
{
    const bool wasRunning = m_loading || m_runner->isRunning();
    m_debounce.stop();
    ++m_generation;
    m_loading = false;
    m_waitingForService = false;
    m_runner->cancel();
    if (wasRunning)
        m_view->clear();
}

bool WizardCheckPanel::isRunning() const
{
    return m_loading || m_runner->isRunning() || m_debounce.isActive();
}

diag::CheckResults WizardCheckPanel::results() const
{
    return m_view->results();
}

void WizardCheckPanel::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace pw::ui
