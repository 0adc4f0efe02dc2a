#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 8: the settings to hand to users, and a printable summary.
class FinishPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FinishPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
