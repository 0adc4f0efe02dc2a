#pragma once

#include "shared/diag/CheckResult.h"

#include <QWizardPage>

class QLabel;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class DeliverabilityScoreView;
class WizardCheckPanel;

// Step 7: the whole diagnostics suite at once (records, host name, reverse DNS, blocklists,
// ports, TLS), with a verdict in one plain sentence; then a test message from the mailbox of
// step 6 (postmaster@ the domain without one), checked as a receiver would, and a score out of
// 10 over both. Object names: "testVerdictLabel", "scoreNoteLabel", those of WizardCheckPanel
// ("recheckButton"), CheckResultsView and DeliverabilityScoreView ("scoreLabel",
// "deductionsList", "authResultsText").
class TestPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TestPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

    [[nodiscard]] WizardCheckPanel* checkPanel() const { return m_checks; }
    [[nodiscard]] DeliverabilityScoreView* scoreView() const { return m_score; }
    // The address the test message is from: the mailbox of step 6, else postmaster@domain.
    [[nodiscard]] QString testAddress() const;
    // The verdict line as shown; empty before the first run has finished.
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] bool hasRun() const;

    // One sentence for a set of results, in the words of someone who never ran mail.
    [[nodiscard]] static QString verdictFor(const diag::CheckResults& results);

private:
    WizardCheckPanel* m_checks;
    DeliverabilityScoreView* m_score;
    QLabel* m_verdict;
};

} // namespace pw::ui
