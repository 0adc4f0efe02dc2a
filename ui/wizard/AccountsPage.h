#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 6: the first mailbox, and where postmaster@ and abuse@ go.
class AccountsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AccountsPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
