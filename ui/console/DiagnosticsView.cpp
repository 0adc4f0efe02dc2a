#include "ui/console/DiagnosticsView.h"

#include "app/DiagnosticsRunner.h"
#include "app/ServiceDiagnosticsInput.h"
#include "app/ServiceManager.h"
#include "ui/CheckResultsView.h"
#include "ui/console/DiagnosticsHistoryList.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace pw::ui {

DiagnosticsView::DiagnosticsView(app::ServiceManager& service, QWidget* parent)
    : DiagnosticsView(service, app::DiagnosticsHistory::shared(), parent)
{}

DiagnosticsView::DiagnosticsView(app::ServiceManager& service, app::DiagnosticsHistory& history,
                                 QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_history(history)
    , m_runner(new app::DiagnosticsRunner(this))
    , m_domainCombo(new QComboBox(this))
    , m_runButton(new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run checks"), this))
    , m_cancelButton(
          new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("&Cancel"), this))
    , m_statusLabel(new QLabel(this))
    , m_busyBar(new QProgressBar(this))
    , m_historyList(new DiagnosticsHistoryList(history, this))
    , m_results(new CheckResultsView(this))
{
    setObjectName(QStringLiteral("diagnosticsView"));

    m_domainCombo->setObjectName(QStringLiteral("domainComboBox"));
    // Editable: a domain the service does not serve yet can be checked before it is added.
    m_domainCombo->setEditable(true);
    m_domainCombo->setInsertPolicy(QComboBox::NoInsert);
    m_domainCombo->setMinimumContentsLength(24);
    m_domainCombo->lineEdit()->setPlaceholderText(tr("example.org"));
    auto* domainLabel = new QLabel(tr("&Domain:"), this);
    domainLabel->setBuddy(m_domainCombo);
    m_runButton->setObjectName(QStringLiteral("runChecksButton"));
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run every check of the setup wizard again for this domain"));
    m_cancelButton->setObjectName(QStringLiteral("cancelChecksButton"));
    m_statusLabel->setObjectName(QStringLiteral("diagnosticsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_busyBar->setObjectName(QStringLiteral("diagnosticsBusyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(160);
    m_busyBar->setTextVisible(false);
    m_busyBar->hide();
    m_results->setObjectName(QStringLiteral("checkResultsView"));

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(domainLabel);
    toolbar->addWidget(m_domainCombo, 1);
    toolbar->addWidget(m_runButton);
    toolbar->addWidget(m_cancelButton);
    toolbar->addWidget(m_busyBar);

    auto* historyBox = new QGroupBox(tr("&History"), this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_historyList);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(historyBox);
    splitter->addWidget(m_results);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    // Room for "25 Nov 2026 10:00 — example.org" and its tallies on two lines.
    const int historyWidth = fontMetrics().averageCharWidth() * 34;
    historyBox->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    splitter->setSizes({historyWidth, historyWidth * 3});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_statusLabel);
    layout->addWidget(splitter, 1);
    setTabOrder(m_domainCombo, m_runButton);
    setTabOrder(m_runButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_historyList);

    connect(m_runButton, &QPushButton::clicked, this, &DiagnosticsView::runChecks);
    connect(m_domainCombo->lineEdit(), &QLineEdit::returnPressed, this, &DiagnosticsView::runChecks);
    connect(m_cancelButton, &QPushButton::clicked, this, &DiagnosticsView::cancelChecks);
    connect(m_domainCombo, &QComboBox::currentTextChanged, this, &DiagnosticsView::updateActions);
    connect(m_historyList, &DiagnosticsHistoryList::runSelected, this,
            [this](const app::DiagnosticsRunRecord& run) {
                if (!isRunning())
                    m_results->setResults(run.results);
            });

    connect(m_runner, &app::DiagnosticsRunner::started, this,
            [this](int total) { m_results->setRunning(0, total, {}); });
    connect(m_runner, &app::DiagnosticsRunner::progress, m_results, &CheckResultsView::setRunning);
    connect(m_runner, &app::DiagnosticsRunner::finished, this, &DiagnosticsView::finishRun);
    connect(m_runner, &app::DiagnosticsRunner::failed, this, [this](const QString& reason) {
        setPhase(Phase::Idle);
        m_statusLabel->setText(reason);
        m_results->clear();
    });

    connect(&m_service, &app::ServiceManager::stateChanged, this, &DiagnosticsView::updateActions);
    connect(&m_service.client(), &control::ControlClient::connected, this, &DiagnosticsView::refreshDomains);
    if (m_service.client().isConnected())
        refreshDomains();

    if (const auto latest = m_history.latest()) {
        m_historyList->setCurrentRow(0);
        m_domainCombo->setEditText(latest->domain);
    } else {
        m_statusLabel->setText(tr("No checks have run yet. Choose a domain and run them."));
    }
    updateActions();
}

void DiagnosticsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Domains may have come and gone on the Domains page since this view last showed.
    if (m_service.client().isConnected())
        refreshDomains();
}

void DiagnosticsView::refreshDomains()
{
    m_service.client().call(QStringLiteral("domain.list"), {}, this, [this](const control::Reply& reply) {
        if (!reply.ok)
            return;
        const QString typed = m_domainCombo->currentText();
        const QSignalBlocker blocker(m_domainCombo);
        m_domainCombo->clear();
        for (const QJsonValue& value : reply.result.toObject().value(QStringLiteral("domains")).toArray())
            m_domainCombo->addItem(value.toObject().value(QStringLiteral("name")).toString());
        if (!typed.isEmpty())
            m_domainCombo->setEditText(typed);
        else if (m_domainCombo->count() > 0)
            m_domainCombo->setCurrentIndex(0);
        updateActions();
    });
}

void DiagnosticsView::runChecks()
{
    const QString domain = m_domainCombo->currentText().trimmed().toLower();
    if (domain.isEmpty() || isRunning() || m_service.state() != app::ServiceManager::State::Running)
        return;
    m_runDomain = domain;
    const quint64 generation = ++m_generation;
    setPhase(Phase::Asking);
    m_statusLabel->setText(tr("Asking the service about %1…").arg(domain));
    app::loadServiceDiagnosticsInput(m_service.client(), domain, this,
                                     [this, generation](const app::ServiceDiagnosticsInput& input) {
                                         if (generation != m_generation || m_phase != Phase::Asking)
                                             return; // cancelled meanwhile
                                         if (!input.error.isEmpty()) {
                                             setPhase(Phase::Idle);
                                             m_statusLabel->setText(input.error);
                                             return;
                                         }
                                         setPhase(Phase::Checking);
                                         m_statusLabel->setText(tr("Checking %1…").arg(m_runDomain));
                                         m_runner->start(input.input, input.dnsServers);
                                     });
}

void DiagnosticsView::cancelChecks()
{
    if (!isRunning())
        return;
    ++m_generation;
    m_runner->cancel();
    setPhase(Phase::Idle);
    m_statusLabel->setText(tr("Cancelled. Nothing was added to the history."));
    // Back to what the history list has selected, if anything.
    if (const auto run = m_historyList->runAt(m_historyList->currentRow()))
        m_results->setResults(run->results);
    else
        m_results->clear();
}

void DiagnosticsView::finishRun(const diag::CheckResults& results)
{
    setPhase(Phase::Idle);
    const auto run = app::DiagnosticsRunRecord::fromResults(m_runDomain, results);
    m_results->setResults(results);
    QString error;
    const bool saved = m_history.append(run, &error);
    {
        // Selecting the new run shows the results already shown.
        const QSignalBlocker blocker(m_historyList);
        m_historyList->setCurrentRow(0);
    }
    const QString when = QLocale().toString(run.time.toLocalTime().time(), QLocale::ShortFormat);
    m_statusLabel->setText(
        saved ? tr("Checked %1 at %2.").arg(run.domain, when)
              : tr("Checked %1 at %2, but the history could not be saved: %3").arg(run.domain, when, error));
}

void DiagnosticsView::setPhase(Phase phase)
{
    m_phase = phase;
    m_busyBar->setVisible(phase == Phase::Asking);
    m_historyList->setEnabled(phase == Phase::Idle);
    m_domainCombo->setEnabled(phase == Phase::Idle);
    if (phase != Phase::Idle) {
        m_results->clear();
        m_historyList->clearSelection();
    }
    updateActions();
}

void DiagnosticsView::updateActions()
{
    const bool serviceUp = m_service.state() == app::ServiceManager::State::Running;
    m_runButton->setEnabled(!isRunning() && serviceUp && !m_domainCombo->currentText().trimmed().isEmpty());
    m_cancelButton->setEnabled(isRunning());
    if (!serviceUp && !isRunning())
        m_runButton->setToolTip(tr("The service must be running: the checks ask it about itself"));
    else
        m_runButton->setToolTip(tr("Run every check of the setup wizard again for this domain"));
}

} // namespace pw::ui
