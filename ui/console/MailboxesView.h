#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace pw::app {
class MailboxListModel;
class ServiceManager;
} // namespace pw::app

namespace pw::ui {

class ActionStatus;
class MailboxDialog;

// Mailboxes: create, password, quota, disable.
class MailboxesView : public QWidget
{
    Q_OBJECT

public:
    explicit MailboxesView(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] app::MailboxListModel& model() { return *m_model; }
    [[nodiscard]] ActionStatus& actionStatus() { return *m_status; }
    void refresh();
    bool selectMailbox(const QString& address);
    [[nodiscard]] QString selectedMailbox() const;

    // The dialogs open window-modal without blocking and act when accepted; these are the
    // actions' entry points, and return the dialog (nullptr when nothing is selected).
    MailboxDialog* openCreateDialog();
    MailboxDialog* openPasswordDialog();
    MailboxDialog* openQuotaDialog();

signals:
    void directoryChanged();

private:
    void onDialogAccepted(MailboxDialog* dialog);
    void toggleDisabled();
    void confirmRemove();
    void updateActions();
    void changed(const QString& select);

    app::ServiceManager& m_service;
    app::MailboxListModel* m_model;
    ActionStatus* m_status;
    QTableView* m_table;
    QPushButton* m_create;
    QPushButton* m_password;
    QPushButton* m_quota;
    QPushButton* m_toggle;
    QPushButton* m_remove;
    QStringList m_domains;
    QString m_pendingSelection;
};

} // namespace pw::ui
