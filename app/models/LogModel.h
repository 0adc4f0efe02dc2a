#pragma once

#include "shared/core/LogRecord.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <deque>

namespace pw::app {

// Live log records for the console, newest at the bottom, bounded so that a busy server cannot
// grow the app without end.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        CategoryColumn,
        SessionColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole + 1,
        SessionRole,
        SeqRole,
        CategoryRole
    };

    explicit LogModel(qsizetype capacity = 10000, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Beyond capacity() records the oldest go first.
    void append(const QList<core::LogRecord>& records);
    void clear();
    [[nodiscard]] const core::LogRecord& record(int row) const
    {
        return m_records.at(static_cast<size_t>(row));
    }
    [[nodiscard]] qsizetype capacity() const { return m_capacity; }
    // Every category seen since the last clear(), sorted; grows as records arrive.
    [[nodiscard]] QStringList categories() const { return m_categories; }

    // The session a record belongs to. Connection-level records carry it as a "session" field,
    // the protocol sessions' own records in LogRecord::session; the console treats both alike.
    [[nodiscard]] static QString sessionOf(const core::LogRecord& record);

signals:
    void categoryAdded(const QString& category);

private:
    std::deque<core::LogRecord> m_records;
    QStringList m_categories;
    qsizetype m_capacity;
};

} // namespace pw::app
