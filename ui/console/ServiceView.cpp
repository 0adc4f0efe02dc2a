#include "ui/console/ServiceView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

ServiceView::ServiceView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("serviceView"));
}

} // namespace pw::ui
