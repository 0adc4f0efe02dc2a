#pragma once

#include "app/DiagnosticsHistory.h"

#include <QListWidget>

namespace pw::ui {

// Past diagnostics runs, newest first: time, domain, the verdict's icon and the tallies. Follows
// the history as it changes. Object name "historyListWidget".
class DiagnosticsHistoryList : public QListWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsHistoryList(app::DiagnosticsHistory& history, QWidget* parent = nullptr);

    // The run a row shows; nullopt for a row out of range.
    [[nodiscard]] std::optional<app::DiagnosticsRunRecord> runAt(int row) const;
    // "12 passed, 1 warning, 2 failed, …" for one run: what the list and the dashboard show.
    [[nodiscard]] static QString tallyText(const app::DiagnosticsRunRecord& run);

signals:
    void runSelected(const pw::app::DiagnosticsRunRecord& run);

private:
    void rebuild();

    app::DiagnosticsHistory& m_history;
    QList<app::DiagnosticsRunRecord> m_runs; // newest first, as the rows
};

} // namespace pw::ui
