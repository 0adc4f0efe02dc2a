#include "app/models/LogModel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>
#include <algorithm>

namespace pw::app {

namespace {

// Strings as they are, anything else (numbers, lists of recipients) in compact JSON, as
// LogRecord::toText() writes them.
QString fieldText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

LogModel::LogModel(qsizetype capacity, QObject* parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int LogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::LogRecord& r = m_records.at(static_cast<size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case LevelColumn:
            return core::logLevelName(r.level);
        case CategoryColumn:
            return r.category;
        case SessionColumn:
            return r.session;
        case MessageColumn: {
            QString text = r.message;
            for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
                text += QStringLiteral(" %1=%2").arg(it.key(), fieldText(it.value()));
            return text;
        }
        default:
            return {};
        }
    case Qt::ForegroundRole:
        // Tint only what needs attention; everything else keeps the system theme's colours.
        if (r.level >= core::LogLevel::Error)
            return QBrush(QColor(0xd0, 0x30, 0x30));
        if (r.level == core::LogLevel::Warning)
            return QBrush(QColor(0xc0, 0x80, 0x00));
        return {};
    case LevelRole:
        return static_cast<int>(r.level);
    case SessionRole:
        return r.session;
    case SeqRole:
        return static_cast<qulonglong>(r.seq);
    case CategoryRole:
        return r.category;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Source");
    case SessionColumn:
        return tr("Session");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QString LogModel::sessionOf(const core::LogRecord& record)
{
    if (!record.session.isEmpty())
        return record.session;
    return record.fields.value(QStringLiteral("session")).toString();
}

void LogModel::append(const QList<core::LogRecord>& records)
{
    QList<core::LogRecord> fresh = records.size() > m_capacity ? records.last(m_capacity) : records;
    if (fresh.isEmpty())
        return;
    for (core::LogRecord& record : fresh) {
        // One place for the session id, so that the session column, the filters and the export
        // all see it; the field would only repeat it in the message column.
        if (record.session.isEmpty() && record.fields.value(QStringLiteral("session")).isString()) {
            record.session = sessionOf(record);
            record.fields.remove(QStringLiteral("session"));
        }
        if (!record.category.isEmpty() && !m_categories.contains(record.category)) {
            m_categories.insert(std::lower_bound(m_categories.begin(), m_categories.end(), record.category),
                                record.category);
            emit categoryAdded(record.category);
        }
    }
    const auto overflow = static_cast<qsizetype>(m_records.size()) + fresh.size() - m_capacity;
    if (overflow > 0) {
        const int drop =
            static_cast<int>(std::min<qsizetype>(overflow, static_cast<qsizetype>(m_records.size())));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_records.erase(m_records.begin(), m_records.begin() + drop);
            endRemoveRows();
        }
    }
    const int first = static_cast<int>(m_records.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    m_records.insert(m_records.end(), fresh.cbegin(), fresh.cend());
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_categories.clear();
    endResetModel();
}

} // namespace pw::app
