#pragma once

#include "shared/core/LogRecord.h"

#include <QSortFilterProxyModel>

namespace pw::ui {

// The live log's filters over LogModel: level, free text, category and session. A focused
// session overrides them all: every line of that one session, whatever its level or text.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setMinimumLevel(core::LogLevel level);
    void setText(const QString& text);
    // Exact category ("smtp"); empty = every category.
    void setCategory(const QString& category);
    // Session ids containing `session` (case-insensitive); empty = every record.
    void setSession(const QString& session);
    // Exactly this session's records and nothing else; empty = back to the filters above.
    void setFocusSession(const QString& session);
    [[nodiscard]] QString focusSession() const { return m_focusSession; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    core::LogLevel m_level = core::LogLevel::Debug;
    QString m_text;
    QString m_category;
    QString m_session;
    QString m_focusSession;
};

} // namespace pw::ui
