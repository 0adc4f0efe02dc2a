#include "app/models/MailboxListModel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace pw::app {

MailboxListModel::MailboxListModel(QObject* parent)
    : JsonRowsModel(QStringLiteral("address"), parent)
{}

int MailboxListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool MailboxListModel::isDisabled(int row) const
{
    return rowObject(row).value(QStringLiteral("disabled")).toBool();
}

qint64 MailboxListModel::usedBytes(int row) const
{
    return rowObject(row).value(QStringLiteral("used_bytes")).toInteger();
}

qint64 MailboxListModel::quotaBytes(int row) const
{
    return rowObject(row).value(QStringLiteral("quota_bytes")).toInteger();
}

QString MailboxListModel::usageText(qint64 used, qint64 quota)
{
    const QLocale locale;
    if (quota <= 0)
        return tr("%1, no limit").arg(locale.formattedDataSize(used));
    return tr("%1 of %2").arg(locale.formattedDataSize(used), locale.formattedDataSize(quota));
}

QVariant MailboxListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    switch (role) {
    case UsedBytesRole:
        return usedBytes(row);
    case QuotaBytesRole:
        return quotaBytes(row);
    case DisabledRole:
        return isDisabled(row);
    case Qt::FontRole:
        if (isDisabled(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == QuotaColumn)
            return usageText(usedBytes(row), quotaBytes(row));
        if (isDisabled(row))
            return tr("Disabled: it receives no mail and cannot log in.");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case AddressColumn:
        return key(row);
    case QuotaColumn:
        return usageText(usedBytes(row), quotaBytes(row));
    case StateColumn:
        return isDisabled(row) ? tr("Disabled") : tr("Active");
    case CreatedColumn: {
        const QDateTime created = QDateTime::fromString(text(row, "created"), Qt::ISODate);
        return created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)
                                 : text(row, "created");
    }
    default:
        return {};
    }
}

QVariant MailboxListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case QuotaColumn:
        return tr("Storage");
    case StateColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace pw::app
