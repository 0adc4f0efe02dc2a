#include "ui/wizard/WelcomePage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

WelcomePage::WelcomePage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("welcomePage"));
}

} // namespace pw::ui
