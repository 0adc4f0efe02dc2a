#pragma once

#include <QWidget>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Aliases and catch-all addresses.
class AliasesView : public QWidget
{
    Q_OBJECT

public:
    explicit AliasesView(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
