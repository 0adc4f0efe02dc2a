#pragma once

#include "service/store/StoreError.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <functional>
#include <vector>

namespace pw::service {

// What a write task of the message store (MessageWriter::enqueueTask) gets: the writer's
// connection, inside an open transaction, and two lists for what must wait for the commit.
// Private to service/store.
struct WriteTransaction
{
    QSqlDatabase db;
    // Message files (relative to the data directory) whose last row the task removed; they are
    // unlinked after the commit. A crash in between leaves files that no row names, which the
    // next open() removes.
    QStringList filesToRemove;
    // Folders whose rows or counters the task changed: MessageStore::folderChanged after the commit.
    QSet<qint64> changedFolders;
};

// Runs on the writer thread; a failure takes back what the task wrote and nothing else.
using WriteTask = std::function<StoreResult(WriteTransaction& transaction)>;
// Runs on the writer thread once the task's transaction is committed (or has failed).
using WriteFinish = std::function<void(const StoreResult& result)>;

struct WriteJob
{
    WriteTask task;
    WriteFinish finish;
};

// Runs write tasks that were queued one after the other in one transaction (they share its
// commit), each in a savepoint of its own, so that one that fails leaves the others. After the
// commit it removes the files the tasks gave up and calls each finish with its own result;
// returns the folders changed by the tasks that were committed.
[[nodiscard]] QSet<qint64> runWriteJobs(const QSqlDatabase& db, const QString& dataDir,
                                        std::vector<WriteJob>& jobs);

} // namespace pw::service
