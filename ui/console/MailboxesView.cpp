#include "ui/console/MailboxesView.h"

#include "app/ServiceManager.h"

namespace pw::ui {

MailboxesView::MailboxesView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("mailboxesView"));
}

} // namespace pw::ui
