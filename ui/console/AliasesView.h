#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;

namespace pw::app {
class AliasListModel;
class DomainListModel;
class ServiceManager;
} // namespace pw::app

namespace pw::ui {

class ActionStatus;
class CatchallEditor;

// Aliases and catch-all addresses.
class AliasesView : public QWidget
{
    Q_OBJECT

public:
    explicit AliasesView(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] app::AliasListModel& model() { return *m_aliases; }
    [[nodiscard]] app::DomainListModel& domainModel() { return *m_domains; }
    [[nodiscard]] ActionStatus& actionStatus() { return *m_status; }
    void refresh();
    bool selectAlias(const QString& address);
    [[nodiscard]] QString selectedAlias() const;
    bool selectCatchallDomain(const QString& domain);

signals:
    void directoryChanged();

private:
    void addAlias();
    void confirmRemove();
    void updateActions();
    void onCatchallDomainChanged();
    void changed(const QString& select);

    app::ServiceManager& m_service;
    app::AliasListModel* m_aliases;
    app::DomainListModel* m_domains;
    ActionStatus* m_status;
    QTableView* m_table;
    QLineEdit* m_address;
    QLineEdit* m_targets;
    QPushButton* m_add;
    QPushButton* m_remove;
    QTableView* m_catchallTable;
    CatchallEditor* m_catchall;
    QString m_pendingSelection;
};

} // namespace pw::ui
