#include "ui/console/AliasesView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

AliasesView::AliasesView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("aliasesView"));
}

} // namespace pw::ui
