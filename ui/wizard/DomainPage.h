#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 2: the mail domain and the mail host name, checked live.
class DomainPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DomainPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
