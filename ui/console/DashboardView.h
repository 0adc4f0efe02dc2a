#pragma once

#include <QWidget>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The console's first page: is the service healthy, how much mail moved today, the last verdict.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
