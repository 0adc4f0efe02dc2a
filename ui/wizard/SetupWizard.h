#pragma once

#include <QWizard>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The setup wizard: from nothing to a verified mail server, one plain-worded step at a time.
// Every step talks to the running service over the control socket and re-checks on demand;
// the wizard remembers where the owner stopped, so that it can be resumed later.
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

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
