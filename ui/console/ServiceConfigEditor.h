#pragma once

#include <QHash>
#include <QWidget>

class QFrame;
class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The service's configuration as config.show reports it, one setting a row. A value is changed
// in place (double-click or F2); config.set writes it, and when the running service has to be
// restarted for it a bar says so, with a button that does it.
// Object names (for tests): "configTableWidget", "configStatusLabel", "reloadConfigButton",
// "restartNeededBar", "restartNeededLabel", "restartNowButton".
class ServiceConfigEditor : public QWidget
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        ValueColumn
    };

    explicit ServiceConfigEditor(app::ServiceManager& service, QWidget* parent = nullptr);

    void refresh();
    // What the table shows for "section.key"; empty when there is no such row.
    [[nodiscard]] QString value(const QString& key) const;
    [[nodiscard]] bool restartNeeded() const { return m_restartNeeded; }

private:
    void showConfig(const QJsonObject& config);
    void valueEdited(QTableWidgetItem* item);
    void setRestartNeeded(bool needed);
    void setMessage(const QString& text);

    app::ServiceManager& m_service;
    QLabel* m_fileLabel;
    QTableWidget* m_table;
    QLabel* m_status;
    QFrame* m_restartBar;
    QHash<QString, QString> m_values; // as the service last reported them
    bool m_filling = false;
    bool m_restartNeeded = false;
};

} // namespace pw::ui
