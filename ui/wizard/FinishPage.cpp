#include "ui/wizard/FinishPage.h"

#include "app/ServiceManager.h"
#include "ui/wizard/AccountsPage.h"
#include "ui/wizard/DnsRecordsPage.h"
#include "ui/wizard/SetupWizard.h"
#include "ui/wizard/TestPage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QStyle>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextOption>
#include <QVBoxLayout>
#include <QWizard>

namespace pw::ui {

namespace {

template<typename Page> Page* wizardPage(const QWizard* wizard, int id)
{
    return wizard ? qobject_cast<Page*>(wizard->page(id)) : nullptr;
}

// The addresses field may hold a list or the text the owner typed.
QStringList addressList(const QVariant& value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList();
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return value.toString().split(separators, Qt::SkipEmptyParts);
}

} // namespace

FinishPage::FinishPage(app::ServiceManager& service, QWidget* parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_preview(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_message(new QLabel(this))
    , m_printButton(new QPushButton(tr("&Print summary…"), this))
    , m_saveButton(new QPushButton(tr("&Save summary as PDF or HTML…"), this))
{
    setObjectName(QStringLiteral("finishPage"));
    setTitle(tr("Your mail server is ready"));
    setSubTitle(
        tr("Give these settings to everyone who has a mailbox here. Mail programs such as Thunderbird, "
           "Outlook or the mail app of a phone ask for exactly these."));

    m_table->setObjectName(QStringLiteral("clientSettingsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("What"), tr("Server"), tr("Port"), tr("Security"), tr("User name")});
    m_table->setAccessibleName(tr("Settings for mail programs"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setObjectName(QStringLiteral("summaryPreview"));
    m_preview->setAccessibleName(tr("Summary of the setup"));
    m_preview->setOpenLinks(false);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);

    auto* password =
        new QLabel(tr("Password: the one chosen for the mailbox. Authentication method: normal "
                      "password. Mail programs that find the settings by themselves need the optional "
                      "records of step 5."),
                   this);
    password->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("finishStatusLabel"));
    m_status->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("summaryMessageLabel"));
    m_message->setWordWrap(true);
    m_printButton->setObjectName(QStringLiteral("printButton"));
    m_printButton->setIcon(QIcon::fromTheme(QStringLiteral("document-print")));
    m_printButton->setToolTip(
        tr("Print a summary of the setup: domain, records, mailbox and these settings."));
    m_saveButton->setObjectName(QStringLiteral("saveSummaryButton"));
    m_saveButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveButton->setToolTip(tr("Save the same summary as a PDF or an HTML file."));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_printButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    auto* previewLabel = new QLabel(tr("Summary of the setup, as it prints:"), this);
    previewLabel->setBuddy(m_preview);

    layout->addWidget(m_status);
    layout->addWidget(m_table);
    layout->addWidget(password);
    layout->addWidget(previewLabel);
    layout->addWidget(m_preview, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_printButton, &QPushButton::clicked, this, &FinishPage::choosePrinter);
    connect(m_saveButton, &QPushButton::clicked, this, &FinishPage::chooseSummaryFile);
}

void FinishPage::initializePage()
{
    showMessage(QString());
    showStatusLine();
    showSettings(m_service.lastStatus());
    updatePreview();
    m_service.client().call(
        QStringLiteral("status"), QJsonObject{}, this, [this](const control::Reply& reply) {
            if (reply.ok)
                showSettings(reply.result.toObject());
            else
                showMessage(tr("The mail service did not answer, so its ports are not known: %1")
                                .arg(reply.error.message));
        });
}

QString FinishPage::hostname() const
{
    const QString running = m_lastStatus.value(QStringLiteral("hostname")).toString();
    return running.isEmpty() ? field(QStringLiteral("hostname")).toString().trimmed() : running;
}

QString FinishPage::mailbox() const
{
    const auto* accounts = wizardPage<AccountsPage>(wizard(), SetupWizard::AccountsStep);
    return accounts ? accounts->mailboxAddress() : QString();
}

void FinishPage::showStatusLine()
{
    const auto* dns = wizardPage<DnsRecordsPage>(wizard(), SetupWizard::DnsStep);
    if (dns && dns->requiredRecordsFound())
        m_status->setText(tr("All required DNS records are in place."));
    else if (dns && dns->hasVerified())
        m_status->setText(
            tr("Some required DNS records were not in DNS at the last check. Mail to you may not "
               "arrive until they are: go back to step 5 and press Verify now once they are "
               "published."));
    else
        m_status->setText(tr("The DNS records have not been checked yet: go back to step 5 to check them."));
}

void FinishPage::showSettings(const QJsonObject& status)
{
    if (status.isEmpty())
        return;
    m_lastStatus = status;
    const QString user = mailbox().isEmpty() ? tr("the whole mail address") : mailbox();
    m_settings = clientSettingsFromStatus(status, hostname(), user);
    m_table->setRowCount(static_cast<int>(m_settings.size()));
    for (int row = 0; row < m_settings.size(); ++row) {
        const ClientSetting& setting = m_settings.at(row);
        const QStringList cells{setting.service, setting.host, QString::number(setting.port),
                                setting.security, setting.userName};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_table->setItem(row, column, item);
        }
    }
    if (m_settings.isEmpty())
        showMessage(
            tr("The mail service has no port for mail programs switched on; turn on IMAP and submission "
               "in step 4."));
}

void FinishPage::updatePreview()
{
    const int scroll = m_preview->verticalScrollBar()->value();
    m_preview->setHtml(summaryHtml());
    m_preview->verticalScrollBar()->setValue(scroll);
}

SetupSummary FinishPage::summary() const
{
    SetupSummary s;
    s.domain = field(QStringLiteral("domain")).toString().trimmed();
    s.hostname = hostname();
    s.publicAddresses = addressList(field(QStringLiteral("publicAddresses")));
    if (const auto* dns = wizardPage<DnsRecordsPage>(wizard(), SetupWizard::DnsStep)) {
        s.records = dns->summaryRecords();
        s.recordsChecked = dns->hasVerified();
    }
    if (const auto* accounts = wizardPage<AccountsPage>(wizard(), SetupWizard::AccountsStep)) {
        s.mailbox = accounts->mailboxAddress();
        s.routing = accounts->routingSummary();
    }
    s.clientSettings = m_settings;
    if (const auto* test = wizardPage<TestPage>(wizard(), SetupWizard::TestStep))
        s.checkVerdict = test->verdictText();
    s.created = QDateTime::currentDateTime();
    return s;
}

QString FinishPage::summaryHtml() const
{
    return setupSummaryHtml(summary());
}

void FinishPage::printSummary(QPrinter& printer) const
{
    QTextDocument document;
    // DKIM keys are one long word: let them break anywhere rather than run off the page.
    QTextOption option = document.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document.setDefaultTextOption(option);
    document.setHtml(summaryHtml());
    document.print(&printer);
}

bool FinishPage::saveSummary(const QString& path)
{
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        printer.setDocName(tr("Mail server summary"));
        printSummary(printer);
        if (!QFileInfo(path).exists()) {
            showMessage(tr("The summary could not be saved as %1.").arg(QDir::toNativeSeparators(path)));
            return false;
        }
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(summaryHtml().toUtf8()) < 0 || !file.commit()) {
            showMessage(tr("The summary could not be saved: %1").arg(file.errorString()));
            return false;
        }
    }
    showMessage(tr("Summary saved as %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void FinishPage::choosePrinter()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print summary"));
    if (dialog.exec() == QDialog::Accepted)
        printSummary(printer);
}

void FinishPage::chooseSummaryFile()
{
    const QString domain = field(QStringLiteral("domain")).toString().trimmed();
    const QString suggested = QDir::home().filePath(
        (domain.isEmpty() ? QStringLiteral("mail-server") : domain) + QStringLiteral(".pdf"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save summary"), suggested,
                                                      tr("PDF (*.pdf);;Web page (*.html *.htm)"));
    if (!path.isEmpty())
        saveSummary(path);
}

void FinishPage::showMessage(const QString& text)
{
    m_message->setText(text);
}

} // namespace pw::ui
