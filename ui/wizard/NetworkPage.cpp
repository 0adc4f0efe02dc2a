#include "ui/wizard/NetworkPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

NetworkPage::NetworkPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("networkPage"));
}

} // namespace pw::ui
