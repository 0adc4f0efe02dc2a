#include "app/models/DomainListModel.h"

namespace pw::app {

DomainListModel::DomainListModel(QObject* parent)
    : JsonRowsModel(QStringLiteral("name"), parent)
{}

int DomainListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DomainListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const QString name = key(row);
    const QString unicode = text(row, "unicode");
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !unicode.isEmpty() && unicode != name)
        return tr("%1 (in DNS: %2)").arg(unicode, name);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return unicode.isEmpty() ? name : unicode;
    case MailboxesColumn:
        return rowObject(row).value(QStringLiteral("mailboxes")).toInteger();
    case CatchallColumn:
        return catchall(row).isEmpty() ? tr("none") : catchall(row);
    case PostmasterColumn:
        return postmaster(row).isEmpty() ? tr("first mailbox") : postmaster(row);
    default:
        return {};
    }
}

QVariant DomainListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Domain");
    case MailboxesColumn:
        return tr("Mailboxes");
    case CatchallColumn:
        return tr("Catch-all");
    case PostmasterColumn:
        return tr("Postmaster");
    default:
        return {};
    }
}

} // namespace pw::app
