#include "ui/wizard/DnsRecordsPage.h"

#include "app/RecordVerifier.h"
#include "app/ServiceManager.h"
#include "ui/wizard/EnsureMailDomain.h"
#include "ui/wizard/RecordsTable.h"
#include "ui/wizard/WizardCheckPanel.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTime>
#include <QVBoxLayout>
#include <algorithm>

namespace pw::ui {

namespace {

// DNS providers publish within minutes; checking more often would only load their servers.
constexpr int kAutoVerifyMs = 60000;
constexpr int kCopiedNoticeMs = 4000;

} // namespace

DnsRecordsPage::DnsRecordsPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_verifier(new app::RecordVerifier(this))
    , m_table(new RecordsTable(this))
    , m_checks(new WizardCheckPanel(
          service,
          {QStringLiteral("mx"), QStringLiteral("spf"), QStringLiteral("dkim"), QStringLiteral("dmarc")},
          this))
    , m_message(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_copied(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_verifyButton(new QPushButton(tr("&Verify now"), this))
    , m_copyAllButton(new QPushButton(tr("&Copy all"), this))
    , m_exportButton(new QPushButton(tr("Export &zone file…"), this))
{
    setObjectName(QStringLiteral("dnsRecordsPage"));
    setTitle(tr("Publish your DNS records"));
    setSubTitle(
        tr("DNS is the internet's address book. These entries tell other mail servers where to deliver "
           "your mail, and prove that mail from your domain really comes from this server. Add them where "
           "you manage your domain (your registrar or DNS provider), then press Verify now."));

    m_message->setObjectName(QStringLiteral("recordsMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    auto* legend = new QLabel(tr("Records in bold are required: without them mail is lost or lands in spam. "
                                 "Records in italics are optional: they help mail programs find the server "
                                 "and make mail to you safer."),
                              this);
    legend->setWordWrap(true);
    m_table->setMinimumHeight(220);

    m_verifyButton->setObjectName(QStringLiteral("verifyNowButton"));
    m_verifyButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_verifyButton->setToolTip(tr("Look up every record in DNS now and compare it with what it should be."));
    m_copyAllButton->setObjectName(QStringLiteral("copyAllButton"));
    m_copyAllButton->setToolTip(tr("Copy all records, in zone-file form, to the clipboard."));
    m_exportButton->setObjectName(QStringLiteral("exportZoneButton"));
    m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_exportButton->setToolTip(tr("Save all records as a zone file that many DNS providers can import."));
    m_progress->setObjectName(QStringLiteral("verifyProgressBar"));
    m_progress->setVisible(false);
    m_progress->setFormat(tr("Looking up %v of %m records"));
    m_summary->setObjectName(QStringLiteral("verifySummaryLabel"));
    m_summary->setWordWrap(true);
    m_copied->setObjectName(QStringLiteral("copyFeedbackLabel"));

    // "Verify now" runs these checks too: one button, not two.
    if (auto* recheck = m_checks->findChild<QPushButton*>(QStringLiteral("recheckButton")))
        recheck->setVisible(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_verifyButton);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_copied);
    buttons->addStretch();
    buttons->addWidget(m_copyAllButton);
    buttons->addWidget(m_exportButton);

    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(buttons);
    tableLayout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tablePane);
    splitter->addWidget(m_checks);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(legend);
    layout->addWidget(splitter, 1);

    setTabOrder(m_table, m_verifyButton);
    setTabOrder(m_verifyButton, m_copyAllButton);
    setTabOrder(m_copyAllButton, m_exportButton);

    m_autoVerify.setInterval(kAutoVerifyMs);
    connect(&m_autoVerify, &QTimer::timeout, this, [this] {
        if (!isVerifying())
            verifyNow();
    });
    m_copiedTimer.setSingleShot(true);
    m_copiedTimer.setInterval(kCopiedNoticeMs);
    connect(&m_copiedTimer, &QTimer::timeout, m_copied, &QLabel::clear);

    connect(m_verifyButton, &QPushButton::clicked, this, &DnsRecordsPage::verifyNow);
    connect(m_copyAllButton, &QPushButton::clicked, this, &DnsRecordsPage::copyAll);
    connect(m_exportButton, &QPushButton::clicked, this, &DnsRecordsPage::chooseExportFile);
    connect(m_table, &RecordsTable::valueCopied, this, [this] {
        m_copied->setText(tr("Copied to the clipboard."));
        m_copiedTimer.start();
    });
    m_checks->setDomainSource([this] { return domain(); });
    connect(
        m_checks, &WizardCheckPanel::inputLoaded, this,
        [this](const diag::DiagnosticsInput&, const QStringList& dnsServers) { startVerifier(dnsServers); });
    connect(m_verifier, &app::RecordVerifier::started, this, [this](int total) {
        m_checked = 0;
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(0);
        m_progress->setVisible(true);
    });
    connect(m_verifier, &app::RecordVerifier::recordChecked, this, &DnsRecordsPage::onRecordChecked);
    connect(m_verifier, &app::RecordVerifier::finished, this, [this] {
        m_progress->setVisible(false);
        m_verified = true;
        updateSummary();
    });
    connect(m_verifier, &app::RecordVerifier::failed, this, [this](const QString& reason) {
        m_progress->setVisible(false);
        showMessage(reason);
    });
    updateSummary();
}

DnsRecordsPage::~DnsRecordsPage() = default;

QString DnsRecordsPage::domain() const
{
    return field(QStringLiteral("domain")).toString().trimmed();
}

void DnsRecordsPage::initializePage()
{
    // The records depend on the domain, host name and addresses of the steps before.
    loadRecords();
}

void DnsRecordsPage::cleanupPage()
{
    m_autoVerify.stop();
    m_verifier->cancel();
    m_checks->cancel();
    ++m_generation;
    m_loading = false;
}

void DnsRecordsPage::showEvent(QShowEvent* event)
{
    QWizardPage::showEvent(event);
    m_autoVerify.start();
}

void DnsRecordsPage::hideEvent(QHideEvent* event)
{
    m_autoVerify.stop();
    QWizardPage::hideEvent(event);
}

void DnsRecordsPage::loadRecords()
{
    const quint64 generation = ++m_generation;
    const QString name = domain();
    m_loading = true;
    m_verified = false;
    m_verifier->cancel();
    m_checks->cancel();
    m_zone.clear();
    m_table->setRecords({});
    showMessage(QString());
    m_summary->setText(tr("Asking the mail service for your records…"));
    m_progress->setRange(0, 0); // busy
    m_progress->setVisible(true);
    ensureMailDomain(m_service.client(), name, this, [this, generation, name](const QString& error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            m_loading = false;
            m_progress->setVisible(false);
            showMessage(tr("The mail service could not set up %1: %2").arg(name, error));
            updateSummary();
            return;
        }
        m_service.client().call(
            QStringLiteral("records"), QJsonObject{{QStringLiteral("domain"), name}}, this,
            [this, generation, name](const control::Reply& reply) {
                if (generation != m_generation)
                    return;
                m_loading = false;
                m_progress->setVisible(false);
                if (!reply.ok) {
                    showMessage(
                        tr("The mail service could not give the records: %1").arg(reply.error.message));
                    updateSummary();
                    return;
                }
                m_loadedDomain = name;
                showRecords(reply.result.toObject());
                verifyNow();
            });
    });
}

void DnsRecordsPage::showRecords(const QJsonObject& result)
{
    m_zone = result.value(QStringLiteral("zone")).toString();
    QList<RecordRow> rows;
    for (const QJsonValue& value : result.value(QStringLiteral("records")).toArray()) {
        const QJsonObject record = value.toObject();
        rows.append(RecordRow{app::ExpectedRecord{record.value(QStringLiteral("name")).toString(),
                                                  record.value(QStringLiteral("type")).toString(),
                                                  record.value(QStringLiteral("value")).toString(),
                                                  record.value(QStringLiteral("required")).toBool(true)},
                              record.value(QStringLiteral("purpose")).toString()});
    }
    m_table->setRecords(rows);
    // The service's reasons are about missing settings (no public address, say), which an
    // earlier step fixes; say so, and where.
    const QStringList errors = result.value(QStringLiteral("errors")).toVariant().toStringList();
    if (!errors.isEmpty())
        showMessage(tr("Some records cannot be given yet: %1. Go back to the earlier steps to fix this.")
                        .arg(errors.join(QStringLiteral("; "))));
    updateSummary();
}

void DnsRecordsPage::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void DnsRecordsPage::verifyNow()
{
    if (m_loading)
        return;
    if (m_table->records().isEmpty() || m_loadedDomain != domain()) {
        loadRecords();
        return;
    }
    if (m_service.state() != app::ServiceManager::State::Running) {
        showMessage(tr("The mail service is not running, so DNS cannot be checked with its settings yet."));
        return;
    }
    showMessage(QString());
    m_table->setChecking();
    m_summary->setText(tr("Looking up your records in DNS…"));
    // The check panel asks the service which DNS servers it uses, then both run.
    m_checks->run();
}

void DnsRecordsPage::startVerifier(const QStringList& dnsServers)
{
    QList<app::ExpectedRecord> records;
    for (const RecordRow& row : m_table->records())
        records.append(row.record);
    m_verifier->verify(records, dnsServers);
}

bool DnsRecordsPage::isVerifying() const
{
    return m_loading || m_verifier->isRunning() || m_checks->isRunning();
}

void DnsRecordsPage::onRecordChecked(int index, const app::RecordCheck& check)
{
    m_table->setCheck(index, check);
    m_progress->setValue(++m_checked);
}

bool DnsRecordsPage::requiredRecordsFound() const
{
    const QList<RecordRow> rows = m_table->records();
    if (rows.isEmpty() || !m_verified)
        return false;
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row).record.required && !m_table->isFound(row))
            return false;
    }
    return true;
}

void DnsRecordsPage::updateSummary()
{
    const QList<RecordRow> rows = m_table->records();
    if (rows.isEmpty()) {
        m_summary->setText(m_loading ? tr("Asking the mail service for your records…") : QString());
        return;
    }
    if (!m_verified) {
        m_summary->setText(tr("Not checked in DNS yet."));
        return;
    }
    int required = 0;
    int requiredFound = 0;
    int optional = 0;
    int optionalFound = 0;
    for (int row = 0; row < rows.size(); ++row) {
        const bool found = m_table->isFound(row);
        if (rows.at(row).record.required) {
            ++required;
            requiredFound += found ? 1 : 0;
        } else {
            ++optional;
            optionalFound += found ? 1 : 0;
        }
    }
    const QString when = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    if (requiredFound == required)
        m_summary->setText(tr("All %1 required records are in DNS (checked at %2). %3 of %4 optional records "
                              "are published.")
                               .arg(required)
                               .arg(when)
                               .arg(optionalFound)
                               .arg(optional));
    else
        m_summary->setText(tr("%1 of %2 required records are not in DNS yet (checked at %3). Publish them at "
                              "your DNS provider; changes can take from minutes to hours to show. This page "
                              "checks again every minute.")
                               .arg(required - requiredFound)
                               .arg(required)
                               .arg(when));
}

QList<SummaryRecord> DnsRecordsPage::summaryRecords() const
{
    QList<SummaryRecord> records;
    const QList<RecordRow> rows = m_table->records();
    for (int row = 0; row < rows.size(); ++row) {
        const app::ExpectedRecord& record = rows.at(row).record;
        records.append(SummaryRecord{record.name, record.type, record.value, record.required,
                                     m_table->isFound(row), m_table->statusText(row)});
    }
    return records;
}

void DnsRecordsPage::copyAll()
{
    if (m_zone.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_zone);
    m_copied->setText(tr("All records copied to the clipboard."));
    m_copiedTimer.start();
}

void DnsRecordsPage::chooseExportFile()
{
    const QString suggested = QDir::home().filePath(
        (m_loadedDomain.isEmpty() ? QStringLiteral("records") : m_loadedDomain) + QStringLiteral(".zone"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export zone file"), suggested,
                                                      tr("Zone files (*.zone *.txt);;All files (*)"));
    if (!path.isEmpty())
        exportZone(path);
}

bool DnsRecordsPage::exportZone(const QString& path)
{
    if (m_zone.isEmpty()) {
        showMessage(tr("There are no records to export yet."));
        return false;
    }
    QSaveFile file(path);
    const QString header = tr("; DNS records for %1, made by Postwarden on %2.\n; Import them at your DNS "
                              "provider, or paste them "
                              "into your zone.\n")
                               .arg(m_loadedDomain, QDateTime::currentDateTime().toString(Qt::ISODate));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write((header + m_zone).toUtf8()) < 0 ||
        !file.commit()) {
        showMessage(tr("The zone file could not be saved: %1").arg(file.errorString()));
        return false;
    }
    m_copied->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    m_copiedTimer.start();
    return true;
}

} // namespace pw::ui
