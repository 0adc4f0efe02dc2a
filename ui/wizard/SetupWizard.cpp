#include "ui/wizard/SetupWizard.h"

#include "app/ServiceManager.h"
#include "ui/wizard/AccountsPage.h"
#include "ui/wizard/DnsRecordsPage.h"
#include "ui/wizard/DomainPage.h"
#include "ui/wizard/FinishPage.h"
#include "ui/wizard/NetworkPage.h"
#include "ui/wizard/PortsPage.h"
#include "ui/wizard/TestPage.h"
#include "ui/wizard/WelcomePage.h"
#include "ui/wizard/WizardStepList.h"

#include <QSettings>

namespace pw::ui {

namespace {

const QString kStepKey = QStringLiteral("wizard/step");
const QString kCompletedKey = QStringLiteral("wizard/completed");
const QString kGeometryKey = QStringLiteral("wizard/geometry");
const QString kFieldsGroup = QStringLiteral("wizard/fields/");

// The fields the steps before DNS register; later pages keep their own state in the service.
const QStringList& persistedFields()
{
    static const QStringList fields{QStringLiteral("domain"), QStringLiteral("hostname"),
                                    QStringLiteral("publicAddresses")};
    return fields;
}

QStringList stepNames()
{
    return {SetupWizard::tr("Welcome"),     SetupWizard::tr("Domain and host name"),
            SetupWizard::tr("Network"),     SetupWizard::tr("Ports"),
            SetupWizard::tr("DNS records"), SetupWizard::tr("Accounts"),
            SetupWizard::tr("Test"),        SetupWizard::tr("Finish")};
}

} // namespace

SetupWizard::SetupWizard(app::ServiceManager& service, QWidget* parent)
    : QWizard(parent)
    , m_steps(new WizardStepList(stepNames(), this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up Postwarden"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setSideWidget(m_steps);
    setPage(WelcomeStep, new ui::WelcomePage(service, this));
    setPage(DomainStep, new ui::DomainPage(service, this));
    setPage(NetworkStep, new ui::NetworkPage(service, this));
    setPage(PortsStep, new ui::PortsPage(service, this));
    setPage(DnsStep, new ui::DnsRecordsPage(service, this));
    setPage(AccountsStep, new ui::AccountsPage(service, this));
    setPage(TestStep, new ui::TestPage(service, this));
    setPage(FinishStep, new ui::FinishPage(service, this));

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(980, 740);
    for (const QString& name : persistedFields()) {
        const QVariant value = settings.value(kFieldsGroup + name);
        if (value.isValid())
            setField(name, value);
    }

    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id < 0)
            return;
        m_steps->setCurrentStep(id);
        saveProgress();
    });
    resumeAtSavedStep();
}

bool SetupWizard::wasCompleted()
{
    return QSettings().value(kCompletedKey, false).toBool();
}

int SetupWizard::savedStep()
{
    bool ok = false;
    const int step = QSettings().value(kStepKey).toInt(&ok);
    return ok && step >= WelcomeStep && step <= FinishStep ? step : int(WelcomeStep);
}

void SetupWizard::forgetProgress()
{
    QSettings settings;
    settings.remove(kStepKey);
    for (const QString& name : persistedFields())
        settings.remove(kFieldsGroup + name);
}

void SetupWizard::resumeAtSavedStep()
{
    const int target = savedStep();
    restart();
    // Forward through the steps before it, so that Back leads where it led last time. Bounded
    // by the number of pages, whatever a page's nextId() says.
    m_restoring = true;
    for (int guard = 0; currentId() != target && currentId() >= 0 && guard < pageIds().size(); ++guard) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
    m_restoring = false;
    m_steps->setCurrentStep(currentId());
    saveProgress();
}

bool SetupWizard::validateCurrentPage()
{
    return m_restoring || QWizard::validateCurrentPage();
}

void SetupWizard::saveProgress()
{
    if (m_restoring || m_closing || currentId() < 0)
        return;
    QSettings settings;
    settings.setValue(kStepKey, currentId());
    for (const QString& name : persistedFields())
        settings.setValue(kFieldsGroup + name, field(name));
}

void SetupWizard::done(int result)
{
    // Before QWizard::done: a rejected wizard resets its pages, and with them the fields.
    saveProgress();
    m_closing = true;
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    if (result == QDialog::Accepted) {
        settings.setValue(kCompletedKey, true);
        // Opened again later, the wizard starts from the beginning with what was entered.
        settings.remove(kStepKey);
    }
    QWizard::done(result);
    m_closing = false;
}

} // namespace pw::ui
