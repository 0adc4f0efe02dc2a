#include "app/DiagnosticsRunner.h"

#include "shared/diag/DiagnosticsEngine.h"
#include "shared/diag/StandardChecks.h"
#include "shared/dns/LdnsResolver.h"

#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <utility>

namespace pw::app {

namespace {

bool inGroups(const QString& id, const QStringList& groups)
{
    if (groups.isEmpty())
        return true;
    return std::any_of(groups.cbegin(), groups.cend(), [&id](const QString& group) {
        return id == group || id.startsWith(group + QLatin1Char('.'));
    });
}

// One run on the worker thread: its own resolver (so a changed DNS server list takes effect) and
// engine, both deleted with it.
class DiagnosticsRun : public QObject
{
public:
    DiagnosticsRun(const dns::ResolverOptions& options, diag::CheckList checks)
        : m_resolver(new dns::LdnsResolver(options, this))
        , m_engine(new diag::DiagnosticsEngine(*m_resolver, std::move(checks), this))
    {}

    dns::LdnsResolver* resolver() const { return m_resolver; }
    diag::DiagnosticsEngine* engine() const { return m_engine; }
    diag::DiagnosticsInput input;

private:
    dns::LdnsResolver* m_resolver;
    diag::DiagnosticsEngine* m_engine;
};

} // namespace

DiagnosticsRunner::DiagnosticsRunner(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("diagnostics"));
    m_thread->start();
}

DiagnosticsRunner::~DiagnosticsRunner()
{
    if (m_running) {
        // Synchronously: after quit() the worker's event loop would never run a queued cancel.
        ++m_generation;
        m_running = false;
        QObject* worker = std::exchange(m_worker, nullptr);
        QMetaObject::invokeMethod(
            worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
}

void DiagnosticsRunner::start(const diag::DiagnosticsInput& input, const QStringList& dnsServers,
                              const QStringList& groups)
{
    cancel();
    const quint64 generation = ++m_generation;
    diag::CheckList checks;
    for (auto& check : diag::standardChecks()) {
        if (inGroups(check->id(), groups))
            checks.push_back(std::move(check));
    }
    const int total = static_cast<int>(checks.size());
    dns::ResolverOptions options;
    options.servers = dnsServers;
    // The owner has just published a record and presses "check again": never answer from a cache.
    options.cacheEnabled = false;

    auto* run = new DiagnosticsRun(options, std::move(checks));
    if (!run->resolver()->configurationError().isEmpty()) {
        const QString reason = run->resolver()->configurationError();
        delete run;
        emit failed(tr("The DNS servers cannot be used: %1").arg(reason));
        return;
    }
    run->input = input;
    run->engine()->setCheckTimeout(std::max(std::chrono::milliseconds(30000), input.tcpTimeout * 3));
    run->moveToThread(m_thread);
    m_worker = run;
    m_running = true;
    m_results.clear();

    connect(run->engine(), &diag::DiagnosticsEngine::progress, this,
            [this, generation](int finished, int all, const QString& title) {
                if (generation == m_generation)
                    emit progress(finished, all, title);
            });
    connect(run->engine(), &diag::DiagnosticsEngine::finished, this,
            [this, generation, run](const diag::CheckResults& results) {
                // A cancelled run is deleted by cancel(); a stale signal must not touch it.
                if (generation != m_generation)
                    return;
                run->deleteLater(); // on the worker thread, where it lives
                m_worker = nullptr;
                m_running = false;
                m_results = results;
                emit finished(results);
            });
    emit started(total);
    QMetaObject::invokeMethod(run, [run] { run->engine()->start(run->input); });
}

void DiagnosticsRunner::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_running = false;
    QObject* worker = std::exchange(m_worker, nullptr);
    // The engine's own cancel runs where the engine lives; the run goes with it.
    QMetaObject::invokeMethod(worker, [worker] {
        auto* run = static_cast<DiagnosticsRun*>(worker);
        run->engine()->cancel();
        run->deleteLater();
    });
}

} // namespace pw::app
