#include "ui/wizard/PortsPage.h"

#include "app/ServiceManager.h"
#include "ui/wizard/DomainPage.h"
#include "ui/wizard/NetworkPage.h"
#include "ui/wizard/WizardCheckPanel.h"
#include "ui/wizard/WizardNoteBox.h"
#include "ui/wizard/WizardPageLayout.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>
#include <algorithm>

namespace pw::ui {

namespace {

QString roleText(const QString& role)
{
    if (role == QLatin1String("smtp"))
        return PortsPage::tr("Incoming mail from other servers (SMTP)");
    if (role == QLatin1String("submission"))
        return PortsPage::tr("Sending from your mail programs (submission)");
    if (role == QLatin1String("submissions"))
        return PortsPage::tr("Sending from your mail programs, encrypted from the start (submissions)");
    if (role == QLatin1String("imap"))
        return PortsPage::tr("Reading mail in your mail programs (IMAP)");
    if (role == QLatin1String("imaps"))
        return PortsPage::tr("Reading mail, encrypted from the start (IMAPS)");
    return role;
}

QString natText()
{
    return PortsPage::tr(
        "From inside, a check cannot always tell whether the internet reaches these ports: behind a router "
        "(NAT) a computer often cannot reach its own public address, and your provider's firewall is not "
        "seen from here. To be sure, run this on <b>another computer outside this network</b> (a laptop on "
        "a phone's hotspot will do) with Postwarden installed; every port should say \"open\":");
}

} // namespace

PortsPage::PortsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_listeners(new QTableWidget(0, 3, this))
    , m_natNote(new WizardNoteBox(QStyle::SP_MessageBoxQuestion, QStringLiteral("natHintLabel"), this))
    , m_probeCommand(new QLabel(this))
    , m_copyProbe(new QPushButton(this))
    , m_relayNote(new WizardNoteBox(QStyle::SP_MessageBoxWarning, QStringLiteral("relayHintLabel"), this))
    , m_checks(new WizardCheckPanel(service, {QStringLiteral("port"), QStringLiteral("tls")}, this))
    , m_publicPorts{25, 465, 587, 993}
{
    setObjectName(QStringLiteral("portsPage"));
    setTitle(tr("Ports: can mail get in and out?"));
    setSubTitle(
        tr("Mail travels through numbered doors called ports. They must be open in both directions."));

    auto* intro = new QLabel(
        tr("Other mail servers deliver to port 25. Your mail programs send through port 587 or 465 and read "
           "mail through port 993. Your server itself sends to port 25 of other servers, which some "
           "providers block."),
        this);
    intro->setWordWrap(true);

    auto* listenersLabel = new QLabel(tr("What the mail service &listens on:"), this);
    listenersLabel->setBuddy(m_listeners);
    m_listeners->setObjectName(QStringLiteral("listenersTable"));
    m_listeners->setHorizontalHeaderLabels({tr("Purpose"), tr("Address"), tr("State")});
    m_listeners->verticalHeader()->setVisible(false);
    m_listeners->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_listeners->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_listeners->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_listeners->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listeners->setWordWrap(false);
    m_listeners->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_listeners->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_natNote->setObjectName(QStringLiteral("natNote"));
    m_natNote->setText(natText());
    m_probeCommand->setObjectName(QStringLiteral("probeCommandLabel"));
    m_probeCommand->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_probeCommand->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyProbe->setObjectName(QStringLiteral("copyProbeCommandButton"));
    m_copyProbe->setText(tr("&Copy command"));
    m_copyProbe->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy"),
                                          style()->standardIcon(QStyle::SP_FileDialogDetailedView)));
    auto* commandRow = new QWidget(this);
    auto* commandLayout = new QHBoxLayout(commandRow);
    commandLayout->setContentsMargins(0, 0, 0, 0);
    commandLayout->addWidget(m_probeCommand, 1);
    commandLayout->addWidget(m_copyProbe);
    m_natNote->addWidget(commandRow);
    connect(m_copyProbe, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_probeCommand->text()); });

    m_relayNote->setObjectName(QStringLiteral("relayNote"));
    m_relayNote->setText(
        tr("<b>Outgoing port 25 is blocked: your server cannot hand mail to other servers directly.</b> "
           "Receiving is not affected. Ask your provider to unblock it for this server, or send through a "
           "<b>relay</b> (also called a <b>smart host</b>): another mail server, your provider's or a "
           "sending service's, that your server logs in to (usually on port 587) and that delivers the mail "
           "for it. You need its host name, port, user name and password."));
    m_relayNote->setVisible(false);

    QVBoxLayout* layout = scrollingPageLayout(this);
    layout->addWidget(intro);
    layout->addWidget(listenersLabel);
    layout->addWidget(m_listeners);
    m_checks->setMinimumHeight(420);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_relayNote);
    layout->addWidget(m_natNote);

    m_checks->setInputAdjuster([this](diag::DiagnosticsInput& input) {
        input.domain = DomainPage::normalizedName(field(QStringLiteral("domain")).toString());
        input.hostname = DomainPage::normalizedName(field(QStringLiteral("hostname")).toString());
        const QList<QHostAddress> addresses =
            NetworkPage::parseAddresses(field(QStringLiteral("publicAddresses")).toString());
        if (!addresses.isEmpty())
            input.publicAddresses = addresses;
        m_publicPorts = input.publicPorts;
        updateProbeCommand();
    });
    connect(m_checks, &WizardCheckPanel::finished, this, &PortsPage::showResults);
    connect(&m_service, &app::ServiceManager::statusUpdated, this, &PortsPage::showListeners);
}

QString PortsPage::probeCommand() const
{
    QString host = DomainPage::normalizedName(field(QStringLiteral("hostname")).toString());
    if (host.isEmpty())
        host = tr("mail.example.com");
    QStringList ports;
    for (quint16 port : m_publicPorts)
        ports.append(QString::number(port));
    return QStringLiteral("postwardenctl probe %1 --ports %2").arg(host, ports.join(QLatin1Char(',')));
}

void PortsPage::updateProbeCommand()
{
    m_probeCommand->setText(probeCommand());
}

void PortsPage::showListeners(const QJsonObject& status)
{
    QList<QJsonObject> rows;
    for (const QJsonValue& value : status.value(QStringLiteral("listeners")).toArray()) {
        const QJsonObject listener = value.toObject();
        // The control socket is for this app, not a door to the internet.
        if (listener.value(QStringLiteral("role")).toString() != QLatin1String("control"))
            rows.append(listener);
    }
    m_listeners->setRowCount(std::max<int>(static_cast<int>(rows.size()), 1));
    if (rows.isEmpty()) {
        auto* none = new QTableWidgetItem(tr("Nothing: every mail listener is switched off."));
        m_listeners->setItem(0, 0, none);
        m_listeners->setItem(0, 1, new QTableWidgetItem);
        m_listeners->setItem(0, 2, new QTableWidgetItem);
        fitListenersHeight();
        return;
    }
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject& listener = rows.at(row);
        const QString role = listener.value(QStringLiteral("role")).toString();
        auto* purpose = new QTableWidgetItem(roleText(role));
        purpose->setData(Qt::UserRole, role);
        m_listeners->setItem(row, 0, purpose);
        m_listeners->setItem(row, 1,
                             new QTableWidgetItem(listener.value(QStringLiteral("address")).toString()));
        const QString state = listener.value(QStringLiteral("state")).toString();
        auto* stateItem = new QTableWidgetItem(state == QLatin1String("listening") ? tr("listening") : state);
        m_listeners->setItem(row, 2, stateItem);
    }
    fitListenersHeight();
}

void PortsPage::fitListenersHeight()
{
    // As tall as its rows: a handful of listeners needs no scroll bar of its own.
    m_listeners->setFixedHeight(m_listeners->horizontalHeader()->sizeHint().height() +
                                m_listeners->verticalHeader()->length() + 2 * m_listeners->frameWidth());
}

void PortsPage::showResults(const diag::CheckResults& results)
{
    bool cannotTell = false;
    bool outboundBlocked = false;
    for (const diag::CheckResult& result : results) {
        if (result.id.startsWith(QLatin1String("port.public")) && result.status == diag::CheckStatus::Unknown)
            cannotTell = true;
        if (result.id == QLatin1String("port.outbound25") && result.status == diag::CheckStatus::Fail)
            outboundBlocked = true;
    }
    m_natNote->setText(cannotTell ? tr("<b>Cannot tell from inside.</b>") + QLatin1Char(' ') + natText()
                                  : natText());
    m_relayNote->setVisible(outboundBlocked);
}

void PortsPage::initializePage()
{
    showListeners(m_service.lastStatus());
    updateProbeCommand();
    m_relayNote->setVisible(false);
    // Deferred: while a resumed wizard walks past this page, it is not the current one then.
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            m_checks->run();
    });
}

void PortsPage::cleanupPage()
{
    m_checks->cancel();
}

} // namespace pw::ui
