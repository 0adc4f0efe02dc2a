#include "ui/wizard/RecordsTable.h"

#include "ui/CheckResultsView.h"

#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QStyle>
#include <QToolButton>

namespace pw::ui {

namespace {

// Mid-tone green and red: readable on light and on dark backgrounds, and never the only sign
// (an icon and a word go with them).
const QColor kGood(0x2e, 0x9d, 0x48);
const QColor kBad(0xd9, 0x3f, 0x3f);

QTableWidgetItem* readOnlyItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

RecordsTable::RecordsTable(QWidget* parent)
    : QTableWidget(parent)
{
    setObjectName(QStringLiteral("recordsTable"));
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels(
        {tr("Name"), tr("Type"), tr("Value"), tr("Purpose"), tr("Status"), tr("Found in DNS"), QString()});
    setAccessibleName(tr("DNS records to publish"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(true);
    setTextElideMode(Qt::ElideMiddle);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    QHeaderView* header = horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CopyColumn, QHeaderView::ResizeToContents);
    // The value is what the owner copies and compares: it gets the room the others leave.
    header->setMinimumSectionSize(40);
    setColumnWidth(NameColumn, 160);
    setColumnWidth(PurposeColumn, 170);
    setColumnWidth(FoundColumn, 150);
}

void RecordsTable::setRecords(const QList<RecordRow>& rows)
{
    m_rows = rows;
    m_checks = QList<std::optional<app::RecordCheck>>(rows.size());
    m_checking = QList<bool>(rows.size(), false);
    clearContents();
    setRowCount(static_cast<int>(rows.size()));
    const QIcon copyIcon = QIcon::fromTheme(QStringLiteral("edit-copy"),
                                            style()->standardIcon(QStyle::SP_FileDialogContentsView));
    for (int row = 0; row < rows.size(); ++row) {
        const app::ExpectedRecord& record = rows.at(row).record;
        const QString need = record.required ? tr("Required.") : tr("Optional.");
        auto* name = readOnlyItem(record.name);
        auto* type = readOnlyItem(record.type);
        auto* value = readOnlyItem(record.value);
        auto* purpose = readOnlyItem(need + QLatin1Char(' ') + rows.at(row).purpose);
        value->setToolTip(record.value);
        purpose->setToolTip(purpose->text());
        for (QTableWidgetItem* item : {name, type, value, purpose}) {
            QFont font = item->font();
            font.setBold(record.required);
            font.setItalic(!record.required);
            item->setFont(font);
        }
        setItem(row, NameColumn, name);
        setItem(row, TypeColumn, type);
        setItem(row, ValueColumn, value);
        setItem(row, PurposeColumn, purpose);
        setItem(row, StatusColumn, readOnlyItem(QString()));
        setItem(row, FoundColumn, readOnlyItem(QString()));

        auto* copy = new QToolButton(this);
        copy->setObjectName(QStringLiteral("copyButton_%1").arg(row));
        copy->setIcon(copyIcon);
        copy->setText(tr("Copy"));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        copy->setToolTip(tr("Copy the value of the %1 record for %2").arg(record.type, record.name));
        copy->setAccessibleName(copy->toolTip());
        const QString text = record.value;
        connect(copy, &QToolButton::clicked, this, [this, text] {
            QGuiApplication::clipboard()->setText(text);
            emit valueCopied(text);
        });
        setCellWidget(row, CopyColumn, copy);
        showStatus(row);
    }
    resizeRowsToContents();
}

void RecordsTable::setChecking()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        m_checking[row] = true;
        showStatus(row);
    }
}

void RecordsTable::setCheck(int row, const app::RecordCheck& check)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_checks[row] = check;
    m_checking[row] = false;
    showStatus(row);
    resizeRowToContents(row);
}

std::optional<app::RecordCheck> RecordsTable::check(int row) const
{
    return row >= 0 && row < m_checks.size() ? m_checks.at(row) : std::nullopt;
}

bool RecordsTable::isFound(int row) const
{
    const auto result = check(row);
    return result && result->state == app::RecordState::Found;
}

QString RecordsTable::statusText(int row) const
{
    const QTableWidgetItem* status = item(row, StatusColumn);
    return status ? status->text() : QString();
}

QString RecordsTable::stateText(app::RecordState state, bool required)
{
    switch (state) {
    case app::RecordState::Found:
        return tr("OK");
    case app::RecordState::Missing:
        return required ? tr("Missing") : tr("Not published");
    case app::RecordState::Different:
        return tr("Different");
    case app::RecordState::Unknown:
        return tr("Cannot tell");
    }
    return {};
}

void RecordsTable::showStatus(int row)
{
    QTableWidgetItem* status = item(row, StatusColumn);
    QTableWidgetItem* found = item(row, FoundColumn);
    if (!status || !found)
        return;
    const bool required = m_rows.at(row).record.required;
    const std::optional<app::RecordCheck>& result = m_checks.at(row);
    status->setForeground(palette().text());
    if (m_checking.at(row) && !result) {
        status->setText(tr("Checking…"));
        status->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
        return;
    }
    if (!result) {
        status->setText(tr("Not checked yet"));
        status->setIcon(QIcon());
        found->setText(QString());
        return;
    }
    status->setText(stateText(result->state, required));
    diag::CheckStatus shown = diag::CheckStatus::Unknown;
    switch (result->state) {
    case app::RecordState::Found:
        shown = diag::CheckStatus::Pass;
        status->setForeground(kGood);
        break;
    case app::RecordState::Missing:
        shown = required ? diag::CheckStatus::Fail : diag::CheckStatus::Info;
        if (required)
            status->setForeground(kBad);
        break;
    case app::RecordState::Different:
        shown = required ? diag::CheckStatus::Fail : diag::CheckStatus::Warn;
        status->setForeground(kBad);
        break;
    case app::RecordState::Unknown:
        shown = diag::CheckStatus::Unknown;
        break;
    }
    status->setIcon(CheckResultsView::statusIcon(shown));
    QString tip;
    switch (result->state) {
    case app::RecordState::Found:
        tip = tr("DNS answers with exactly this record.");
        break;
    case app::RecordState::Missing:
        tip = tr("DNS has no such record yet. Publish it at your DNS provider; it can take a while to show.");
        break;
    case app::RecordState::Different:
        tip = tr("DNS has a record here, but not this one. Replace it with the value shown.");
        break;
    case app::RecordState::Unknown:
        tip = tr("The lookup failed: %1. Try again in a moment.").arg(result->detail);
        break;
    }
    status->setToolTip(tip);
    found->setText(result->found.isEmpty() ? tr("(nothing)") : result->found.join(QLatin1Char('\n')));
    found->setToolTip(result->found.join(QLatin1Char('\n')));
}

} // namespace pw::ui
