#include "ui/wizard/TestPage.h"

#include "app/ServiceManager.h"
#include "ui/wizard/AccountsPage.h"
#include "ui/wizard/DeliverabilityScoreView.h"
#include "ui/wizard/SetupWizard.h"
#include "ui/wizard/WizardCheckPanel.h"
#include "ui/wizard/WizardPageLayout.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace pw::ui {

TestPage::TestPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_checks(new WizardCheckPanel(service, {}, this))
    , m_score(new DeliverabilityScoreView(service, this))
    , m_verdict(new QLabel(this))
{
    setObjectName(QStringLiteral("testPage"));
    setTitle(tr("Test everything together"));
    setSubTitle(
        tr("Postwarden now checks all of it at once: your DNS records, your server's name and address, "
           "whether your address is on a blocklist (a list of senders other servers refuse mail from), "
           "and whether the mail ports answer. Select a finding to see what it means and how to fix it."));

    m_verdict->setObjectName(QStringLiteral("testVerdictLabel"));
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);

    auto* scoreNote =
        new QLabel(tr("The score comes from Postwarden's scoring engine, like the one mail-tester.com gives "
                      "for a test mail: Postwarden writes a test message from your mailbox, signs it as it "
                      "signs your mail, and checks it as a receiving server would. The message is not sent "
                      "anywhere. The score rates how other servers will judge the mail you send; what stops "
                      "mail from reaching you (MX, ports) is in the list below and costs no points here."),
                   this);
    scoreNote->setObjectName(QStringLiteral("scoreNoteLabel"));
    scoreNote->setWordWrap(true);

    // The verdict and the score first, then every finding; the page scrolls rather than squeezing
    // the list on a small screen.
    QVBoxLayout* layout = scrollingPageLayout(this);
    layout->addWidget(m_verdict);
    layout->addWidget(m_score);
    layout->addWidget(scoreNote);
    m_checks->setMinimumHeight(420);
    layout->addWidget(m_checks, 1);

    m_checks->setDomainSource([this] { return field(QStringLiteral("domain")).toString().trimmed(); });
    connect(m_checks, &WizardCheckPanel::finished, this, [this](const diag::CheckResults& results) {
        m_verdict->setText(verdictFor(results));
        m_score->start(testAddress(), results);
    });
}

QString TestPage::testAddress() const
{
    if (const auto* accounts =
            wizard() ? qobject_cast<AccountsPage*>(wizard()->page(SetupWizard::AccountsStep)) : nullptr) {
        const QString address = accounts->mailboxAddress().trimmed();
        if (address.contains(QLatin1Char('@')) && !address.startsWith(QLatin1Char('@')))
            return address;
    }
    return QStringLiteral("postmaster@") + field(QStringLiteral("domain")).toString().trimmed();
}

void TestPage::initializePage()
{
    m_verdict->setText(tr("Checking… this takes up to a minute."));
    m_score->reset();
    m_checks->run();
}

void TestPage::cleanupPage()
{
    m_checks->cancel();
    m_score->reset();
}

QString TestPage::verdictText() const
{
    return m_checks->hasRun() ? m_verdict->text() : QString();
}

bool TestPage::hasRun() const
{
    return m_checks->hasRun();
}

QString TestPage::verdictFor(const diag::CheckResults& results)
{
    const auto count = [&results](diag::CheckStatus status) {
        return static_cast<int>(
            std::count_if(results.cbegin(), results.cend(),
                          [status](const diag::CheckResult& r) { return r.status == status; }));
    };
    const int failed = count(diag::CheckStatus::Fail);
    const int warnings = count(diag::CheckStatus::Warn);
    const int unknown = count(diag::CheckStatus::Unknown);
    if (results.isEmpty())
        return tr("No checks ran.");
    if (failed > 0)
        return tr("%n problem(s) must be fixed before mail works reliably. Select each one below to see how.",
                  nullptr, failed);
    if (warnings > 0)
        return tr("Mail works, but %n thing(s) should be improved so that your mail is not taken for spam.",
                  nullptr, warnings);
    if (unknown > 0)
        return tr("Nothing is wrong, but %n check(s) could not tell from here; see below why.", nullptr,
                  unknown);
    return tr("All good: your server is ready to send and receive mail.");
}

} // namespace pw::ui
