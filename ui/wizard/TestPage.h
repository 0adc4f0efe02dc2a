#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 7: blocklists and the whole diagnostics suite.
class TestPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TestPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
