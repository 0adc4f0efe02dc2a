#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 3: public addresses, static-IP verdict, PTR and forward-confirmed reverse DNS.
class NetworkPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit NetworkPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
