#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace pw::ui {

class ActionStatus;
class CatchallEditor;

// Everything about the domain selected in DomainsView: who gets postmaster@ and abuse@, the
// catch-all, and the DNS records the domain needs (read-only, copyable as a zone fragment).
class DomainDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    DomainDetailsPanel(ActionStatus& status, QWidget* parent = nullptr);

    // An empty name shows nothing. The same domain again only updates postmaster and catch-all.
    void setDomain(const QString& name, const QString& postmaster, const QString& catchall);
    [[nodiscard]] QString domain() const { return m_domain; }
    // Asks the service again for the domain's mailboxes and records.
    void reload();

signals:
    void changed();

private:
    void showMailboxes(const QJsonObject& result);
    void showRecords(const QJsonObject& result);
    void applyPostmaster();
    void selectPostmaster();

    ActionStatus& m_status;
    QString m_domain;
    QString m_postmaster;
    QString m_zone;
    QLabel* m_title;
    QComboBox* m_postmasterCombo;
    QPushButton* m_postmasterSet;
    CatchallEditor* m_catchall;
    QGroupBox* m_recordsBox;
    QTableWidget* m_records;
    QLabel* m_recordsNote;
    QPushButton* m_copyZone;
};

} // namespace pw::ui
