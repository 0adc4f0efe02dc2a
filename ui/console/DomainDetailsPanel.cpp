#include "ui/console/DomainDetailsPanel.h"

#include "ui/console/ActionStatus.h"
#include "ui/console/CatchallEditor.h"

#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pw::ui {

DomainDetailsPanel::DomainDetailsPanel(ActionStatus& status, QWidget* parent)
    : QWidget(parent)
    , m_status(status)
    , m_title(new QLabel(this))
    , m_postmasterCombo(new QComboBox(this))
    , m_postmasterSet(new QPushButton(tr("Se&t Postmaster"), this))
    , m_catchall(new CatchallEditor(status, this))
    , m_recordsBox(new QGroupBox(tr("DNS records this domain needs"), this))
    , m_records(new QTableWidget(0, 3, m_recordsBox))
    , m_recordsNote(new QLabel(m_recordsBox))
    , m_copyZone(new QPushButton(tr("Cop&y as Zone File"), m_recordsBox))
{
    setObjectName(QStringLiteral("domainDetailsPanel"));
    m_title->setObjectName(QStringLiteral("domainTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_postmasterCombo->setObjectName(QStringLiteral("postmasterComboBox"));
    m_postmasterCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_postmasterSet->setObjectName(QStringLiteral("postmasterSetButton"));
    setFocusProxy(m_postmasterCombo);
    auto* postmasterLabel = new QLabel(tr("Post&master and abuse:"), this);
    postmasterLabel->setBuddy(m_postmasterCombo);
    auto* postmasterRow = new QHBoxLayout;
    postmasterRow->addWidget(m_postmasterCombo, 1);
    postmasterRow->addWidget(m_postmasterSet);

    auto* form = new QFormLayout;
    form->addRow(postmasterLabel, postmasterRow);
    form->addRow(m_catchall);

    m_records->setObjectName(QStringLiteral("recordsTableWidget"));
    // Type first and the value stretched: the value is what gets copied; the purpose is each
    // row's tooltip, as the panel is narrow.
    m_records->setHorizontalHeaderLabels({tr("Type"), tr("Name"), tr("Value")});
    m_records->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_records->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_records->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_records->verticalHeader()->hide();
    m_records->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_records->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_records->setWordWrap(false);
    m_records->setTextElideMode(Qt::ElideMiddle);
    m_records->setAccessibleName(tr("DNS records"));
    m_recordsNote->setObjectName(QStringLiteral("recordsNoteLabel"));
    m_recordsNote->setWordWrap(true);
    m_recordsNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyZone->setObjectName(QStringLiteral("copyZoneButton"));
    m_copyZone->setToolTip(tr("Copy every record in the zone file format most DNS providers import"));
    auto* recordsLayout = new QVBoxLayout(m_recordsBox);
    recordsLayout->addWidget(m_records, 1);
    recordsLayout->addWidget(m_recordsNote);
    recordsLayout->addWidget(m_copyZone, 0, Qt::AlignRight);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_recordsBox, 1);

    connect(m_postmasterSet, &QPushButton::clicked, this, &DomainDetailsPanel::applyPostmaster);
    connect(m_postmasterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_postmasterSet->setEnabled(!m_domain.isEmpty() &&
                                    m_postmasterCombo->currentData().toString() != m_postmaster);
    });
    connect(m_catchall, &CatchallEditor::changed, this, &DomainDetailsPanel::changed);
    connect(m_copyZone, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_zone);
        m_status.showInfo(tr("The records of %1 are on the clipboard.").arg(m_domain));
    });
    setDomain({}, {}, {});
}

void DomainDetailsPanel::setDomain(const QString& name, const QString& postmaster, const QString& catchall)
{
    const bool other = name != m_domain;
    m_domain = name;
    m_postmaster = postmaster;
    m_catchall->setDomain(name, catchall);
    setEnabled(!name.isEmpty());
    if (name.isEmpty()) {
        m_title->setText(tr("Select a domain to see its settings and DNS records."));
        m_postmasterCombo->clear();
        m_records->setRowCount(0);
        m_recordsNote->clear();
        m_zone.clear();
        m_copyZone->setEnabled(false);
        return;
    }
    m_title->setText(name);
    if (other)
        reload();
    else
        selectPostmaster();
}

void DomainDetailsPanel::reload()
{
    if (m_domain.isEmpty())
        return;
    const QString domain = m_domain;
    m_status.call(QStringLiteral("mailbox.list"), {{QStringLiteral("domain"), domain}},
                  tr("Could not list the mailboxes: %1"), [this, domain](const QJsonObject& result) {
                      if (domain == m_domain)
                          showMailboxes(result);
                  });
    m_status.call(QStringLiteral("records"), {{QStringLiteral("domain"), domain}},
                  tr("Could not make the DNS records: %1"), [this, domain](const QJsonObject& result) {
                      if (domain == m_domain)
                          showRecords(result);
                  });
}

void DomainDetailsPanel::showMailboxes(const QJsonObject& result)
{
    const QSignalBlocker blocker(m_postmasterCombo);
    m_postmasterCombo->clear();
    m_postmasterCombo->addItem(tr("The domain's first mailbox"), QString());
    for (const QJsonValue& box : result.value(QStringLiteral("mailboxes")).toArray()) {
        const QString address = box.toObject().value(QStringLiteral("address")).toString();
        m_postmasterCombo->addItem(address, address);
    }
    selectPostmaster();
}

void DomainDetailsPanel::selectPostmaster()
{
    const QSignalBlocker blocker(m_postmasterCombo);
    int index = m_postmasterCombo->findData(m_postmaster);
    if (index < 0 && !m_postmaster.isEmpty()) {
        // Not a mailbox of this domain (the service allows any local mailbox): show it all the same.
        m_postmasterCombo->addItem(m_postmaster, m_postmaster);
        index = m_postmasterCombo->count() - 1;
    }
    m_postmasterCombo->setCurrentIndex(std::max(index, 0));
    m_postmasterSet->setEnabled(false);
}

void DomainDetailsPanel::showRecords(const QJsonObject& result)
{
    const QJsonArray records = result.value(QStringLiteral("records")).toArray();
    m_records->setRowCount(static_cast<int>(records.size()));
    for (int row = 0; row < records.size(); ++row) {
        const QJsonObject record = records.at(row).toObject();
        const QString purpose = record.value(QStringLiteral("purpose")).toString();
        const QString value = record.value(QStringLiteral("value")).toString();
        const QStringList cells{record.value(QStringLiteral("type")).toString(),
                                record.value(QStringLiteral("name")).toString(), value};
        const QString tip =
            (record.value(QStringLiteral("required")).toBool() ? purpose
                                                               : tr("%1 (recommended)").arg(purpose)) +
            QStringLiteral("\n\n") + value;
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(tip);
            m_records->setItem(row, column, item);
        }
    }
    m_records->resizeColumnToContents(1);
    m_records->setColumnWidth(1, std::min(m_records->columnWidth(1), 200));

    QStringList notes;
    for (const QJsonValue& error : result.value(QStringLiteral("errors")).toArray())
        notes.append(tr("Missing: %1").arg(error.toString()));
    for (const QJsonValue& warning : result.value(QStringLiteral("warnings")).toArray())
        notes.append(tr("Note: %1").arg(warning.toString()));
    m_recordsNote->setText(notes.join(QLatin1Char('\n')));
    m_recordsNote->setVisible(!notes.isEmpty());
    m_zone = result.value(QStringLiteral("zone")).toString();
    m_copyZone->setEnabled(!m_zone.isEmpty());
}

void DomainDetailsPanel::applyPostmaster()
{
    if (m_domain.isEmpty())
        return;
    const QString domain = m_domain;
    const QString mailbox = m_postmasterCombo->currentData().toString();
    QJsonObject params{{QStringLiteral("domain"), domain}};
    if (!mailbox.isEmpty())
        params.insert(QStringLiteral("mailbox"), mailbox);
    m_status.call(
        QStringLiteral("postmaster.set"), params, tr("Could not set the postmaster: %1"),
        [this](const QJsonObject&) { emit changed(); },
        mailbox.isEmpty() ? tr("postmaster@%1 and abuse@%1 go to the domain's first mailbox.").arg(domain)
                          : tr("postmaster@%1 and abuse@%1 go to %2.").arg(domain, mailbox));
}

} // namespace pw::ui
