#include "ui/console/DiagnosticsView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

DiagnosticsView::DiagnosticsView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("diagnosticsView"));
}

} // namespace pw::ui
