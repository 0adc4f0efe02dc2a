#pragma once

#include <QWidget>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The service itself: start, stop, restart, where its data and config live, its certificate.
class ServiceView : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceView(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
