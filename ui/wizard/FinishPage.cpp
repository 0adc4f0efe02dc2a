#include "ui/wizard/FinishPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

FinishPage::FinishPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("finishPage"));
}

} // namespace pw::ui
