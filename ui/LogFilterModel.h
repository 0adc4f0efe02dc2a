#pragma once

#include "shared/core/LogRecord.h"

#include <QSortFilterProxyModel>

namespace pw::ui {

// Level, free text and session filters over LogModel, for the live log view.
class LogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setMinimumLevel(core::LogLevel level);
    void setText(const QString& text);
    void setSession(const QString& session);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    core::LogLevel m_level = core::LogLevel::Debug;
    QString m_text;
    QString m_session;
};

} // namespace pw::ui
