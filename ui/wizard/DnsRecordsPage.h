#pragma once

#include <QWizardPage>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 5: the DNS records to publish, and whether DNS has them yet.
class DnsRecordsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DnsRecordsPage(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
