#pragma once

#include "app/models/JsonRowsModel.h"

namespace pw::app {

// The service's domains as `domain.list` returns them, keyed by the domain's ASCII name.
class DomainListModel : public JsonRowsModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        MailboxesColumn,
        CatchallColumn,
        PostmasterColumn,
        ColumnCount
    };

    explicit DomainListModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] QString catchall(int row) const { return text(row, "catchall"); }
    [[nodiscard]] QString postmaster(int row) const { return text(row, "postmaster"); }
};

} // namespace pw::app
