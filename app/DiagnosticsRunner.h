#pragma once

#include "shared/diag/CheckResult.h"
#include "shared/diag/DiagnosticsInput.h"

#include <QObject>
#include <QStringList>

class QThread;

namespace pw::app {

// Runs the shared/diag engine for a window: the resolver and the engine live on a worker thread
// of their own, so no DNS answer or TCP timeout ever blocks the GUI. One run at a time; a new
// start() cancels the run before it. Signals arrive on the runner's (the GUI) thread.
class DiagnosticsRunner : public QObject
{
    Q_OBJECT

public:
    explicit DiagnosticsRunner(QObject* parent = nullptr);
    ~DiagnosticsRunner() override; // cancels, stops and joins the worker thread

    // `dnsServers` are "host:port" (empty = the system's resolvers); `groups` keeps the checks
    // whose id is one of them or starts with one of them and a dot ("port" keeps "port.local");
    // empty = the whole standard suite.
    void start(const diag::DiagnosticsInput& input, const QStringList& dnsServers,
               const QStringList& groups = {});
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] diag::CheckResults results() const { return m_results; }

signals:
    void started(int total);
    void progress(int finished, int total, const QString& lastTitle);
    void finished(const pw::diag::CheckResults& results);
    // The resolver could not be set up (a bad DNS server address, say): no run happened.
    void failed(const QString& reason);

private:
    QThread* m_thread;
    QObject* m_worker = nullptr;
    diag::CheckResults m_results;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace pw::app
