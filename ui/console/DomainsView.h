#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace pw::app {
class DomainListModel;
class ServiceManager;
} // namespace pw::app

namespace pw::ui {

class ActionStatus;
class DomainDetailsPanel;

// The mail domains: add, remove, DNS records, postmaster and catch-all.
class DomainsView : public QWidget
{
    Q_OBJECT

public:
    explicit DomainsView(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] app::DomainListModel& model() { return *m_model; }
    [[nodiscard]] ActionStatus& actionStatus() { return *m_status; }
    // Asks the service for the domains again.
    void refresh();
    // Selects the row of `domain`; false when there is none.
    bool selectDomain(const QString& domain);
    [[nodiscard]] QString selectedDomain() const;

signals:
    // A domain was added or removed, or its settings changed: other views may refresh.
    void directoryChanged();

private:
    void addDomain();
    void confirmRemove();
    void removeDomain(const QString& domain);
    void onSelectionChanged();

    app::ServiceManager& m_service;
    app::DomainListModel* m_model;
    ActionStatus* m_status;
    QTableView* m_table;
    QLineEdit* m_newDomain;
    QPushButton* m_add;
    QPushButton* m_remove;
    DomainDetailsPanel* m_details;
    QString m_pendingSelection;
};

} // namespace pw::ui
