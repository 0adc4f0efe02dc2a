#include "ui/console/DiagnosticsHistoryList.h"

#include "ui/CheckResultsView.h"

#include <QLocale>
#include <algorithm>

namespace pw::ui {

DiagnosticsHistoryList::DiagnosticsHistoryList(app::DiagnosticsHistory& history, QWidget* parent)
    : QListWidget(parent)
    , m_history(history)
{
    setObjectName(QStringLiteral("historyListWidget"));
    setAccessibleName(tr("Past diagnostics runs"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    setUniformItemSizes(false);
    connect(&m_history, &app::DiagnosticsHistory::changed, this, &DiagnosticsHistoryList::rebuild);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (const auto run = runAt(row))
            emit runSelected(*run);
    });
    rebuild();
}

std::optional<app::DiagnosticsRunRecord> DiagnosticsHistoryList::runAt(int row) const
{
    if (row < 0 || row >= m_runs.size())
        return std::nullopt;
    return m_runs.at(row);
}

QString DiagnosticsHistoryList::tallyText(const app::DiagnosticsRunRecord& run)
{
    QStringList parts;
    parts.append(tr("%n passed", nullptr, run.count(diag::CheckStatus::Pass)));
    if (const int warnings = run.count(diag::CheckStatus::Warn))
        parts.append(tr("%n warning(s)", nullptr, warnings));
    if (const int failed = run.count(diag::CheckStatus::Fail))
        parts.append(tr("%n failed", nullptr, failed));
    if (const int unknown = run.count(diag::CheckStatus::Unknown))
        parts.append(tr("%n could not tell", nullptr, unknown));
    if (const int notes = run.count(diag::CheckStatus::Info))
        parts.append(tr("%n note(s)", nullptr, notes));
    return parts.join(tr(", "));
}

void DiagnosticsHistoryList::rebuild()
{
    // The selection survives a rebuild when its run is still there; otherwise nothing is chosen.
    const QDateTime selected =
        currentRow() >= 0 && currentRow() < m_runs.size() ? m_runs.at(currentRow()).time : QDateTime();
    m_runs = m_history.runs();
    std::reverse(m_runs.begin(), m_runs.end());
    const QSignalBlocker blocker(this);
    clear();
    int selectedRow = -1;
    for (int row = 0; row < m_runs.size(); ++row) {
        const app::DiagnosticsRunRecord& run = m_runs.at(row);
        const QString when = QLocale().toString(run.time.toLocalTime(), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(CheckResultsView::statusIcon(run.worst),
                                         tr("%1 — %2\n%3").arg(when, run.domain, tallyText(run)), this);
        item->setToolTip(CheckResultsView::statusText(run.worst));
        if (run.time == selected)
            selectedRow = row;
    }
    setCurrentRow(selectedRow);
}

} // namespace pw::ui
