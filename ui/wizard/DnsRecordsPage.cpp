#include "ui/wizard/DnsRecordsPage.h"

#include "app/ServiceManager.h"

namespace pw::ui {

DnsRecordsPage::DnsRecordsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("dnsRecordsPage"));
}

} // namespace pw::ui
