#pragma once

#include "ui/wizard/SetupSummary.h"

#include <QList>
#include <QTimer>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace pw::app {
class RecordVerifier;
class ServiceManager;
struct RecordCheck;
} // namespace pw::app

namespace pw::diag {
struct DiagnosticsInput;
}

namespace pw::ui {

class RecordsTable;
class WizardCheckPanel;

// Step 5: the DNS records to publish, and whether DNS has them yet. The records come from the
// service (`records`); "Verify now" looks each one up (app::RecordVerifier) and runs the MX,
// SPF, DKIM and DMARC checks below the table; while the page is shown it verifies again every
// minute, since DNS changes take a while to show. Object names: "recordsTable",
// "copyButton_<row>", "copyAllButton", "exportZoneButton", "verifyNowButton",
// "verifyProgressBar", "verifySummaryLabel", "recordsMessageLabel".
class DnsRecordsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DnsRecordsPage(app::ServiceManager& service, QWidget* parent = nullptr);
    ~DnsRecordsPage() override;

    void initializePage() override;
    void cleanupPage() override;

    // The BIND zone fragment the service generated.
    [[nodiscard]] QString zoneText() const { return m_zone; }
    // Writes the zone fragment (with a header comment) to `path`; what the export button saves
    // after asking where. False, with the reason shown on the page, when it cannot.
    bool exportZone(const QString& path);
    void verifyNow();
    [[nodiscard]] bool isVerifying() const;
    [[nodiscard]] RecordsTable* recordsTable() const { return m_table; }
    [[nodiscard]] WizardCheckPanel* checkPanel() const { return m_checks; }
    // The records with their last status, for the summary.
    [[nodiscard]] QList<SummaryRecord> summaryRecords() const;
    [[nodiscard]] bool hasVerified() const { return m_verified; }
    [[nodiscard]] bool requiredRecordsFound() const;
    void setAutoVerifyInterval(int milliseconds) { m_autoVerify.setInterval(milliseconds); }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void loadRecords();
    void showRecords(const QJsonObject& result);
    void showMessage(const QString& text);
    void startVerifier(const QStringList& dnsServers);
    void onRecordChecked(int index, const app::RecordCheck& check);
    void updateSummary();
    void copyAll();
    void chooseExportFile();
    [[nodiscard]] QString domain() const;

    app::ServiceManager& m_service;
    app::RecordVerifier* m_verifier;
    RecordsTable* m_table;
    WizardCheckPanel* m_checks;
    QLabel* m_message;
    QLabel* m_summary;
    QLabel* m_copied;
    QProgressBar* m_progress;
    QPushButton* m_verifyButton;
    QPushButton* m_copyAllButton;
    QPushButton* m_exportButton;
    QTimer m_autoVerify;
    QTimer m_copiedTimer;
    QString m_zone;
    QString m_loadedDomain;
    quint64 m_generation = 0;
    int m_checked = 0;
    bool m_loading = false;
    bool m_verified = false;
};

} // namespace pw::ui
