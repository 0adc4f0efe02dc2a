#pragma once

#include "shared/diag/CheckResult.h"

#include <QWizardPage>

class QLabel;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class WizardCheckPanel;

// Step 7: the whole diagnostics suite at once (records, host name, reverse DNS, blocklists,
// ports, TLS), with a verdict in one plain sentence. Object names: "testVerdictLabel",
// "scoreNoteLabel", and those of WizardCheckPanel ("recheckButton") and CheckResultsView.
class TestPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TestPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

    [[nodiscard]] WizardCheckPanel* checkPanel() const { return m_checks; }
    // The verdict line as shown; empty before the first run has finished.
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] bool hasRun() const;

    // One sentence for a set of results, in the words of someone who never ran mail.
    [[nodiscard]] static QString verdictFor(const diag::CheckResults& results);

private:
    WizardCheckPanel* m_checks;
    QLabel* m_verdict;
};

} // namespace pw::ui
