#pragma once

#include "ui/wizard/SetupSummary.h"

#include <QJsonObject>
#include <QWizardPage>

class QLabel;
class QPrinter;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 8: the settings to hand to users, and a printable summary of the whole setup, shown
// below them as it will print. Object names: "clientSettingsTable", "finishStatusLabel",
// "printButton", "saveSummaryButton", "summaryMessageLabel", "summaryPreview".
class FinishPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column
    {
        ServiceColumn,
        HostColumn,
        PortColumn,
        SecurityColumn,
        UserColumn,
        ColumnCount
    };

    explicit FinishPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;

    // What the wizard set up, gathered from its pages and the service's last status.
    [[nodiscard]] SetupSummary summary() const;
    // The printable summary: a whole HTML document.
    [[nodiscard]] QString summaryHtml() const;
    // A path ending in ".pdf" gets a PDF, any other an HTML file; false (and the reason on the
    // page) when it cannot be written.
    bool saveSummary(const QString& path);
    void printSummary(QPrinter& printer) const;
    [[nodiscard]] QList<ClientSetting> clientSettings() const { return m_settings; }

private:
    void showSettings(const QJsonObject& status);
    void showStatusLine();
    void updatePreview();
    void choosePrinter();
    void chooseSummaryFile();
    void showMessage(const QString& text);
    [[nodiscard]] QString hostname() const;
    [[nodiscard]] QString mailbox() const;

    app::ServiceManager& m_service;
    QTableWidget* m_table;
    QTextBrowser* m_preview;
    QLabel* m_status;
    QLabel* m_message;
    QPushButton* m_printButton;
    QPushButton* m_saveButton;
    QJsonObject m_lastStatus;
    QList<ClientSetting> m_settings;
};

} // namespace pw::ui
