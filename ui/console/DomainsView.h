#pragma once

#include <QWidget>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The mail domains: add, remove, DNS records, postmaster and catch-all.
class DomainsView : public QWidget
{
    Q_OBJECT

public:
    explicit DomainsView(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
