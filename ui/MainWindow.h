#pragma once

#include "app/ServiceManager.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace pw::ui {

class LogView;
class ServiceBanner;
class StatusView;

// The admin console's shell: navigation on the left, one view at a time on the right, and the
// service's state always visible. The wizard and the admin views will live here too.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] StatusView* statusView() const { return m_statusView; }
    [[nodiscard]] LogView* logView() const { return m_logView; }
    void showPage(int index);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void addPage(const QString& title, const QIcon& icon, QWidget* page);
    void onStateChanged(app::ServiceManager::State state);
    void restoreWindowState();

    app::ServiceManager& m_service;
    ServiceBanner* m_banner;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    StatusView* m_statusView;
    LogView* m_logView;
    QLabel* m_stateLabel;
    QString m_lastStartError;
};

} // namespace pw::ui
