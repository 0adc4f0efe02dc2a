#pragma once

#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace pw::app {
class DiagnosticsHistory;
class ServiceManager;
} // namespace pw::app

namespace pw::control {
struct Reply;
}

namespace pw::ui {

class HourlyChart;

// The console's first page: is the service healthy, how much mail moved today, the last verdict.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    // The figures of `stats` are asked for this often while the dashboard is visible.
    static constexpr int kStatsIntervalMs = 5000;

    // `history` defaults to app::DiagnosticsHistory::shared().
    explicit DashboardView(app::ServiceManager& service, QWidget* parent = nullptr,
                           app::DiagnosticsHistory* history = nullptr);

    [[nodiscard]] HourlyChart* chart() const { return m_chart; }
    // Asks the service for today's figures now.
    void refreshStats();

signals:
    void diagnosticsRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showStatus(const QJsonObject& status);
    void showNotRunning();
    void showStats(const control::Reply& reply);
    void showVerdict();
    [[nodiscard]] QLabel* addValue(const char* objectName);

    app::ServiceManager& m_service;
    app::DiagnosticsHistory& m_history;
    QTimer m_statsTimer;
    QLabel* m_state;
    QLabel* m_version;
    QLabel* m_uptime;
    QLabel* m_listeners;
    QLabel* m_domains;
    QLabel* m_mailboxes;
    QLabel* m_aliases;
    QLabel* m_received;
    QLabel* m_sent;
    QLabel* m_rejected;
    QLabel* m_queue;
    QLabel* m_verdictIcon;
    QLabel* m_verdict;
    QPushButton* m_runDiagnostics;
    HourlyChart* m_chart;
};

} // namespace pw::ui
