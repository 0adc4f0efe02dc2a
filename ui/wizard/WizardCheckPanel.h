#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/diag/DiagnosticsInput.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace pw::app {
class DiagnosticsRunner;
class ServiceManager;
} // namespace pw::app

namespace pw::ui {

class CheckResultsView;

// The checking part of a wizard page: asks the service what to check (host name, addresses,
// listeners, DNS servers), lets the page put in what the owner has typed but not saved yet, runs
// some groups of the shared diagnostics off the GUI thread and shows them in a CheckResultsView,
// with a "Check again" button. Object names (for tests): "recheckButton", "checkErrorLabel".
class WizardCheckPanel : public QWidget
{
    Q_OBJECT

public:
    using InputAdjuster = std::function<void(diag::DiagnosticsInput&)>;

    WizardCheckPanel(app::ServiceManager& service, const QStringList& groups, QWidget* parent = nullptr);

    // The domain whose DKIM keys the service is asked about (empty: none).
    void setDomainSource(std::function<QString()> domain) { m_domain = std::move(domain); }
    // Runs on the service's input before every check run.
    void setInputAdjuster(InputAdjuster adjuster) { m_adjust = std::move(adjuster); }

    // Starts a run now (the previous one, if any, is dropped).
    void run();
    // Starts a run once the owner has stopped typing for a moment.
    void runSoon();
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool hasRun() const { return m_hasRun; }

    [[nodiscard]] CheckResultsView* resultsView() const { return m_view; }
    [[nodiscard]] diag::CheckResults results() const;
    // What the last run checked, after the page's adjustments.
    [[nodiscard]] const diag::DiagnosticsInput& lastInput() const { return m_lastInput; }

signals:
    // The service answered; `input` is after the page's adjustments.
    void inputLoaded(const pw::diag::DiagnosticsInput& input, const QStringList& dnsServers);
    void finished(const pw::diag::CheckResults& results);

private:
    void showError(const QString& text);

    app::ServiceManager& m_service;
    app::DiagnosticsRunner* m_runner;
    CheckResultsView* m_view;
    QLabel* m_error;
    QPushButton* m_recheck;
    QTimer m_debounce;
    QStringList m_groups;
    std::function<QString()> m_domain;
    InputAdjuster m_adjust;
    diag::DiagnosticsInput m_lastInput;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_hasRun = false;
    bool m_waitingForService = false;
};

} // namespace pw::ui
