#pragma once

#include <QHostAddress>
#include <QList>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class WizardSaveStatus;

class WizardAddressDetector;
class WizardCheckPanel;
class WizardSettingsWriter;

// Step 3: public addresses, static-IP verdict, PTR and forward-confirmed reverse DNS, with the
// plain-words note that the PTR record is set where the server is rented, not at the DNS host.
// On Next the addresses are written to the service (service.public_addresses).
// Field: "publicAddresses" (comma-separated, may be empty). Object names (for tests):
// "publicAddressesLineEdit", "publicAddressesHintLabel", "detectedAddressesLabel",
// "useDetectedButton", "ptrHintLabel", "ptrValueLabel", "networkProgressBar",
// "networkProgressLabel", "networkErrorLabel", and the check panel's.
class NetworkPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit NetworkPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    [[nodiscard]] bool isComplete() const override;
    bool validatePage() override;

    [[nodiscard]] WizardCheckPanel* checks() const { return m_checks; }

    // The addresses in `text` (separated by commas or spaces); `invalid` gets what is not one.
    [[nodiscard]] static QList<QHostAddress> parseAddresses(const QString& text,
                                                            QStringList* invalid = nullptr);

private:
    [[nodiscard]] QString hostname() const;
    void onAddressesEdited();
    void showDetected(const QList<QHostAddress>& onThisMachine, const QList<QHostAddress>& ofHostname);
    void updatePtrHint();
    void startChecksIfCurrent();
    void setBusy(bool busy);

    app::ServiceManager& m_service;
    QLineEdit* m_addresses;
    QLabel* m_addressHint;
    QLabel* m_detected;
    QPushButton* m_useDetected;
    QLabel* m_ptrHint;
    QLabel* m_ptrValue;
    WizardSaveStatus* m_saveStatus;
    WizardCheckPanel* m_checks;
    WizardSettingsWriter* m_writer;
    WizardAddressDetector* m_detector;
    QList<QHostAddress> m_detectedAddresses;
    bool m_busy = false;
    bool m_proceed = false;
    bool m_prefilled = false;
};

} // namespace pw::ui
