#pragma once

#include "app/ServiceManager.h"

#include <QMainWindow>
#include <functional>

class QLabel;
class QListWidget;
class QStackedWidget;
class QWizard;

namespace pw::ui {

class AliasesView;
class DashboardView;
class DiagnosticsView;
class DomainsView;
class LogView;
class MailboxesView;
class ServiceBanner;
class ServiceView;

// The admin console's shell: navigation on the left, one view at a time on the right, and the
// service's state always visible. Ctrl+1 … Ctrl+7 switch pages; geometry, toolbar state and the
// last page come back at the next start.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        DashboardPage,
        DomainsPage,
        MailboxesPage,
        AliasesPage,
        LogsPage,
        DiagnosticsPage,
        ServicePage,
        PageCount
    };
    Q_ENUM(Page)

    using WizardFactory = std::function<QWizard*(QWidget* parent)>;

    explicit MainWindow(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] DashboardView* dashboardView() const { return m_dashboard; }
    [[nodiscard]] DomainsView* domainsView() const { return m_domains; }
    [[nodiscard]] MailboxesView* mailboxesView() const { return m_mailboxes; }
    [[nodiscard]] AliasesView* aliasesView() const { return m_aliases; }
    [[nodiscard]] LogView* logView() const { return m_logView; }
    [[nodiscard]] DiagnosticsView* diagnosticsView() const { return m_diagnostics; }
    [[nodiscard]] ServiceView* serviceView() const { return m_serviceView; }
    void showPage(int index);
    [[nodiscard]] int currentPage() const;

    // The setup wizard comes from here (the console does not depend on the wizard's library);
    // without a factory the "Set up…" action is disabled.
    void setWizardFactory(WizardFactory factory);
    // Opens a wizard from the factory, window-modal; nullptr without a factory or while one is open.
    QWizard* openSetupWizard();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void addPage(const QString& title, const QIcon& icon, QWidget* page);
    void onStateChanged(app::ServiceManager::State state);
    void restoreWindowState();
    void saveWindowState() const;

    app::ServiceManager& m_service;
    ServiceBanner* m_banner;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    DashboardView* m_dashboard;
    DomainsView* m_domains;
    MailboxesView* m_mailboxes;
    AliasesView* m_aliases;
    LogView* m_logView;
    DiagnosticsView* m_diagnostics;
    ServiceView* m_serviceView;
    QLabel* m_stateLabel;
    QAction* m_setupAction = nullptr;
    WizardFactory m_wizardFactory;
    QWizard* m_openWizard = nullptr;
    QString m_lastStartError;
};

} // namespace pw::ui
