#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class WizardSaveStatus;

class WizardCheckPanel;
class WizardSettingsWriter;

// Step 2: the mail domain and the mail host name, checked live. On Next the domain is added to
// the service (when it is new) and the host name written to its configuration; when that needs
// a restart, the page restarts the service and waits for it.
// Fields: "domain", "hostname" (both mandatory). Object names (for tests): "domainLineEdit",
// "hostnameLineEdit", "domainHintLabel", "domainProgressBar", "domainProgressLabel",
// "domainErrorLabel", and the check panel's.
class DomainPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DomainPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    [[nodiscard]] bool isComplete() const override;
    bool validatePage() override;

    [[nodiscard]] WizardCheckPanel* checks() const { return m_checks; }

    // "mail.<domain>", or empty for an empty domain.
    [[nodiscard]] static QString suggestedHostname(const QString& domain);
    // Trimmed, lower case, without the final dot: how names are compared and saved.
    [[nodiscard]] static QString normalizedName(const QString& name);

private:
    void onDomainEdited();
    void onHostnameEdited();
    void updateHint();
    void startChecksIfCurrent();
    void commit();
    void addDomainThenHostname(const QString& domain, const QString& hostname);
    void setBusy(bool busy, const QString& text = {});
    void fail(const QString& error);
    [[nodiscard]] QString problem() const;

    app::ServiceManager& m_service;
    QLineEdit* m_domain;
    QLineEdit* m_hostname;
    QLabel* m_hint;
    WizardSaveStatus* m_saveStatus;
    WizardCheckPanel* m_checks;
    WizardSettingsWriter* m_writer;
    bool m_hostnameEdited = false;
    bool m_busy = false;
    bool m_proceed = false;
    bool m_prefilled = false;
};

} // namespace pw::ui
