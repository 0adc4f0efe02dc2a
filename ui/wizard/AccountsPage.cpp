#include "ui/wizard/AccountsPage.h"

#include "app/ServiceManager.h"
#include "ui/wizard/EnsureMailDomain.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizard>

namespace pw::ui {

namespace {

// Long enough to resist guessing over the network, short enough to be typed on a phone.
constexpr int kMinimumPasswordLength = 8;
constexpr qint64 kMegabyte = 1024 * 1024;

QStringList addressesOf(const QJsonArray& list, const QString& key)
{
    QStringList addresses;
    for (const QJsonValue& value : list)
        addresses.append(value.toObject().value(key).toString().toLower());
    return addresses;
}

} // namespace

AccountsPage::AccountsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_mailbox(new QLineEdit(this))
    , m_domainLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_passwordAgain(new QLineEdit(this))
    , m_quota(new QSpinBox(this))
    , m_postmaster(new QCheckBox(this))
    , m_abuse(new QCheckBox(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("accountsPage"));
    setTitle(tr("Create your mailbox"));
    setSubTitle(tr("This is the address you will read and send mail with. Other mail servers write to "
                   "postmaster@ and abuse@ when something is wrong, so that mail should reach you too."));

    m_mailbox->setObjectName(QStringLiteral("mailboxLineEdit"));
    m_mailbox->setPlaceholderText(tr("for example: anna"));
    m_domainLabel->setObjectName(QStringLiteral("mailboxDomainLabel"));
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordAgain->setObjectName(QStringLiteral("passwordAgainLineEdit"));
    m_passwordAgain->setEchoMode(QLineEdit::Password);
    m_quota->setObjectName(QStringLiteral("quotaSpinBox"));
    m_quota->setRange(0, 10 * 1024 * 1024);
    m_quota->setSingleStep(1024);
    m_quota->setSuffix(tr(" MB"));
    m_quota->setSpecialValueText(tr("No limit"));
    m_quota->setToolTip(tr("How much mail the mailbox may hold. Mail beyond it is refused."));
    m_postmaster->setObjectName(QStringLiteral("postmasterCheckBox"));
    m_postmaster->setText(tr("Send mail to p&ostmaster@ to this mailbox"));
    m_postmaster->setChecked(true);
    m_abuse->setObjectName(QStringLiteral("abuseCheckBox"));
    m_abuse->setText(tr("Send mail to ab&use@ to this mailbox"));
    m_abuse->setChecked(true);
    m_error->setObjectName(QStringLiteral("accountsErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    m_status->setObjectName(QStringLiteral("accountsStatusLabel"));
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("accountsProgressBar"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);

    auto* address = new QHBoxLayout;
    address->addWidget(m_mailbox, 1);
    address->addWidget(m_domainLabel);

    auto* form = new QFormLayout;
    auto* mailboxLabel = new QLabel(tr("&Mail address:"), this);
    mailboxLabel->setBuddy(m_mailbox);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    auto* againLabel = new QLabel(tr("Password a&gain:"), this);
    againLabel->setBuddy(m_passwordAgain);
    auto* quotaLabel = new QLabel(tr("Storage &limit:"), this);
    quotaLabel->setBuddy(m_quota);
    form->addRow(mailboxLabel, address);
    form->addRow(passwordLabel, m_password);
    form->addRow(againLabel, m_passwordAgain);
    form->addRow(quotaLabel, m_quota);
    form->addRow(QString(), m_postmaster);
    form->addRow(QString(), m_abuse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch();

    setTabOrder(m_mailbox, m_password);
    setTabOrder(m_password, m_passwordAgain);
    setTabOrder(m_passwordAgain, m_quota);
    setTabOrder(m_quota, m_postmaster);
    setTabOrder(m_postmaster, m_abuse);

    connect(m_mailbox, &QLineEdit::textChanged, this, [this] {
        showError(QString());
        emit completeChanged();
    });
    connect(m_password, &QLineEdit::textChanged, this, [this] { showError(QString()); });
    connect(m_passwordAgain, &QLineEdit::textChanged, this, [this] { showError(QString()); });
}

QString AccountsPage::domain() const
{
    return field(QStringLiteral("domain")).toString().trimmed().toLower();
}

QString AccountsPage::localPart() const
{
    QString local = m_mailbox->text().trimmed();
    // Someone who types the whole address means the same mailbox.
    const QString suffix = QLatin1Char('@') + domain();
    if (local.endsWith(suffix, Qt::CaseInsensitive))
        local.chop(suffix.size());
    return local;
}

QString AccountsPage::mailboxAddress() const
{
    const QString local = localPart();
    return local.isEmpty() ? QString() : local + QLatin1Char('@') + domain();
}

void AccountsPage::initializePage()
{
    m_domainLabel->setText(QLatin1Char('@') + domain());
    showError(QString());
    m_status->clear();
    m_existingMailboxes.clear();
    // Run again, the wizard offers the mailbox that is already there.
    m_service.client().call(
        QStringLiteral("mailbox.list"), QJsonObject{{QStringLiteral("domain"), domain()}}, this,
        [this](const control::Reply& reply) {
            if (!reply.ok)
                return; // a new domain: nothing there yet
            m_existingMailboxes =
                addressesOf(reply.result.toObject().value(QStringLiteral("mailboxes")).toArray(),
                            QStringLiteral("address"));
            if (m_mailbox->text().isEmpty() && !m_existingMailboxes.isEmpty()) {
                m_mailbox->setText(m_existingMailboxes.first().section(QLatin1Char('@'), 0, 0));
                m_status->setText(tr("%1 exists already; it is kept as it is, with its "
                                     "password.")
                                      .arg(m_existingMailboxes.first()));
            }
        });
}

bool AccountsPage::isComplete() const
{
    return !m_busy && !localPart().isEmpty();
}

bool AccountsPage::validatePage()
{
    if (isSetUp())
        return true;
    if (m_busy)
        return false;
    const QString local = localPart();
    if (local.contains(QLatin1Char('@')) || local.contains(QLatin1Char(' '))) {
        showError(tr("Type only the part before the @, without spaces, for example \"anna\"."));
        m_mailbox->setFocus();
        return false;
    }
    const bool exists = m_existingMailboxes.contains(mailboxAddress().toLower());
    if (!exists) {
        if (m_password->text().size() < kMinimumPasswordLength) {
            showError(tr("The password must have at least %1 characters.").arg(kMinimumPasswordLength));
            m_password->setFocus();
            return false;
        }
        if (m_password->text() != m_passwordAgain->text()) {
            showError(tr("The two passwords are not the same. Type the password again in both fields."));
            m_passwordAgain->setFocus();
            return false;
        }
    }
    startSetup();
    return false; // the wizard moves on once the service has done it all
}

void AccountsPage::startSetup()
{
    const quint64 generation = ++m_generation;
    m_routing.clear();
    showError(QString());
    setBusy(true);
    m_status->setText(tr("Setting up %1…").arg(mailboxAddress()));
    ensureMailDomain(m_service.client(), domain(), this, [this, generation](const QString& error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            fail(tr("The mail service could not set up %1: %2").arg(domain(), error));
            return;
        }
        m_service.client().call(
            QStringLiteral("mailbox.list"), QJsonObject{{QStringLiteral("domain"), domain()}}, this,
            [this, generation](const control::Reply& reply) {
                if (generation != m_generation)
                    return;
                if (!reply.ok) {
                    fail(tr("The mail service did not list the mailboxes: %1").arg(reply.error.message));
                    return;
                }
                m_existingMailboxes =
                    addressesOf(reply.result.toObject().value(QStringLiteral("mailboxes")).toArray(),
                                QStringLiteral("address"));
                if (m_existingMailboxes.contains(mailboxAddress().toLower())) {
                    m_routing.append(
                        tr("Mailbox %1 was there already and is kept as it is.").arg(mailboxAddress()));
                    setPostmaster(generation);
                } else {
                    addMailbox(generation);
                }
            });
    });
}

void AccountsPage::addMailbox(quint64 generation)
{
    QJsonObject params{{QStringLiteral("address"), mailboxAddress()},
                       {QStringLiteral("password"), m_password->text()}};
    if (m_quota->value() > 0)
        params.insert(QStringLiteral("quota_bytes"), m_quota->value() * kMegabyte);
    m_service.client().call(QStringLiteral("mailbox.add"), params, this,
                            [this, generation](const control::Reply& reply) {
                                if (generation != m_generation)
                                    return;
                                if (!reply.ok) {
                                    fail(tr("The mailbox could not be created: %1").arg(reply.error.message));
                                    return;
                                }
                                m_password->clear();
                                m_passwordAgain->clear();
                                m_routing.append(tr("Mailbox %1 created.").arg(mailboxAddress()));
                                setPostmaster(generation);
                            });
}

void AccountsPage::setPostmaster(quint64 generation)
{
    if (!m_postmaster->isChecked()) {
        routeAbuse(generation);
        return;
    }
    m_service.client().call(
        QStringLiteral("postmaster.set"),
        QJsonObject{{QStringLiteral("domain"), domain()}, {QStringLiteral("mailbox"), mailboxAddress()}},
        this, [this, generation](const control::Reply& reply) {
            if (generation != m_generation)
                return;
            if (!reply.ok) {
                fail(tr("postmaster@%1 could not be sent to the mailbox: %2")
                         .arg(domain(), reply.error.message));
                return;
            }
            m_routing.append(tr("postmaster@%1 → %2").arg(domain(), mailboxAddress()));
            routeAbuse(generation);
        });
}

void AccountsPage::routeAbuse(quint64 generation)
{
    if (!m_abuse->isChecked()) {
        finishSetup(generation);
        return;
    }
    const QString abuse = QStringLiteral("abuse@") + domain();
    m_service.client().call(
        QStringLiteral("alias.list"), QJsonObject{{QStringLiteral("domain"), domain()}}, this,
        [this, generation, abuse](const control::Reply& reply) {
            if (generation != m_generation)
                return;
            if (!reply.ok) {
                fail(tr("The mail service did not list the forwardings: %1").arg(reply.error.message));
                return;
            }
            for (const QJsonValue& value :
                 reply.result.toObject().value(QStringLiteral("aliases")).toArray()) {
                const QJsonObject alias = value.toObject();
                if (alias.value(QStringLiteral("address")).toString().toLower() != abuse)
                    continue;
                const QStringList targets = alias.value(QStringLiteral("targets")).toVariant().toStringList();
                m_routing.append(
                    tr("%1 → %2 (there already, kept)").arg(abuse, targets.join(QStringLiteral(", "))));
                finishSetup(generation);
                return;
            }
            if (m_existingMailboxes.contains(abuse)) {
                m_routing.append(tr("%1 is a mailbox of its own and is kept.").arg(abuse));
                finishSetup(generation);
                return;
            }
            m_service.client().call(
                QStringLiteral("alias.add"),
                QJsonObject{{QStringLiteral("address"), abuse},
                            {QStringLiteral("targets"), QJsonArray{mailboxAddress()}}},
                this, [this, generation, abuse](const control::Reply& added) {
                    if (generation != m_generation)
                        return;
                    if (!added.ok) {
                        fail(tr("%1 could not be sent to the mailbox: %2").arg(abuse, added.error.message));
                        return;
                    }
                    m_routing.append(tr("%1 → %2").arg(abuse, mailboxAddress()));
                    finishSetup(generation);
                });
        });
}

void AccountsPage::finishSetup(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_doneFor = mailboxAddress();
    setBusy(false);
    m_status->setText(m_routing.join(QLatin1Char('\n')));
    if (wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void AccountsPage::fail(const QString& text)
{
    setBusy(false);
    m_status->setText(m_routing.join(QLatin1Char('\n')));
    showError(text);
}

void AccountsPage::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QWidget* input : std::initializer_list<QWidget*>{m_mailbox, m_password, m_passwordAgain, m_quota,
                                                          m_postmaster, m_abuse})
        input->setEnabled(!busy);
    emit completeChanged();
}

void AccountsPage::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace pw::ui
