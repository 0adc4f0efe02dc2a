#include "ui/wizard/DomainPage.h"

#include "app/ServiceManager.h"
#include "shared/diag/checks/HostnameCheck.h"
#include "ui/wizard/WizardCheckPanel.h"
#include "ui/wizard/WizardPageLayout.h"
#include "ui/wizard/WizardSaveStatus.h"
#include "ui/wizard/WizardSettingsWriter.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QWizard>

namespace pw::ui {

namespace {

bool sameDomain(const QJsonObject& listed, const QString& domain)
{
    const QString ace = QString::fromLatin1(QUrl::toAce(domain)).toLower();
    return listed.value(QStringLiteral("name")).toString().toLower() == ace ||
           listed.value(QStringLiteral("unicode")).toString().toLower() == domain;
}

} // namespace

DomainPage::DomainPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_domain(new QLineEdit(this))
    , m_hostname(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_saveStatus(new WizardSaveStatus(QStringLiteral("domain"), this))
    , m_checks(new WizardCheckPanel(service, {QStringLiteral("hostname"), QStringLiteral("mx")}, this))
    , m_writer(new WizardSettingsWriter(service, this))
{
    setObjectName(QStringLiteral("domainPage"));
    setTitle(tr("Your domain and the mail server's name"));
    setSubTitle(tr("Mail addresses end in your domain. The mail server needs a name of its own under it."));

    auto* intro = new QLabel(
        tr("Your <b>mail domain</b> is what comes after the @ in your addresses: for info@example.com it "
           "is example.com. The <b>mail host name</b> is the name of this server on the internet; other "
           "mail servers look it up to find and to recognise it. Most people use mail. followed by the "
           "domain."),
        this);
    intro->setObjectName(QStringLiteral("domainIntroLabel"));
    intro->setWordWrap(true);

    m_domain->setObjectName(QStringLiteral("domainLineEdit"));
    m_domain->setPlaceholderText(tr("example.com"));
    m_domain->setClearButtonEnabled(true);
    m_hostname->setObjectName(QStringLiteral("hostnameLineEdit"));
    m_hostname->setPlaceholderText(tr("mail.example.com"));
    m_hostname->setClearButtonEnabled(true);
    auto* domainLabel = new QLabel(tr("Mail &domain:"), this);
    domainLabel->setBuddy(m_domain);
    auto* hostnameLabel = new QLabel(tr("Mail &host name:"), this);
    hostnameLabel->setBuddy(m_hostname);
    auto* hostnameNote = new QLabel(
        tr("The host name is filled in for you as mail.<i>domain</i>; change it only if you already "
           "use another name for this server."),
        this);
    hostnameNote->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(domainLabel, m_domain);
    form->addRow(hostnameLabel, m_hostname);

    m_hint->setObjectName(QStringLiteral("domainHintLabel"));
    m_hint->setWordWrap(true);
    m_hint->setVisible(false);

    QVBoxLayout* layout = scrollingPageLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hostnameNote);
    layout->addWidget(m_hint);
    m_checks->setMinimumHeight(420);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_saveStatus);
    setTabOrder(m_domain, m_hostname);

    registerField(QStringLiteral("domain*"), m_domain);
    registerField(QStringLiteral("hostname*"), m_hostname);

    m_checks->setInputAdjuster([this](diag::DiagnosticsInput& input) {
        input.domain = normalizedName(m_domain->text());
        input.hostname = normalizedName(m_hostname->text());
    });
    connect(m_domain, &QLineEdit::textChanged, this, &DomainPage::onDomainEdited);
    connect(m_hostname, &QLineEdit::textChanged, this, &DomainPage::onHostnameEdited);
    connect(m_writer, &WizardSettingsWriter::progress, m_saveStatus, &WizardSaveStatus::setProgressText);
    connect(m_writer, &WizardSettingsWriter::finished, this, [this](bool ok, const QString& error) {
        setBusy(false);
        if (!ok) {
            fail(error);
            return;
        }
        m_proceed = true;
        if (wizard())
            wizard()->next();
        m_proceed = false;
    });
}

QString DomainPage::suggestedHostname(const QString& domain)
{
    const QString name = normalizedName(domain);
    return name.isEmpty() ? QString() : QStringLiteral("mail.") + name;
}

QString DomainPage::normalizedName(const QString& name)
{
    QString text = name.trimmed().toLower();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

void DomainPage::onDomainEdited()
{
    // The suggestion follows the domain until the owner types a name of their own.
    if (!m_hostnameEdited)
        m_hostname->setText(suggestedHostname(m_domain->text()));
    updateHint();
    startChecksIfCurrent();
}

void DomainPage::onHostnameEdited()
{
    const QString text = normalizedName(m_hostname->text());
    m_hostnameEdited = !text.isEmpty() && text != suggestedHostname(m_domain->text());
    updateHint();
    startChecksIfCurrent();
}

QString DomainPage::problem() const
{
    const QString domain = normalizedName(m_domain->text());
    const QString hostname = normalizedName(m_hostname->text());
    if (!domain.isEmpty()) {
        const QString why = diag::HostnameCheck::fqdnProblem(domain);
        if (!why.isEmpty())
            return tr("The domain \"%1\" cannot be used: %2.").arg(domain, why);
    }
    if (!hostname.isEmpty()) {
        const QString why = diag::HostnameCheck::fqdnProblem(hostname);
        if (!why.isEmpty())
            return tr("The host name \"%1\" cannot be used: %2.").arg(hostname, why);
    }
    return {};
}

void DomainPage::updateHint()
{
    const QString text = problem();
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
    emit completeChanged();
}

void DomainPage::startChecksIfCurrent()
{
    if (!wizard() || wizard()->currentPage() != this)
        return;
    if (normalizedName(m_domain->text()).isEmpty() || !problem().isEmpty()) {
        m_checks->cancel();
        return;
    }
    m_checks->runSoon();
}

void DomainPage::initializePage()
{
    m_saveStatus->clearError();
    if (!m_prefilled && m_service.state() == app::ServiceManager::State::Running) {
        m_prefilled = true;
        // What the service already knows is the best first guess.
        m_service.client().call(
            QStringLiteral("domain.list"), QJsonObject{}, this, [this](const control::Reply& reply) {
                const QJsonArray domains = reply.result.toObject().value(QStringLiteral("domains")).toArray();
                if (reply.ok && !domains.isEmpty() && m_domain->text().isEmpty())
                    m_domain->setText(domains.first().toObject().value(QStringLiteral("unicode")).toString());
            });
        m_service.client().call(QStringLiteral("config.show"), QJsonObject{}, this,
                                [this](const control::Reply& reply) {
                                    const QString configured = reply.result.toObject()
                                                                   .value(QStringLiteral("values"))
                                                                   .toObject()
                                                                   .value(QStringLiteral("service.hostname"))
                                                                   .toString();
                                    if (reply.ok && !configured.isEmpty() && !m_hostnameEdited)
                                        m_hostname->setText(configured);
                                });
    }
    // Deferred: while a resumed wizard walks past this page, it is not the current one then.
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this && !normalizedName(m_domain->text()).isEmpty() &&
            problem().isEmpty())
            m_checks->run();
    });
}

void DomainPage::cleanupPage()
{
    // Going back keeps what the owner typed (QWizardPage would reset the fields).
    m_checks->cancel();
}

bool DomainPage::isComplete() const
{
    return !m_busy && QWizardPage::isComplete() && problem().isEmpty();
}

bool DomainPage::validatePage()
{
    if (m_proceed)
        return true;
    if (!m_busy)
        commit();
    return false;
}

void DomainPage::commit()
{
    const QString domain = normalizedName(m_domain->text());
    const QString hostname = normalizedName(m_hostname->text());
    m_domain->setText(domain);
    m_hostname->setText(hostname);
    m_saveStatus->clearError();
    if (m_service.state() != app::ServiceManager::State::Running) {
        fail(tr("The mail service is not running, so nothing can be saved. Start it, then press Next "
                "again."));
        return;
    }
    setBusy(true, tr("Adding %1 to the mail service…").arg(domain));
    m_service.client().call(
        QStringLiteral("domain.list"), QJsonObject{}, this,
        [this, domain, hostname](const control::Reply& reply) {
            if (!reply.ok) {
                setBusy(false);
                fail(tr("The mail service did not list its domains: %1").arg(reply.error.message));
                return;
            }
            const QJsonArray domains = reply.result.toObject().value(QStringLiteral("domains")).toArray();
            for (const QJsonValue& listed : domains) {
                if (sameDomain(listed.toObject(), domain)) {
                    m_writer->write({{QStringLiteral("service.hostname"), hostname}});
                    return;
                }
            }
            addDomainThenHostname(domain, hostname);
        });
}

void DomainPage::addDomainThenHostname(const QString& domain, const QString& hostname)
{
    m_service.client().call(
        QStringLiteral("domain.add"), QJsonObject{{QStringLiteral("domain"), domain}}, this,
        [this, domain, hostname](const control::Reply& reply) {
            if (!reply.ok && reply.error.code != control::ErrorCode::AlreadyExists) {
                setBusy(false);
                fail(tr("The mail service did not add the domain %1: %2").arg(domain, reply.error.message));
                return;
            }
            m_writer->write({{QStringLiteral("service.hostname"), hostname}});
        });
}

void DomainPage::setBusy(bool busy, const QString& text)
{
    m_busy = busy;
    m_domain->setEnabled(!busy);
    m_hostname->setEnabled(!busy);
    m_saveStatus->setBusy(busy, text);
    emit completeChanged();
}

void DomainPage::fail(const QString& error)
{
    m_saveStatus->showNotSaved(error);
}

} // namespace pw::ui
