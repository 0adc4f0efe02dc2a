#include "ui/wizard/TestPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

TestPage::TestPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("testPage"));
}

} // namespace pw::ui
