#pragma once

#include <QWidget>

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Mailboxes: create, password, quota, disable.
class MailboxesView : public QWidget
{
    Q_OBJECT

public:
    explicit MailboxesView(app::ServiceManager& service, QWidget* parent = nullptr);

private:
    app::ServiceManager& m_service;
};

} // namespace pw::ui
