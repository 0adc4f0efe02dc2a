#include "ui/wizard/DomainPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

DomainPage::DomainPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("domainPage"));
}

} // namespace pw::ui
