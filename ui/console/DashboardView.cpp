#include "ui/console/DashboardView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

DashboardView::DashboardView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("dashboardView"));
}

} // namespace pw::ui
