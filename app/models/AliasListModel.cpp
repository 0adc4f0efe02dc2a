#include "app/models/AliasListModel.h"

#include <QJsonArray>

namespace pw::app {

AliasListModel::AliasListModel(QObject* parent)
    : JsonRowsModel(QStringLiteral("address"), parent)
{}

int AliasListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList AliasListModel::targets(int row) const
{
    QStringList result;
    for (const QJsonValue& target : rowObject(row).value(QStringLiteral("targets")).toArray())
        result.append(target.toString());
    return result;
}

QVariant AliasListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role != Qt::DisplayRole && !(role == Qt::ToolTipRole && index.column() == TargetsColumn))
        return {};
    switch (index.column()) {
    case AddressColumn:
        return key(index.row());
    case TargetsColumn:
        return targets(index.row())
            .join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
    default:
        return {};
    }
}

QVariant AliasListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Alias");
    case TargetsColumn:
        return tr("Delivers to");
    default:
        return {};
    }
}

} // namespace pw::app
