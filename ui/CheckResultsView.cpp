#include "ui/CheckResultsView.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace pw::ui {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;

} // namespace

CheckResultsView::CheckResultsView(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_verdict(new QLabel(this))
    , m_details(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_verdict->setObjectName(QStringLiteral("checkVerdictLabel"));
    m_verdict->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("checkProgressBar"));
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);

    m_tree->setObjectName(QStringLiteral("checkResultsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Status"), tr("Finding")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Check results"));

    m_details->setObjectName(QStringLiteral("checkDetailLabel"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setText(tr("Select a finding to see what it means and how to fix it."));

    auto* evidenceButton = new QPushButton(tr("Show &evidence"), this);
    evidenceButton->setObjectName(QStringLiteral("checkEvidenceButton"));
    evidenceButton->setCheckable(true);
    evidenceButton->setEnabled(false);
    m_evidence = new QPlainTextEdit(this);
    m_evidence->setObjectName(QStringLiteral("checkEvidenceText"));
    m_evidence->setReadOnly(true);
    m_evidence->setVisible(false);
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidenceButton = evidenceButton;
    connect(evidenceButton, &QPushButton::toggled, m_evidence, &QWidget::setVisible);

    auto* detailPane = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(evidenceButton, 0, Qt::AlignLeft);
    detailLayout->addWidget(m_evidence, 1);
    detailLayout->addStretch();

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &CheckResultsView::showDetails);
}

void CheckResultsView::setRunning(int finished, int total, const QString& lastTitle)
{
    m_progress->setVisible(true);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(finished);
    m_progress->setFormat(lastTitle.isEmpty() ? tr("Checking… %v of %m") : tr("%v of %m: %1").arg(lastTitle));
    m_verdict->setText(tr("Checking…"));
}

void CheckResultsView::setResults(const diag::CheckResults& results)
{
    m_results = results;
    m_progress->setVisible(false);
    m_tree->clear();
    QMap<diag::CheckStatus, int> counts;
    for (int index = 0; index < results.size(); ++index) {
        const diag::CheckResult& result = results.at(index);
        ++counts[result.status];
        auto* item = new QTreeWidgetItem(m_tree);
        item->setIcon(0, statusIcon(result.status));
        item->setText(0, statusText(result.status));
        item->setText(1, result.title.isEmpty() ? result.summary
                                                : result.title + QStringLiteral(": ") + result.summary);
        item->setToolTip(1, result.summary);
        item->setData(0, kIndexRole, index);
        item->setData(1, Qt::UserRole, result.id);
    }
    if (results.isEmpty()) {
        m_verdict->setText(tr("No checks ran."));
    } else {
        const diag::CheckStatus worst = diag::worstStatus(results);
        const QString tally = tr("%1 passed, %2 warnings, %3 failed, %4 could not tell, %5 notes")
                                  .arg(counts.value(diag::CheckStatus::Pass))
                                  .arg(counts.value(diag::CheckStatus::Warn))
                                  .arg(counts.value(diag::CheckStatus::Fail))
                                  .arg(counts.value(diag::CheckStatus::Unknown))
                                  .arg(counts.value(diag::CheckStatus::Info));
        const QString headline = worst == diag::CheckStatus::Fail ? tr("Something must be fixed.")
                                 : worst == diag::CheckStatus::Warn
                                     ? tr("It works, but some things should be improved.")
                                     : tr("Everything checked is in order.");
        m_verdict->setText(headline + QLatin1Char(' ') + tally);
    }
    // The first problem is what the owner should read first.
    QTreeWidgetItem* first = m_tree->topLevelItemCount() > 0 ? m_tree->topLevelItem(0) : nullptr;
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        const auto status = results.at(row).status;
        if (status == diag::CheckStatus::Fail || status == diag::CheckStatus::Warn) {
            first = m_tree->topLevelItem(row);
            break;
        }
    }
    m_tree->setCurrentItem(first);
    showDetails();
}

void CheckResultsView::clear()
{
    m_results.clear();
    m_tree->clear();
    m_progress->setVisible(false);
    m_verdict->clear();
    showDetails();
}

bool CheckResultsView::hasResult(const QString& id) const
{
    return std::any_of(m_results.cbegin(), m_results.cend(),
                       [&id](const diag::CheckResult& result) { return result.id == id; });
}

void CheckResultsView::showDetails()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    const int index = item ? item->data(0, kIndexRole).toInt() : -1;
    if (index < 0 || index >= m_results.size()) {
        m_details->setText(tr("Select a finding to see what it means and how to fix it."));
        m_evidence->clear();
        m_evidenceButton->setEnabled(false);
        return;
    }
    const diag::CheckResult& result = m_results.at(index);
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(result.summary.toHtmlEscaped());
    if (!result.explanation.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(result.explanation.toHtmlEscaped());
    if (!result.fix.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("How to fix it:").toHtmlEscaped(),
                         result.fix.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    m_details->setText(html);
    m_evidence->setPlainText(result.evidence.join(QLatin1Char('\n')));
    m_evidenceButton->setEnabled(!result.evidence.isEmpty());
}

QIcon CheckResultsView::statusIcon(diag::CheckStatus status)
{
    QStyle* style = QApplication::style();
    switch (status) {
    case diag::CheckStatus::Pass:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case diag::CheckStatus::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case diag::CheckStatus::Warn:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case diag::CheckStatus::Fail:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case diag::CheckStatus::Unknown:
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    }
    return {};
}

QString CheckResultsView::statusText(diag::CheckStatus status)
{
    switch (status) {
    case diag::CheckStatus::Pass:
        return tr("OK");
    case diag::CheckStatus::Info:
        return tr("Note");
    case diag::CheckStatus::Warn:
        return tr("Warning");
    case diag::CheckStatus::Fail:
        return tr("Problem");
    case diag::CheckStatus::Unknown:
        return tr("Cannot tell");
    }
    return {};
}

} // namespace pw::ui
