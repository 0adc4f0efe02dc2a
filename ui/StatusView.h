#pragma once

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;
class QTableWidget;

namespace pw::ui {

// The service at a glance: what runs, where, since when, and on which addresses.
class StatusView : public QWidget
{
    Q_OBJECT

public:
    explicit StatusView(QWidget* parent = nullptr);

    void showStatus(const QJsonObject& status);
    void showNotRunning();
    // A passing state ("Starting…", "Stopping…") until the next showStatus()/showNotRunning().
    void showTransition(const QString& state);
    // Where the service keeps its data, known before it answers (the data directory label).
    void setDataDir(const QString& dataDir);

private:
    [[nodiscard]] static QString formatUptime(qint64 seconds);
    QLabel* addRow(QFormLayout* form, const QString& label, const QString& objectName);

    QLabel* m_state;
    QLabel* m_version;
    QLabel* m_pid;
    QLabel* m_uptime;
    QLabel* m_dataDir;
    QLabel* m_configFile;
    QLabel* m_hostname;
    QLabel* m_counts;
    QTableWidget* m_listeners;
};

} // namespace pw::ui
