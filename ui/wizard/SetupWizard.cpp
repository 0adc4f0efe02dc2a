#include "ui/wizard/SetupWizard.h"

#include "app/ServiceManager.h"

#include <QSettings>

namespace pw::ui {

SetupWizard::SetupWizard(app::ServiceManager& service, QWidget* parent)
    : QWizard(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up Postwarden"));
}

bool SetupWizard::wasCompleted()
{
    return QSettings().value(QStringLiteral("wizard/completed"), false).toBool();
}

} // namespace pw::ui
