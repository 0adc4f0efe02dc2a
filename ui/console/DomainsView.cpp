#include "ui/console/DomainsView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

DomainsView::DomainsView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("domainsView"));
}

} // namespace pw::ui
