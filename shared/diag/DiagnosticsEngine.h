#pragma once

#include "shared/diag/Check.h"

#include <QObject>
#include <chrono>
#include <optional>
#include <vector>

namespace pw::diag {

// Runs every check at once (their DNS queries overlap), reports progress, and collects the
// results in the checks' order, whatever order they finish in. It lives on one thread with its
// resolver; the GUI moves both to a worker thread so that nothing blocks a window.
class DiagnosticsEngine : public QObject
{
    Q_OBJECT

public:
    DiagnosticsEngine(dns::Resolver& resolver, CheckList checks, QObject* parent = nullptr);
    ~DiagnosticsEngine() override;

    // A check that has not answered by then is reported as "could not tell", so one dead
    // server cannot hold the whole run.
    void setCheckTimeout(std::chrono::milliseconds timeout) { m_checkTimeout = timeout; }

    void start(const DiagnosticsInput& input);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] int checkCount() const { return static_cast<int>(m_checks.size()); }
    [[nodiscard]] CheckResults results() const;

signals:
    void progress(int finished, int total, const QString& lastTitle);
    void checkFinished(const QString& checkId, const pw::diag::CheckResults& results);
    void finished(const pw::diag::CheckResults& results);

private:
    void complete(size_t index, CheckResults checkResults);

    dns::Resolver& m_resolver;
    CheckList m_checks;
    std::optional<DiagnosticsInput> m_input;
    std::vector<std::optional<CheckResults>> m_results;
    std::vector<QObject*> m_contexts;
    std::chrono::milliseconds m_checkTimeout{30000};
    int m_finished = 0;
    bool m_running = false;
};

} // namespace pw::diag
