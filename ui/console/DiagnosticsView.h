#pragma once

#include "app/DiagnosticsHistory.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace pw::app {
class DiagnosticsRunner;
class ServiceManager;
} // namespace pw::app

namespace pw::ui {

class CheckResultsView;
class DiagnosticsHistoryList;

// The wizard's checks, re-runnable from the console, with a history of past runs: choose a
// domain, run the whole suite with what the service knows about itself (host name, addresses,
// listeners, DKIM keys, DNS servers), and read any earlier run again.
// Object names (for tests): "domainComboBox", "runChecksButton", "cancelChecksButton",
// "diagnosticsStatusLabel", "diagnosticsBusyBar", "historyListWidget", and the
// CheckResultsView's own ("checkResultsTree", "checkVerdictLabel", ...).
class DiagnosticsView : public QWidget
{
    Q_OBJECT

public:
    // With the app's shared history (app::DiagnosticsHistory::shared()).
    explicit DiagnosticsView(app::ServiceManager& service, QWidget* parent = nullptr);
    DiagnosticsView(app::ServiceManager& service, app::DiagnosticsHistory& history,
                    QWidget* parent = nullptr);

    [[nodiscard]] bool isRunning() const { return m_phase != Phase::Idle; }
    [[nodiscard]] CheckResultsView* resultsView() const { return m_results; }

    void runChecks();
    void cancelChecks();

protected:
    void showEvent(QShowEvent* event) override;

private:
    enum class Phase
    {
        Idle,
        Asking, // the service is asked for its host name, listeners, keys
        Checking
    };

    void refreshDomains();
    void setPhase(Phase phase);
    void finishRun(const diag::CheckResults& results);
    void updateActions();

    app::ServiceManager& m_service;
    app::DiagnosticsHistory& m_history;
    app::DiagnosticsRunner* m_runner;
    QComboBox* m_domainCombo;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QLabel* m_statusLabel;
    QProgressBar* m_busyBar;
    DiagnosticsHistoryList* m_historyList;
    CheckResultsView* m_results;
    Phase m_phase = Phase::Idle;
    QString m_runDomain;
    quint64 m_generation = 0;
};

} // namespace pw::ui
