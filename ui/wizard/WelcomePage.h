#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 1: what the wizard will do and what the owner needs.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WelcomePage(app::ServiceManager& service, QWidget* parent = nullptr);
};

} // namespace pw::ui
