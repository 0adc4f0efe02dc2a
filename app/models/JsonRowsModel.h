#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace pw::app {

// The objects a control method lists ("domains", "mailboxes", "aliases"), one row each, keyed by
// one field. A refresh that brings the same keys in the same order only changes cells, so the
// views keep their selection and scroll position while the service is polled.
class JsonRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit JsonRowsModel(const QString& keyField, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;

    void setRows(const QJsonArray& rows);
    [[nodiscard]] QJsonObject rowObject(int row) const { return m_rows.value(row); }
    [[nodiscard]] QString key(int row) const;
    // -1 when no row has that key.
    [[nodiscard]] int rowOfKey(const QString& key) const;
    [[nodiscard]] QStringList keys() const;

protected:
    [[nodiscard]] QString text(int row, const char* field) const;

private:
    QString m_keyField;
    QList<QJsonObject> m_rows;
};

} // namespace pw::app
