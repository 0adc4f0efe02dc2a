#include "app/models/JsonRowsModel.h"

namespace pw::app {

JsonRowsModel::JsonRowsModel(const QString& keyField, QObject* parent)
    : QAbstractTableModel(parent)
    , m_keyField(keyField)
{}

int JsonRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

void JsonRowsModel::setRows(const QJsonArray& rows)
{
    QList<QJsonObject> next;
    next.reserve(rows.size());
    for (const QJsonValue& row : rows)
        next.append(row.toObject());

    bool sameKeys = next.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < next.size(); ++i)
        sameKeys = next.at(i).value(m_keyField) == m_rows.at(i).value(m_keyField);
    if (!sameKeys) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < next.size(); ++i) {
        if (next.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = next.at(i);
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

QString JsonRowsModel::key(int row) const
{
    return m_rows.value(row).value(m_keyField).toString();
}

int JsonRowsModel::rowOfKey(const QString& key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(m_keyField).toString() == key)
            return static_cast<int>(i);
    }
    return -1;
}

QStringList JsonRowsModel::keys() const
{
    QStringList result;
    for (const QJsonObject& row : m_rows)
        result.append(row.value(m_keyField).toString());
    return result;
}

QString JsonRowsModel::text(int row, const char* field) const
{
    return m_rows.value(row).value(QLatin1String(field)).toString();
}

} // namespace pw::app
