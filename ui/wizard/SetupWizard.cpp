#include "ui/wizard/SetupWizard.h"

#include "app/ServiceManager.h"
#include "ui/wizard/AccountsPage.h"
#include "ui/wizard/DnsRecordsPage.h"
#include "ui/wizard/DomainPage.h"
#include "ui/wizard/FinishPage.h"
#include "ui/wizard/NetworkPage.h"
#include "ui/wizard/PortsPage.h"
#include "ui/wizard/TestPage.h"
#include "ui/wizard/WelcomePage.h"

#include <QSettings>

namespace pw::ui {

SetupWizard::SetupWizard(app::ServiceManager& service, QWidget* parent)
    : QWizard(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up Postwarden"));
    setPage(WelcomeStep, new ui::WelcomePage(service, this));
    setPage(DomainStep, new ui::DomainPage(service, this));
    setPage(NetworkStep, new ui::NetworkPage(service, this));
    setPage(PortsStep, new ui::PortsPage(service, this));
    setPage(DnsStep, new ui::DnsRecordsPage(service, this));
    setPage(AccountsStep, new ui::AccountsPage(service, this));
    setPage(TestStep, new ui::TestPage(service, this));
    setPage(FinishStep, new ui::FinishPage(service, this));
}

bool SetupWizard::wasCompleted()
{
    return QSettings().value(QStringLiteral("wizard/completed"), false).toBool();
}

} // namespace pw::ui
