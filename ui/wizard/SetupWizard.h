#pragma once

#include <QWizard>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class WizardStepList;

// The setup wizard: from nothing to a verified mail server, one plain-worded step at a time.
// Every step talks to the running service over the control socket and re-checks on demand;
// the wizard remembers where the owner stopped, so that it can be resumed later.
//
// Kept in QSettings under "wizard/": "step" (the page to resume at), "fields/<name>" (the
// fields "domain", "hostname", "publicAddresses"), "geometry", and "completed".
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        WelcomeStep,
        DomainStep,
        NetworkStep,
        PortsStep,
        DnsStep,
        AccountsStep,
        TestStep,
        FinishStep
    };
    Q_ENUM(PageId)

    explicit SetupWizard(app::ServiceManager& service, QWidget* parent = nullptr);

    // True once an owner has finished the wizard (kept in the app's settings).
    [[nodiscard]] static bool wasCompleted();
    // The step a new wizard starts at: where the owner stopped last time, else the welcome page.
    [[nodiscard]] static int savedStep();
    // Forgets the saved step and field values (not the window size, not "completed").
    static void forgetProgress();

    [[nodiscard]] WizardStepList* stepList() const { return m_steps; }

    void done(int result) override;

protected:
    // While the wizard walks forward to the saved step, the pages are not asked to save again
    // what they saved last time.
    bool validateCurrentPage() override;

private:
    void saveProgress();
    void resumeAtSavedStep();

    WizardStepList* m_steps;
    bool m_restoring = false;
    bool m_closing = false;
};

} // namespace pw::ui
