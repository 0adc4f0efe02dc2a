#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/diag/DeliverabilityScore.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTreeWidget;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The mail-tester-like part of step 7: asks the service for a test message from the owner's
// address (deliverability.test), scores it together with the suite's results and shows the
// score, what cost points and how to fix it, and the Authentication-Results a receiver would
// add. Object names: "scoreLabel", "deductionsList", "authResultsText", "scoreProgressBar",
// "scoreErrorLabel".
class DeliverabilityScoreView : public QWidget
{
    Q_OBJECT

public:
    explicit DeliverabilityScoreView(app::ServiceManager& service, QWidget* parent = nullptr);

    // Starts over for `from` with the suite's `checks`; a run still waiting is dropped.
    void start(const QString& from, const diag::CheckResults& checks);
    // Back to "waiting for the checks"; an answer still on its way is dropped.
    void reset();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const std::optional<diag::DeliverabilityScore>& score() const { return m_score; }
    // deliverability.test's answer; empty when the service could not make one.
    [[nodiscard]] const QJsonObject& testAnswer() const { return m_answer; }
    // "Score: 9.5 / 10", empty before a score exists.
    [[nodiscard]] QString scoreText() const;

signals:
    void finished();

private:
    void showScore(const diag::DeliverabilityScore& score, const QString& error);
    void setRunning(bool running);

    app::ServiceManager& m_service;
    QLabel* m_scoreLabel;
    QProgressBar* m_progress;
    QLabel* m_error;
    QTreeWidget* m_deductions;
    QLabel* m_authCaption;
    QPlainTextEdit* m_auth;
    quint64 m_generation = 0;
    bool m_running = false;
    std::optional<diag::DeliverabilityScore> m_score;
    QJsonObject m_answer;
};

} // namespace pw::ui
