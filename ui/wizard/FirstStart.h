#pragma once

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class MainWindow;

// On the first start the owner is taken to the wizard, not left in an empty console: once the
// service first answers, a service without any domain (and an app whose wizard was never
// finished) opens it over the window. Once per app run; a later restart of the service does not
// open it again.
void offerWizardOnFirstStart(app::ServiceManager& service, MainWindow& window);

} // namespace pw::ui
