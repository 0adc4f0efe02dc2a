#pragma once

#include "service/store/MessageStore.h"

#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QWaitCondition>
#include <deque>
#include <vector>

namespace pw::service {

// The writer thread of MessageStore: the only code that creates message files and their rows.
// It owns its own SQLite connection, takes every delivery that is waiting when it wakes up and
// stores them as one batch (group commit), so that concurrent sessions share the directory
// fsync and the commit. Private to service/store.
class MessageWriter : public QThread
{
    Q_OBJECT

public:
    // Runs on the writer thread once the batch is committed (or has failed).
    using Finish = std::function<void(const StoreResult& result, const DeliveryReceipt& receipt)>;

    MessageWriter(const QString& dataDir, const QString& databasePath, MessageStore* store);
    ~MessageWriter() override;

    // Starts the thread, opens its connection and removes crash leftovers; blocks until done.
    [[nodiscard]] StoreResult startWriter();
    // Stores every delivery already handed over, then ends the thread.
    void stopWriter();
    [[nodiscard]] bool isRunning() const;

    // `finish` runs on the writer thread, or at once on the caller's if the writer is stopped.
    void enqueue(Delivery delivery, Finish finish);
    // A write of FolderStore, in order with the deliveries: tasks queued one after the other
    // share a transaction between two batches of deliveries (runWriteJobs).
    void enqueueTask(WriteTask task, WriteFinish finish);

    // Batches committed since the start, for the benchmark.
    [[nodiscard]] qint64 batchCount() const;

    // Bounds of one batch, so that a burst does not make its first callers wait for the last.
    static constexpr int maxBatchDeliveries = 256;
    static constexpr qint64 maxBatchBytes = 64 * 1024 * 1024;

protected:
    void run() override;

private:
    struct Job
    {
        Delivery delivery;
        Finish finish;
        WriteJob write; // a write task instead of a delivery when write.task is set
    };
    struct State;
    struct Batch;

    [[nodiscard]] StoreResult openState(State& state);
    [[nodiscard]] StoreResult recover(State& state);
    void storeBatch(State& state, std::vector<Job>& jobs);
    void runTasks(State& state, std::vector<Job>& jobs);
    [[nodiscard]] StoreResult planBatch(State& state, Batch& batch);
    [[nodiscard]] StoreResult loadMailbox(State& state, Batch& batch, qint64 mailboxId);
    [[nodiscard]] StoreResult resolveFolder(State& state, Batch& batch, qint64 mailboxId, QString name,
                                            bool exact, QString* resolved);
    [[nodiscard]] StoreResult addQuotaNotice(State& state, Batch& batch, qint64 mailboxId, int percent);
    // Writes the batch's files and starts their syncs; waitForSync() collects them.
    [[nodiscard]] StoreResult writeFiles(State& state, Batch& batch);
    [[nodiscard]] StoreResult waitForSync(State& state, Batch& batch);
    void undoBatch(State& state, const Batch& batch);
    void writeFinalMark(State& state);
    void makeSpares(State& state);
    [[nodiscard]] StoreResult insertRows(State& state, Batch& batch);
    void removeFiles(State& state, const Batch& batch);
    [[nodiscard]] QString uniqueName();

    const QString m_dataDir;
    const QString m_databasePath;
    MessageStore* const m_store;
    const QString m_connectionName;
    quint64 m_sequence = 0; // writer thread only

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_queue;
    bool m_running = false;
    bool m_stopping = false;
    qint64 m_batches = 0;

    QSemaphore m_started;
    StoreResult m_startResult;
};

} // namespace pw::service
