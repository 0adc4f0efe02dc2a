#pragma once

#include "shared/diag/CheckResult.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QProgressBar;
class QTreeWidget;

namespace pw::ui {

// The one way the app shows diagnostics, in the wizard and in the console alike: a list of
// results, each with its status icon and summary; selecting one shows the explanation and the
// fix, and the evidence (DNS answers, banners) is one click away. A progress bar shows a run.
// Object names (for tests): "checkResultsTree", "checkDetailLabel", "checkEvidenceButton",
// "checkProgressBar", "checkVerdictLabel", "checkEvidenceText".
class CheckResultsView : public QWidget
{
    Q_OBJECT

public:
    explicit CheckResultsView(QWidget* parent = nullptr);

    void setRunning(int finished, int total, const QString& lastTitle);
    void setResults(const diag::CheckResults& results);
    void clear();
    [[nodiscard]] diag::CheckResults results() const { return m_results; }
    // Whether a result with this id ("mx.present", …) is shown.
    [[nodiscard]] bool hasResult(const QString& id) const;

    [[nodiscard]] static QIcon statusIcon(diag::CheckStatus status);
    [[nodiscard]] static QString statusText(diag::CheckStatus status);

private:
    void showDetails();

    QTreeWidget* m_tree;
    QLabel* m_verdict;
    QLabel* m_details;
    QPlainTextEdit* m_evidence = nullptr;
    QPushButton* m_evidenceButton = nullptr;
    QProgressBar* m_progress;
    diag::CheckResults m_results;
};

} // namespace pw::ui
