#pragma once

#include "shared/diag/CheckResult.h"

#include <QJsonObject>
#include <QWizardPage>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

class WizardCheckPanel;
class WizardNoteBox;

// Step 4: the service's listeners, whether the mail ports are reachable (or that this cannot be
// told from inside, and the command to run from outside), outbound port 25 and, when it is
// blocked, what a relay is. Object names (for tests): "listenersTable", "natHintLabel",
// "probeCommandLabel", "copyProbeCommandButton", "relayHintLabel" (inside "relayNote"), and the
// check panel's.
class PortsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PortsPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

    [[nodiscard]] WizardCheckPanel* checks() const { return m_checks; }
    // The command the owner runs on another machine to test the ports from outside.
    [[nodiscard]] QString probeCommand() const;

private:
    void showListeners(const QJsonObject& status);
    void fitListenersHeight();
    void showResults(const diag::CheckResults& results);
    void updateProbeCommand();

    app::ServiceManager& m_service;
    QTableWidget* m_listeners;
    WizardNoteBox* m_natNote;
    QLabel* m_probeCommand;
    QPushButton* m_copyProbe;
    WizardNoteBox* m_relayNote;
    WizardCheckPanel* m_checks;
    QList<quint16> m_publicPorts;
};

} // namespace pw::ui
