#include "ui/LogFilterModel.h"

#include "app/models/LogModel.h"

namespace pw::ui {

LogFilterModel::LogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{}

void LogFilterModel::setMinimumLevel(core::LogLevel level)
{
    m_level = level;
    invalidateFilter();
}

void LogFilterModel::setText(const QString& text)
{
    m_text = text;
    invalidateFilter();
}

void LogFilterModel::setCategory(const QString& category)
{
    m_category = category;
    invalidateFilter();
}

void LogFilterModel::setSession(const QString& session)
{
    m_session = session.trimmed();
    invalidateFilter();
}

void LogFilterModel::setFocusSession(const QString& session)
{
    m_focusSession = session;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    const QString session = model->data(first, app::LogModel::SessionRole).toString();
    if (!m_focusSession.isEmpty())
        return session == m_focusSession;
    if (model->data(first, app::LogModel::LevelRole).toInt() < static_cast<int>(m_level))
        return false;
    if (!m_category.isEmpty() && model->data(first, app::LogModel::CategoryRole).toString() != m_category)
        return false;
    if (!m_session.isEmpty() && !session.contains(m_session, Qt::CaseInsensitive))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->data(model->index(sourceRow, column, sourceParent))
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace pw::ui
