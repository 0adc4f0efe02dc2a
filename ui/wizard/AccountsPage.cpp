#include "ui/wizard/AccountsPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

AccountsPage::AccountsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("accountsPage"));
}

} // namespace pw::ui
