#include "ui/wizard/DeliverabilityScoreView.h"

#include "app/ServiceManager.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pw::ui {

namespace {

// The whole test may wait on DNS timeouts for SPF, DKIM and DMARC one after another.
constexpr int kTestTimeoutMs = 90000;

} // namespace

DeliverabilityScoreView::DeliverabilityScoreView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_scoreLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new QLabel(this))
    , m_deductions(new QTreeWidget(this))
    , m_authCaption(new QLabel(tr("What a receiving server would note on the test &message:"), this))
    , m_auth(new QPlainTextEdit(this))
{
    m_scoreLabel->setObjectName(QStringLiteral("scoreLabel"));
    QFont big = m_scoreLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_scoreLabel->setFont(big);
    m_scoreLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progress->setObjectName(QStringLiteral("scoreProgressBar"));
    m_progress->setRange(0, 0); // busy: the service answers when its DNS lookups are done
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Testing a message"));
    m_progress->hide();

    m_error->setObjectName(QStringLiteral("scoreErrorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_deductions->setObjectName(QStringLiteral("deductionsList"));
    m_deductions->setAccessibleName(tr("What cost points"));
    m_deductions->setColumnCount(3);
    m_deductions->setHeaderLabels({tr("Points"), tr("Finding"), tr("Why")});
    m_deductions->setRootIsDecorated(true);
    m_deductions->setWordWrap(true);
    m_deductions->setUniformRowHeights(false);
    m_deductions->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_deductions->header()->setStretchLastSection(true);
    m_deductions->setColumnWidth(1, 300);
    m_deductions->setMinimumHeight(70);
    m_deductions->setMaximumHeight(140);

    m_auth->setObjectName(QStringLiteral("authResultsText"));
    m_auth->setReadOnly(true);
    m_auth->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_auth->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_auth->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_auth->setMaximumHeight(100);
    m_auth->setAccessibleName(tr("Authentication-Results of the test message"));
    m_authCaption->setBuddy(m_auth);
    m_authCaption->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scoreLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addWidget(m_deductions, 1);
    layout->addWidget(m_authCaption);
    layout->addWidget(m_auth);
    reset();
}

void DeliverabilityScoreView::reset()
{
    ++m_generation;
    setRunning(false);
    m_score.reset();
    m_answer = {};
    m_scoreLabel->setText(tr("Score: comes when the checks are done"));
    m_error->hide();
    m_deductions->clear();
    m_auth->clear();
}

void DeliverabilityScoreView::start(const QString& from, const diag::CheckResults& checks)
{
    reset();
    const quint64 generation = m_generation;
    setRunning(true);
    m_scoreLabel->setText(tr("Score: testing a message from %1…").arg(from));
    m_service.client().call(
        QStringLiteral("deliverability.test"), QJsonObject{{QStringLiteral("from"), from}}, this,
        [this, generation, checks, from](const control::Reply& reply) {
            if (generation != m_generation)
                return;
            setRunning(false);
            if (!reply.ok) {
                // The checks still count; only the message's own results are unknown.
                showScore(
                    diag::DeliverabilityScore::compute(std::nullopt, checks),
                    tr("The test message from %1 could not be checked: %2").arg(from, reply.error.message));
                return;
            }
            m_answer = reply.result.toObject();
            showScore(
                diag::DeliverabilityScore::compute(diag::DeliverabilityAuth::fromJson(m_answer), checks), {});
        },
        kTestTimeoutMs);
}

QString DeliverabilityScoreView::scoreText() const
{
    return m_score ? m_scoreLabel->text() : QString();
}

void DeliverabilityScoreView::showScore(const diag::DeliverabilityScore& score, const QString& error)
{
    m_score = score;
    m_scoreLabel->setText(tr("Score: %1 / 10").arg(diag::DeliverabilityScore::formatPoints(score.score)));
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_deductions->clear();
    for (const diag::ScoreDeduction& line : score.deductions) {
        const QString points =
            line.unknown ? tr("?")
                         : QStringLiteral("−") + diag::DeliverabilityScore::formatPoints(line.points);
        auto* item = new QTreeWidgetItem(m_deductions, {points, line.title, line.why});
        item->setToolTip(1, line.why);
        item->setToolTip(2, line.why);
        if (line.unknown)
            item->setToolTip(0, tr("Could not tell; this costs no points."));
        if (!line.fix.isEmpty()) {
            auto* fix = new QTreeWidgetItem(item, {QString(), tr("How to fix it"), line.fix});
            fix->setToolTip(2, line.fix);
        }
    }
    if (score.deductions.isEmpty())
        new QTreeWidgetItem(m_deductions, {QString(), tr("Nothing costs points."), QString()});
    m_auth->setPlainText(
        m_answer.value(QStringLiteral("authentication_results")).toString().remove(QLatin1Char('\r')));
    emit finished();
}

void DeliverabilityScoreView::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
}

} // namespace pw::ui
