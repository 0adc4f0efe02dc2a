#include "shared/diag/DiagnosticsEngine.h"

#include <QTimer>

namespace pw::diag {

DiagnosticsEngine::DiagnosticsEngine(dns::Resolver& resolver, CheckList checks, QObject* parent)
    : QObject(parent)
    , m_resolver(resolver)
    , m_checks(std::move(checks))
{
    qRegisterMetaType<pw::diag::CheckResults>();
}

DiagnosticsEngine::~DiagnosticsEngine()
{
    cancel();
}

void DiagnosticsEngine::start(const DiagnosticsInput& input)
{
    cancel();
    m_input = input;
    m_results.assign(m_checks.size(), std::nullopt);
    m_contexts.assign(m_checks.size(), nullptr);
    m_finished = 0;
    m_running = true;
    const CheckEnvironment environment{*m_input, m_resolver};

    for (size_t i = 0; i < m_checks.size(); ++i) {
        Check& check = *m_checks[i];
        if (input.dnsOnly && check.usesNetwork()) {
            // Reported, not hidden: the reader should see which checks were left out and why.
            CheckResult skipped;
            skipped.id = check.id() + QStringLiteral(".skipped");
            skipped.status = CheckStatus::Info;
            skipped.title = check.title();
            skipped.summary = tr("Not checked: DNS-only mode opens no connections.");
            // Deliver later, like every other result, so that listeners see one order of events.
            auto* context = new QObject(this);
            m_contexts[i] = context;
            QTimer::singleShot(0, context, [this, i, skipped] { complete(i, {skipped}); });
            continue;
        }
        auto* context = new QObject(this);
        m_contexts[i] = context;
        QTimer::singleShot(m_checkTimeout, context, [this, i] {
            CheckResult timedOut;
            timedOut.id = m_checks[i]->id() + QStringLiteral(".timeout");
            timedOut.status = CheckStatus::Unknown;
            timedOut.title = m_checks[i]->title();
            timedOut.summary =
                tr("Could not tell: the check did not finish within %1 seconds.")
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(m_checkTimeout).count());
            timedOut.explanation =
                tr("A DNS server or a remote host did not answer in time. Run the check again "
                   "later; if it keeps happening, the server it waits for is unreachable.");
            complete(i, {timedOut});
        });
        check.run(environment, context, [this, i](CheckResults results) { complete(i, std::move(results)); });
    }
    if (m_checks.empty()) {
        m_running = false;
        QTimer::singleShot(0, this, [this] { emit finished({}); });
    }
}

void DiagnosticsEngine::complete(size_t index, CheckResults checkResults)
{
    if (!m_running || index >= m_results.size() || m_results[index])
        return;
    m_results[index] = std::move(checkResults);
    // Deleting the context cancels the check's timer and any callback still on its way.
    if (QObject* context = std::exchange(m_contexts[index], nullptr))
        context->deleteLater();
    ++m_finished;
    const Check& check = *m_checks[index];
    emit checkFinished(check.id(), *m_results[index]);
    emit progress(m_finished, static_cast<int>(m_checks.size()), check.title());
    if (m_finished == static_cast<int>(m_checks.size())) {
        m_running = false;
        emit finished(results());
    }
}

void DiagnosticsEngine::cancel()
{
    for (QObject*& context : m_contexts) {
        delete context;
        context = nullptr;
    }
    m_running = false;
}

CheckResults DiagnosticsEngine::results() const
{
    CheckResults all;
    for (const auto& results : m_results) {
        if (results)
            all.append(*results);
    }
    return all;
}

} // namespace pw::diag
