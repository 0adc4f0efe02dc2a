#pragma once

#include <QStringList>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// Step 6: the first mailbox, and where postmaster@ and abuse@ go. "Next" creates what is
// missing (mailbox.add, postmaster.set, alias.add for abuse@) and leaves alone what exists, so
// running the wizard again does no harm. Object names: "mailboxLineEdit", "passwordLineEdit",
// "passwordAgainLineEdit", "quotaSpinBox", "postmasterCheckBox", "abuseCheckBox",
// "accountsErrorLabel", "accountsStatusLabel", "accountsProgressBar".
class AccountsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AccountsPage(app::ServiceManager& service, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    [[nodiscard]] bool isComplete() const override;

    // The full address of the mailbox as typed (local part and the wizard's domain).
    [[nodiscard]] QString mailboxAddress() const;
    // Once set up: what the page did or found, one line each ("postmaster@… → me@…").
    [[nodiscard]] QStringList routingSummary() const { return m_routing; }
    [[nodiscard]] bool isSetUp() const { return !m_doneFor.isEmpty() && m_doneFor == mailboxAddress(); }

private:
    void startSetup();
    void addMailbox(quint64 generation);
    void setPostmaster(quint64 generation);
    void routeAbuse(quint64 generation);
    void finishSetup(quint64 generation);
    void fail(const QString& text);
    void setBusy(bool busy);
    void showError(const QString& text);
    [[nodiscard]] QString domain() const;
    [[nodiscard]] QString localPart() const;

    app::ServiceManager& m_service;
    QLineEdit* m_mailbox;
    QLabel* m_domainLabel;
    QLineEdit* m_password;
    QLineEdit* m_passwordAgain;
    QSpinBox* m_quota;
    QCheckBox* m_postmaster;
    QCheckBox* m_abuse;
    QLabel* m_error;
    QLabel* m_status;
    QProgressBar* m_progress;
    QStringList m_existingMailboxes;
    QStringList m_routing;
    QString m_doneFor;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace pw::ui
