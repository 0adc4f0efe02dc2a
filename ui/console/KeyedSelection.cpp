#include "ui/console/KeyedSelection.h"

#include "app/models/JsonRowsModel.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <utility>

namespace pw::ui {

bool selectRowByKey(QAbstractItemView& view, const app::JsonRowsModel& model, const QString& key)
{
    const int row = key.isEmpty() ? -1 : model.rowOfKey(key);
    if (row < 0)
        return false;
    view.selectionModel()->setCurrentIndex(model.index(row, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

QString selectedKey(const QAbstractItemView& view, const app::JsonRowsModel& model)
{
    const QModelIndexList rows = view.selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : model.key(rows.first().row());
}

bool setRowsKeepingSelection(QAbstractItemView& view, app::JsonRowsModel& model, const QJsonArray& rows,
                             QString& pending)
{
    const QString selected = pending.isEmpty() ? selectedKey(view, model) : std::exchange(pending, {});
    model.setRows(rows);
    return selectRowByKey(view, model, selected);
}

} // namespace pw::ui
