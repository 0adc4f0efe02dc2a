#include "ui/wizard/PortsPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

PortsPage::PortsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("portsPage"));
}

} // namespace pw::ui
