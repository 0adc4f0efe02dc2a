#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 4: listeners, public reachability, outbound port 25.
class PortsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PortsPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
