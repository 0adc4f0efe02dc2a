#pragma once

#include "app/models/JsonRowsModel.h"

namespace pw::app {

// The service's aliases as `alias.list` returns them (one row per alias address, its targets
// together), keyed by address.
class AliasListModel : public JsonRowsModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        TargetsColumn,
        ColumnCount
    };

    explicit AliasListModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] QStringList targets(int row) const;
};

} // namespace pw::app
