#pragma once

#include <QString>

class QJsonArray;

class QAbstractItemView;

namespace pw::app {
class JsonRowsModel;
}

namespace pw::ui {

// The console's tables select by key (an address, a domain), so that a refresh that reorders
// or replaces the rows keeps what the admin had selected. The view shows `model` directly.
bool selectRowByKey(QAbstractItemView& view, const app::JsonRowsModel& model, const QString& key);
[[nodiscard]] QString selectedKey(const QAbstractItemView& view, const app::JsonRowsModel& model);
// Replaces the rows and selects again: `pending` (the row an action has just made, then cleared)
// when set, else the row selected before. False when that row is gone.
bool setRowsKeepingSelection(QAbstractItemView& view, app::JsonRowsModel& model, const QJsonArray& rows,
                             QString& pending);

} // namespace pw::ui
