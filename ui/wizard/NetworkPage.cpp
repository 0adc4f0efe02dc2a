#include "ui/wizard/NetworkPage.h"

#include "app/ServiceManager.h"
#include "shared/diag/checks/HostIdentitySupport.h"
#include "ui/wizard/DomainPage.h"
#include "ui/wizard/WizardAddressDetector.h"
#include "ui/wizard/WizardCheckPanel.h"
#include "ui/wizard/WizardNoteBox.h"
#include "ui/wizard/WizardPageLayout.h"
#include "ui/wizard/WizardSaveStatus.h"
#include "ui/wizard/WizardSettingsWriter.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

namespace pw::ui {

NetworkPage::NetworkPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_addresses(new QLineEdit(this))
    , m_addressHint(new QLabel(this))
    , m_detected(new QLabel(this))
    , m_useDetected(new QPushButton(this))
    , m_ptrHint(nullptr)
    , m_ptrValue(new QLabel(this))
    , m_saveStatus(new WizardSaveStatus(QStringLiteral("network"), this))
    , m_checks(new WizardCheckPanel(service, {QStringLiteral("ip"), QStringLiteral("ptr")}, this))
    , m_writer(new WizardSettingsWriter(service, this))
    , m_detector(new WizardAddressDetector(this))
{
    setObjectName(QStringLiteral("networkPage"));
    setTitle(tr("The server's internet address"));
    setSubTitle(tr("Other mail servers reach yours at its public IP address, and judge it by that address."));

    auto* intro = new QLabel(
        tr("A mail server needs a <b>public IP address that never changes</b> (a static address). Large "
           "mail providers also look the address up backwards (<b>reverse DNS</b>, a PTR record) and "
           "expect to find the mail host name there."),
        this);
    intro->setWordWrap(true);

    m_addresses->setObjectName(QStringLiteral("publicAddressesLineEdit"));
    m_addresses->setPlaceholderText(tr("for example 203.0.113.7, 2001:db8::7"));
    m_addresses->setClearButtonEnabled(true);
    auto* addressesLabel = new QLabel(tr("Public add&resses:"), this);
    addressesLabel->setBuddy(m_addresses);
    m_addressHint->setObjectName(QStringLiteral("publicAddressesHintLabel"));
    m_addressHint->setWordWrap(true);
    m_addressHint->setVisible(false);
    m_detected->setObjectName(QStringLiteral("detectedAddressesLabel"));
    m_detected->setWordWrap(true);
    m_detected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_useDetected->setObjectName(QStringLiteral("useDetectedButton"));
    m_useDetected->setText(tr("&Use these"));
    m_useDetected->setToolTip(tr("Enter the detected addresses above."));
    m_useDetected->setEnabled(false);
    auto* detectedRow = new QHBoxLayout;
    detectedRow->addWidget(m_detected, 1);
    detectedRow->addWidget(m_useDetected, 0, Qt::AlignTop);
    auto* form = new QFormLayout;
    form->addRow(addressesLabel, m_addresses);
    form->addRow(QString(), m_addressHint);
    form->addRow(tr("Detected:"), detectedRow);

    auto* ptrBox = new WizardNoteBox(QStyle::SP_MessageBoxInformation, QStringLiteral("ptrHintLabel"), this);
    ptrBox->setText(tr(
        "<b>The reverse DNS (PTR) record is not set where you manage your domain's DNS records.</b> It "
        "belongs to the IP address, so only the company the address comes from can set it: the hosting "
        "provider where the server is rented (or your internet provider). Look in <i>their</i> control "
        "panel for \"Reverse DNS\", \"rDNS\" or \"PTR\", or ask their support, and ask for exactly this:"));
    m_ptrHint = ptrBox->label();
    m_ptrValue->setObjectName(QStringLiteral("ptrValueLabel"));
    m_ptrValue->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_ptrValue->setWordWrap(true);
    QFont valueFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    valueFont.setBold(true);
    m_ptrValue->setFont(valueFont);
    ptrBox->addWidget(m_ptrValue);

    QVBoxLayout* layout = scrollingPageLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(ptrBox);
    m_checks->setMinimumHeight(420);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_saveStatus);
    setTabOrder(m_addresses, m_useDetected);

    registerField(QStringLiteral("publicAddresses"), m_addresses);

    m_checks->setInputAdjuster([this](diag::DiagnosticsInput& input) {
        input.domain = DomainPage::normalizedName(field(QStringLiteral("domain")).toString());
        input.hostname = hostname();
        // What the owner typed counts, saved or not; empty lets the checks use the host name's.
        input.publicAddresses = parseAddresses(m_addresses->text());
    });
    connect(m_checks, &WizardCheckPanel::inputLoaded, this,
            [this](const diag::DiagnosticsInput& input, const QStringList& dnsServers) {
                m_detector->detect(input.hostname, dnsServers);
            });
    connect(m_detector, &WizardAddressDetector::detected, this, &NetworkPage::showDetected);
    connect(m_useDetected, &QPushButton::clicked, this,
            [this] { m_addresses->setText(WizardAddressDetector::joined(m_detectedAddresses, QString())); });
    connect(m_addresses, &QLineEdit::textChanged, this, &NetworkPage::onAddressesEdited);
    connect(m_writer, &WizardSettingsWriter::progress, m_saveStatus, &WizardSaveStatus::setProgressText);
    connect(m_writer, &WizardSettingsWriter::finished, this, [this](bool ok, const QString& error) {
        setBusy(false);
        if (!ok) {
            m_saveStatus->showNotSaved(error);
            return;
        }
        m_proceed = true;
        if (wizard())
            wizard()->next();
        m_proceed = false;
    });
    m_detected->setText(tr("Looking…"));
}

QList<QHostAddress> NetworkPage::parseAddresses(const QString& text, QStringList* invalid)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<QHostAddress> addresses;
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        const QHostAddress address(part);
        if (address.isNull()) {
            if (invalid)
                invalid->append(part);
            continue;
        }
        const QHostAddress plain = diag::identity::normalized(address);
        if (!addresses.contains(plain))
            addresses.append(plain);
    }
    return addresses;
}

QString NetworkPage::hostname() const
{
    return DomainPage::normalizedName(field(QStringLiteral("hostname")).toString());
}

void NetworkPage::onAddressesEdited()
{
    QStringList invalid;
    (void)parseAddresses(m_addresses->text(), &invalid);
    m_addressHint->setText(invalid.isEmpty()
                               ? QString()
                               : tr("Not an IP address: %1. Enter addresses like 203.0.113.7, separated "
                                    "by commas.")
                                     .arg(invalid.join(QStringLiteral(", "))));
    m_addressHint->setVisible(!invalid.isEmpty());
    updatePtrHint();
    emit completeChanged();
    startChecksIfCurrent();
}

void NetworkPage::showDetected(const QList<QHostAddress>& onThisMachine,
                               const QList<QHostAddress>& ofHostname)
{
    QList<QHostAddress> all = ofHostname;
    for (const QHostAddress& address : onThisMachine) {
        if (!all.contains(address))
            all.append(address);
    }
    m_detectedAddresses = all;
    const QString host = hostname();
    m_detected->setText(
        tr("%1 points to: %2. Public addresses on this computer: %3.")
            .arg(host.isEmpty() ? tr("The host name") : host,
                 WizardAddressDetector::joined(ofHostname, tr("nothing yet (no A or AAAA record)")),
                 WizardAddressDetector::joined(onThisMachine,
                                               tr("none (it is behind a router, or the addresses are "
                                                  "private)"))));
    const QString current = WizardAddressDetector::joined(parseAddresses(m_addresses->text()), QString());
    m_useDetected->setEnabled(!all.isEmpty() && WizardAddressDetector::joined(all, QString()) != current);
    updatePtrHint();
}

void NetworkPage::updatePtrHint()
{
    QList<QHostAddress> addresses = parseAddresses(m_addresses->text());
    if (addresses.isEmpty())
        addresses = m_detectedAddresses;
    const QString host = hostname().isEmpty() ? tr("your mail host name") : hostname();
    QStringList lines;
    for (const QHostAddress& address : addresses)
        lines.append(tr("PTR record of %1: %2").arg(diag::identity::addressText(address), host));
    if (lines.isEmpty())
        lines.append(tr("PTR record of the server's IP address: %1").arg(host));
    m_ptrValue->setText(lines.join(QLatin1Char('\n')));
}

void NetworkPage::startChecksIfCurrent()
{
    if (!wizard() || wizard()->currentPage() != this)
        return;
    if (!m_addressHint->isHidden()) {
        m_checks->cancel();
        return;
    }
    m_checks->runSoon();
}

void NetworkPage::initializePage()
{
    m_saveStatus->clearError();
    updatePtrHint();
    if (!m_prefilled && m_addresses->text().isEmpty() &&
        m_service.state() == app::ServiceManager::State::Running) {
        m_prefilled = true;
        m_service.client().call(
            QStringLiteral("config.show"), QJsonObject{}, this, [this](const control::Reply& reply) {
                const QString configured = reply.result.toObject()
                                               .value(QStringLiteral("values"))
                                               .toObject()
                                               .value(QStringLiteral("service.public_addresses"))
                                               .toString();
                if (reply.ok && m_addresses->text().isEmpty() && !configured.isEmpty())
                    m_addresses->setText(configured);
            });
    }
    // Deferred: while a resumed wizard walks past this page, it is not the current one then.
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            m_checks->run();
    });
}

void NetworkPage::cleanupPage()
{
    // Going back keeps what the owner typed (QWizardPage would reset the field).
    m_checks->cancel();
}

bool NetworkPage::isComplete() const
{
    QStringList invalid;
    (void)parseAddresses(m_addresses->text(), &invalid);
    return !m_busy && invalid.isEmpty();
}

bool NetworkPage::validatePage()
{
    if (m_proceed)
        return true;
    if (m_busy)
        return false;
    m_saveStatus->clearError();
    if (m_service.state() != app::ServiceManager::State::Running) {
        m_saveStatus->showNotSaved(
            tr("The mail service is not running, so nothing can be saved. Start it, then press Next again."));
        return false;
    }
    const QList<QHostAddress> addresses = parseAddresses(m_addresses->text());
    m_addresses->setText(WizardAddressDetector::joined(addresses, QString()));
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts.append(diag::identity::addressText(address));
    setBusy(true);
    m_writer->write({{QStringLiteral("service.public_addresses"), texts.join(QLatin1Char(','))}});
    return false;
}

void NetworkPage::setBusy(bool busy)
{
    m_busy = busy;
    m_addresses->setEnabled(!busy);
    m_saveStatus->setBusy(busy);
    emit completeChanged();
}

} // namespace pw::ui
