#include "service/store/MessageWriter.h"

#include "service/store/FileCalls.h"
#include "service/store/MessageIndex.h"
#include "service/store/ParallelSync.h"
#include "service/store/QuotaNotice.h"
#include "service/store/SpareFiles.h"
#include "service/store/StoreFailure.h"
#include "service/store/StoreRecovery.h"
#include "shared/core/LogCategories.h"
#include "shared/crypto/Digest.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::service {

using namespace filecalls;

namespace {

const QString inboxName = QStringLiteral("INBOX");
// Syncs in flight at once; they mostly wait for the disk, so more than the cores pay off.
constexpr int syncThreads = 8;
// Unnamed files kept ready for the next batch (SpareFiles): enough for a batch of 10 sessions.
constexpr int maxSpares = 16;

std::atomic<int> connectionCounter{0};

} // namespace

struct MessageWriter::State
{
    QSqlDatabase db;
    int messagesFd = -1;
    int tmpFd = -1;
    QString monthName;
    int monthFd = -1;
    std::optional<QSqlQuery> selectMailbox, selectFolder, insertFile, insertMessage, updateFolder,
        updateMailbox, writeMark, exec;
    std::unique_ptr<ParallelSync> sync;
    std::optional<MessageIndex> index;
    std::unique_ptr<SpareFiles> spares;
    int sparesWanted = 1; // as many as the last batch had files
    // store.synced_through (StoreRecovery): the highest file id known synced, and the value the
    // database holds. Frozen after a batch whose rows could not be taken back, so that the next
    // open() checks them.
    qint64 syncedThrough = 0;
    qint64 storedMark = 0;
    bool markFrozen = false;
    // Highest message_files.id handed out, see insertRows().
    qint64 highestFileId = 0;

    ~State()
    {
        for (int fd : {messagesFd, tmpFd, monthFd}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
};

namespace {

struct MailboxState
{
    bool exists = false;
    QString address;
    QString domain;
    qint64 quota = 0;
    qint64 used = 0;
    qint64 added = 0; // by this batch, notices excluded
    int notice = 0;
    int newNotice = 0;
};

struct FolderState
{
    qint64 id = 0; // 0: no such folder
    qint64 uidValidity = 0;
    qint64 uidNext = 1;
    qint64 highestModseq = 1;
    bool changed = false;
};

struct FileEntry
{
    QByteArray data;
    QString name;
    int refs = 0;
    bool inTmp = false;
    bool inMonth = false;
    bool quotaExempt = false;
    qint64 id = 0;
    QByteArray sha256{};
    mail::MessageSummary summary{};
};

struct RowEntry
{
    size_t file = 0;
    qint64 mailboxId = 0;
    QString folder;
    qint64 folderId = 0;
    qint64 uid = 0;
    qint64 modseq = 0;
    QString flags;
    QString internalDate;
    qint64 size = 0;
};

struct Notice
{
    qint64 mailboxId = 0;
    QString address;
    int percent = 0;
};

} // namespace

struct MessageWriter::Batch
{
    explicit Batch(std::vector<Job>& batchJobs)
        : jobs(batchJobs)
    {}

    std::vector<Job>& jobs;
    QDateTime now = QDateTime::currentDateTimeUtc();
    QString month = now.toString(QStringLiteral("yyyyMM"));
    std::vector<DeliveryReceipt> receipts;
    std::vector<FileEntry> files;
    std::vector<RowEntry> rows;
    // std::map: references stay valid while entries are added.
    std::map<qint64, MailboxState> mailboxes;
    std::map<std::pair<qint64, QString>, FolderState> folders;
    std::vector<Notice> notices;
    std::vector<int> fds; // the files being synced, open until waitForSync()
    bool syncing = false;
    qint64 mark = -1; // store.synced_through written by this batch, -1 if none

    [[nodiscard]] QString relativePath(const FileEntry& file) const
    {
        return QStringLiteral("messages/%1/%2").arg(month, file.name);
    }
};

MessageWriter::MessageWriter(const QString& dataDir, const QString& databasePath, MessageStore* store)
    : m_dataDir(dataDir)
    , m_databasePath(databasePath)
    , m_store(store)
    , m_connectionName(QStringLiteral("postwarden-writer-%1").arg(++connectionCounter))
{
    setObjectName(QStringLiteral("MessageWriter"));
}

MessageWriter::~MessageWriter()
{
    stopWriter();
}

StoreResult MessageWriter::startWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running)
            return StoreResult::success();
        m_stopping = false;
    }
    start();
    m_started.acquire();
    if (!m_startResult.ok())
        wait();
    return m_startResult;
}

void MessageWriter::stopWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

bool MessageWriter::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running && !m_stopping;
}

qint64 MessageWriter::batchCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_batches;
}

void MessageWriter::enqueue(Delivery delivery, Finish finish)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running && !m_stopping) {
            m_queue.push_back(Job{std::move(delivery), std::move(finish), {}});
            m_wake.wakeOne();
            return;
        }
    }
    finish(StoreResult::failure(StoreErrorCode::Io, tr("The message store is not open.")), {});
}

void MessageWriter::enqueueTask(WriteTask task, WriteFinish finish)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_running && !m_stopping) {
            m_queue.push_back(Job{{}, {}, WriteJob{std::move(task), std::move(finish)}});
            m_wake.wakeOne();
            return;
        }
    }
    finish(StoreResult::failure(StoreErrorCode::Io, tr("The message store is not open.")));
}

void MessageWriter::run()
{
    {
        State state;
        m_startResult = openState(state);
        if (m_startResult.ok())
            m_startResult = recover(state);
        {
            QMutexLocker lock(&m_mutex);
            m_running = m_startResult.ok();
        }
        m_started.release();

        while (m_startResult.ok()) {
            std::vector<Job> jobs;
            {
                QMutexLocker lock(&m_mutex);
                while (m_queue.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty())
                    break; // stopping, and everything handed over is stored
                // Everything that waits now goes into one batch: the sessions that handed it
                // over share the directory fsync and the commit. Write tasks form batches of
                // their own, so that everything is stored in the order it was handed over.
                const bool tasks = bool(m_queue.front().write.task);
                qint64 bytes = 0;
                while (!m_queue.empty() && bool(m_queue.front().write.task) == tasks &&
                       int(jobs.size()) < maxBatchDeliveries &&
                       (jobs.empty() || bytes + m_queue.front().delivery.message.size() <= maxBatchBytes)) {
                    bytes += m_queue.front().delivery.message.size();
                    jobs.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
            }
            if (jobs.front().write.task)
                runTasks(state, jobs);
            else
                storeBatch(state, jobs);
            makeSpares(state);
        }
        if (m_startResult.ok())
            writeFinalMark(state);
        QMutexLocker lock(&m_mutex);
        m_running = false;
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreResult MessageWriter::openState(State& state)
{
    const QByteArray messages = QFile::encodeName(m_dataDir + QStringLiteral("/messages"));
    bool created = false;
    if (const int error = makeDirectory(AT_FDCWD, messages.constData(), &created))
        return StoreFailure::file(error, tr("Cannot create %1: %2."), QString::fromLocal8Bit(messages));
    if (created) {
        if (const int dataFd = openDirectory(AT_FDCWD, QFile::encodeName(m_dataDir).constData());
            dataFd >= 0) {
            ::fsync(dataFd);
            ::close(dataFd);
        }
    }
    state.messagesFd = openDirectory(AT_FDCWD, messages.constData());
    if (state.messagesFd < 0)
        return StoreFailure::file(errno, tr("Cannot open %1: %2."), QString::fromLocal8Bit(messages));
    if (const int error = makeDirectory(state.messagesFd, "tmp", &created))
        return StoreFailure::file(error, tr("Cannot create %1: %2."),
                                  QString::fromLocal8Bit(messages + "/tmp"));
    if (created)
        ::fsync(state.messagesFd);
    state.tmpFd = openDirectory(state.messagesFd, "tmp");
    if (state.tmpFd < 0)
        return StoreFailure::file(errno, tr("Cannot open %1: %2."),
                                  QString::fromLocal8Bit(messages + "/tmp"));

    // Same settings as Database: a commit is durable, and a busy main connection is waited for.
    state.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    state.db.setDatabaseName(m_databasePath);
    state.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!state.db.open())
        return StoreResult::failure(
            StoreErrorCode::Io, tr("Cannot open %1: %2").arg(m_databasePath, state.db.lastError().text()));
    state.sync = std::make_unique<ParallelSync>(syncThreads);
    state.spares = std::make_unique<SpareFiles>(state.tmpFd);
    state.exec.emplace(state.db);
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (!state.exec->exec(QLatin1String(pragma)))
            return StoreFailure::sql(state.exec->lastError());
    }
    if (!state.exec->exec(QStringLiteral("PRAGMA user_version")) || !state.exec->next())
        return StoreFailure::sql(state.exec->lastError());
    if (state.exec->value(0).toInt() < 5)
        return StoreResult::failure(StoreErrorCode::Corrupt,
                                    tr("%1 has no message tables yet (schema version %2).")
                                        .arg(m_databasePath)
                                        .arg(state.exec->value(0).toInt()));
    state.exec->finish();

    const auto prepare = [&state](std::optional<QSqlQuery>& query, const QString& sql) {
        query.emplace(state.db);
        return query->prepare(sql);
    };
    const bool prepared =
        prepare(state.selectMailbox,
                QStringLiteral("SELECT m.address, m.quota_bytes, m.used_bytes, m.quota_notice, d.name "
                               "FROM mailboxes m JOIN domains d ON d.id = m.domain_id WHERE m.id = ?")) &&
        prepare(state.selectFolder,
                QStringLiteral("SELECT id, uidnext, highest_modseq, uidvalidity FROM folders "
                               "WHERE mailbox_id = ? AND name = ?")) &&
        prepare(
            state.insertFile,
            QStringLiteral("INSERT INTO message_files (id, path, size, refs, received, sha256, quota_exempt) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)")) &&
        prepare(state.writeMark, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('%1', ?)")
                                     .arg(QLatin1String(StoreRecovery::syncedThroughKey))) &&
        prepare(state.insertMessage,
                QStringLiteral("INSERT INTO messages (folder_id, file_id, uid, modseq, flags, internal_date, "
                               "size) VALUES (?, ?, ?, ?, coalesce(?, ''), ?, ?)")) &&
        prepare(state.updateFolder,
                QStringLiteral("UPDATE folders SET uidnext = ?, highest_modseq = ? WHERE id = ?")) &&
        prepare(state.updateMailbox, QStringLiteral("UPDATE mailboxes SET used_bytes = used_bytes + ?, "
                                                    "quota_notice = max(quota_notice, ?) WHERE id = ?"));
    if (!prepared)
        return StoreFailure::sql(state.db.lastError());
    state.index.emplace(state.db);
    return state.index->prepare();
}

// Before the store reports open: what a crash left (StoreRecovery), and the summaries of the
// files of versions before migration 5.
StoreResult MessageWriter::recover(State& state)
{
    StoreRecovery recovery(state.db, m_dataDir);
    if (auto result = recovery.removeLeftovers(&state.syncedThrough, &state.highestFileId); !result.ok())
        return result;
    state.storedMark = state.syncedThrough;
    int added = 0;
    auto result = MessageIndex::addMissing(state.db, m_dataDir, &added);
    if (added > 0)
        qCInfo(lcStore) << "summarized" << added << "message files stored by an earlier version";
    return result;
}

QString MessageWriter::uniqueName()
{
    // Time first, so a directory listing is in delivery order; the random part keeps names
    // apart across restarts and other processes.
    return QStringLiteral("%1.%2.%3")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++m_sequence)
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

void MessageWriter::storeBatch(State& state, std::vector<Job>& jobs)
{
    Batch batch{jobs};
    StoreResult result = StoreResult::success();
    // IMMEDIATE: the batch reads the counters it then bumps, so it takes the write lock first.
    if (!state.exec->exec(QStringLiteral("BEGIN IMMEDIATE")))
        result = StoreFailure::sql(state.exec->lastError());
    if (result.ok())
        result = planBatch(state, batch);
    // The files' syncs run while this thread inserts the rows and commits them: a single
    // session waits for the longer of the two rounds instead of their sum. Committing rows
    // whose files may not be on disk yet is safe because (1) nobody is told before both rounds
    // are done: the callbacks below run after waitForSync(), so a crash in between loses only
    // deliveries that were never acknowledged, which their senders will retry; (2) those rows
    // are above store.synced_through, which only a later transaction moves past them, once
    // their syncs are complete, so the next open() finds them and StoreRecovery takes away the
    // ones whose file is missing, short or different; (3) UIDs and modseqs stay counted up, so
    // a row that a reader saw and that recovery then removed never has its UID handed out again.
    if (result.ok())
        result = writeFiles(state, batch);
    // While the files' syncs run: the summaries cost CPU only, which the syncs leave idle.
    if (result.ok()) {
        for (FileEntry& file : batch.files)
            file.summary = mail::summarizeMessage(file.data);
    }
    if (result.ok())
        result = insertRows(state, batch);
    bool committed = false;
    if (result.ok()) {
        committed = state.exec->exec(QStringLiteral("COMMIT"));
        if (!committed)
            result = StoreFailure::sql(state.exec->lastError());
    }
    // Always, also after a failure: the descriptors and files must not go while being synced.
    const StoreResult synced = waitForSync(state, batch);
    if (committed) {
        if (batch.mark >= 0)
            state.storedMark = batch.mark;
        if (!synced.ok()) {
            result = synced;
            undoBatch(state, batch);
        }
    }

    if (!result.ok()) {
        if (!committed)
            state.exec->exec(QStringLiteral("ROLLBACK"));
        removeFiles(state, batch);
        qCWarning(lcStore) << "a batch of" << jobs.size() << "deliveries failed:" << result.message;
        for (Job& job : jobs) {
            qCDebug(lcStore) << "session" << job.delivery.sessionId << "not stored";
            job.finish(result, {});
        }
        return;
    }

    // The next batch's transaction records that these files are on disk.
    if (!batch.files.empty() && !state.markFrozen)
        state.syncedThrough = std::max(state.syncedThrough, batch.files.back().id);
    {
        QMutexLocker lock(&m_mutex);
        ++m_batches;
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
        qCDebug(lcStore) << "session" << jobs[i].delivery.sessionId << "stored" << batch.receipts[i].file
                         << "for" << batch.receipts[i].storedCount() << "of"
                         << jobs[i].delivery.targets.size() << "targets";
        jobs[i].finish(result, batch.receipts[i]);
    }

    struct Event
    {
        qint64 mailboxId;
        QString folder;
        qint64 uid;
    };
    std::vector<Event> events;
    events.reserve(batch.rows.size());
    for (const RowEntry& row : batch.rows)
        events.push_back({row.mailboxId, row.folder, row.uid});
    std::vector<qint64> folders;
    for (const auto& [key, folder] : batch.folders) {
        if (folder.changed)
            folders.push_back(folder.id);
    }
    // The store outlives this thread (its close() joins it), so the pointer is safe to post to.
    QMetaObject::invokeMethod(
        m_store,
        [store = m_store, events = std::move(events), folders = std::move(folders),
         notices = std::move(batch.notices)] {
            for (const Event& event : events)
                emit store->delivered(event.mailboxId, event.folder, event.uid);
            for (qint64 folder : folders)
                emit store->folderChanged(folder);
            for (const Notice& notice : notices)
                emit store->quotaCrossed(notice.mailboxId, notice.address, notice.percent);
        },
        Qt::QueuedConnection);
}

void MessageWriter::runTasks(State& state, std::vector<Job>& jobs)
{
    std::vector<WriteJob> writes;
    writes.reserve(jobs.size());
    for (Job& job : jobs)
        writes.push_back(std::move(job.write));
    const QSet<qint64> changed = runWriteJobs(state.db, m_dataDir, writes);
    if (changed.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_store,
        [store = m_store, changed] {
            for (qint64 folder : changed)
                emit store->folderChanged(folder);
        },
        Qt::QueuedConnection);
}

StoreResult MessageWriter::loadMailbox(State& state, Batch& batch, qint64 mailboxId)
{
    if (batch.mailboxes.count(mailboxId))
        return StoreResult::success();
    QSqlQuery& query = *state.selectMailbox;
    query.addBindValue(mailboxId);
    if (!query.exec())
        return StoreFailure::sql(query.lastError());
    MailboxState mailbox;
    if (query.next()) {
        mailbox.exists = true;
        mailbox.address = query.value(0).toString();
        mailbox.quota = query.value(1).toLongLong();
        mailbox.used = query.value(2).toLongLong();
        mailbox.notice = query.value(3).toInt();
        mailbox.domain = query.value(4).toString();
    }
    query.finish();
    batch.mailboxes.emplace(mailboxId, mailbox);
    return StoreResult::success();
}

// A folder that is gone (say the user deleted Junk) does not lose the mail: it goes to INBOX.
StoreResult MessageWriter::resolveFolder(State& state, Batch& batch, qint64 mailboxId, QString name,
                                         bool exact, QString* resolved)
{
    if (name.isEmpty() || name.compare(inboxName, Qt::CaseInsensitive) == 0)
        name = inboxName; // RFC 3501 5.1: INBOX is case-insensitive
    const auto key = std::make_pair(mailboxId, name);
    auto found = batch.folders.find(key);
    if (found == batch.folders.end()) {
        QSqlQuery& query = *state.selectFolder;
        query.addBindValue(mailboxId);
        query.addBindValue(name);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
        FolderState folder;
        if (query.next()) {
            folder.id = query.value(0).toLongLong();
            folder.uidNext = query.value(1).toLongLong();
            folder.highestModseq = query.value(2).toLongLong();
            folder.uidValidity = query.value(3).toLongLong();
        }
        query.finish();
        found = batch.folders.emplace(key, folder).first;
    }
    if (found->second.id != 0) {
        *resolved = name;
        return StoreResult::success();
    }
    if (name != inboxName && !exact)
        return resolveFolder(state, batch, mailboxId, inboxName, false, resolved);
    resolved->clear();
    return StoreResult::success();
}

StoreResult MessageWriter::planBatch(State& state, Batch& batch)
{
    const QString nowText = batch.now.toString(Qt::ISODate);
    batch.receipts.resize(batch.jobs.size());
    for (size_t i = 0; i < batch.jobs.size(); ++i) {
        const Delivery& delivery = batch.jobs[i].delivery;
        DeliveryReceipt& receipt = batch.receipts[i];
        const qint64 size = delivery.message.size();
        const QString internalDate =
            delivery.internalDate.isValid() ? delivery.internalDate.toUTC().toString(Qt::ISODate) : nowText;
        std::optional<size_t> file;
        for (const DeliveryTarget& target : delivery.targets) {
            DeliveryReceipt::Target outcome;
            if (auto result = loadMailbox(state, batch, target.mailboxId); !result.ok())
                return result;
            QString folderName;
            if (batch.mailboxes[target.mailboxId].exists) {
                if (auto result = resolveFolder(state, batch, target.mailboxId, target.folder,
                                                target.exactFolder, &folderName);
                    !result.ok())
                    return result;
            }
            MailboxState& mailbox = batch.mailboxes[target.mailboxId];
            if (folderName.isEmpty()) {
                outcome.outcome = DeliveryReceipt::TargetOutcome::NoSuchMailbox;
            } else if (mailbox.quota > 0 && mailbox.used + mailbox.added + size > mailbox.quota) {
                outcome.outcome = DeliveryReceipt::TargetOutcome::OverQuota;
            } else {
                if (!file) {
                    file = batch.files.size();
                    batch.files.push_back(FileEntry{delivery.message, uniqueName()});
                    receipt.file = batch.relativePath(batch.files.back());
                }
                ++batch.files[*file].refs;
                mailbox.added += size;
                FolderState& folder = batch.folders[std::make_pair(target.mailboxId, folderName)];
                outcome.uid = folder.uidNext++;
                outcome.folderId = folder.id;
                outcome.uidValidity = folder.uidValidity;
                folder.changed = true;
                batch.rows.push_back(RowEntry{*file, target.mailboxId, folderName, folder.id, outcome.uid,
                                              ++folder.highestModseq, target.flags.join(QLatin1Char(' ')),
                                              internalDate, size});
            }
            receipt.targets.append(outcome);
        }
    }

    // One notice per mailbox and batch, for the highest level crossed: a delivery that jumps
    // from 70 % to 97 % gets the 95 % notice only.
    for (auto& [mailboxId, mailbox] : batch.mailboxes) {
        if (!mailbox.exists || mailbox.quota <= 0 || mailbox.added == 0)
            continue;
        const qint64 used = mailbox.used + mailbox.added;
        const int level = used * 100 >= mailbox.quota * 95 ? 95 : used * 100 >= mailbox.quota * 80 ? 80 : 0;
        if (level > mailbox.notice) {
            if (auto result = addQuotaNotice(state, batch, mailboxId, level); !result.ok())
                return result;
        }
    }
    return StoreResult::success();
}

StoreResult MessageWriter::addQuotaNotice(State& state, Batch& batch, qint64 mailboxId, int percent)
{
    QString folderName;
    if (auto result = resolveFolder(state, batch, mailboxId, inboxName, false, &folderName); !result.ok())
        return result;
    MailboxState& mailbox = batch.mailboxes[mailboxId];
    mailbox.newNotice = percent;
    batch.notices.push_back(Notice{mailboxId, mailbox.address, percent});
    if (folderName.isEmpty())
        return StoreResult::success(); // no INBOX to put it in; the event still tells the admin

    const QByteArray message = QuotaNotice::compose(mailbox.address, mailbox.domain, percent,
                                                    mailbox.used + mailbox.added, mailbox.quota, batch.now);

    const size_t file = batch.files.size();
    batch.files.push_back(FileEntry{message, uniqueName(), 1});
    batch.files.back().quotaExempt = true;
    FolderState& folder = batch.folders[std::make_pair(mailboxId, folderName)];
    folder.changed = true;
    const qint64 uid = folder.uidNext++;
    // Not added to used_bytes: the warning must not itself push the mailbox over its quota.
    batch.rows.push_back(RowEntry{file,
                                  mailboxId,
                                  folderName,
                                  folder.id,
                                  uid,
                                  ++folder.highestModseq,
                                  {},
                                  batch.now.toString(Qt::ISODate),
                                  message.size()});
    qCInfo(lcStore) << "mailbox" << mailbox.address << "crossed" << percent << "% of its quota";
    return StoreResult::success();
}

StoreResult MessageWriter::writeFiles(State& state, Batch& batch)
{
    if (batch.files.empty())
        return StoreResult::success();
    const QString messagesPath = m_dataDir + QStringLiteral("/messages/");
    if (state.monthName != batch.month) {
        const QByteArray month = batch.month.toLatin1();
        bool created = false;
        if (const int error = makeDirectory(state.messagesFd, month.constData(), &created))
            return StoreFailure::file(error, tr("Cannot create %1: %2."), messagesPath + batch.month);
        // The new directory entry must be as durable as the files that will be in it.
        if (created && ::fsync(state.messagesFd) != 0)
            return StoreFailure::file(errno, tr("Cannot write %1 to the disk: %2."), messagesPath);
        const int fd = openDirectory(state.messagesFd, month.constData());
        if (fd < 0)
            return StoreFailure::file(errno, tr("Cannot open %1: %2."), messagesPath + batch.month);
        if (state.monthFd >= 0)
            ::close(state.monthFd);
        state.monthFd = fd;
        state.monthName = batch.month;
    }

    std::vector<int>& fds = batch.fds; // closed by waitForSync()
    state.sparesWanted = std::clamp(int(batch.files.size()), 1, maxSpares);
    for (FileEntry& file : batch.files) {
        const QByteArray name = QFile::encodeName(file.name);
        if (const int spare = state.spares->take(); spare >= 0) {
            // Named only once it is whole, like a renamed one, and for the same reasons.
            const QString path = messagesPath + batch.month + QLatin1Char('/') + file.name;
            fds.push_back(spare);
            if (const int error = writeAll(spare, file.data.constData(), file.data.size()))
                return StoreFailure::file(error, tr("Cannot write %1: %2."), path);
            if (const int error = SpareFiles::link(spare, state.monthFd, name.constData()))
                return StoreFailure::file(error, tr("Cannot move %1 into place: %2."), path);
            file.inMonth = true;
            file.sha256 = crypto::Digest::sha256(file.data);
            continue;
        }
        const QString tmpPath = messagesPath + QStringLiteral("tmp/") + file.name;
        const int fd = ::openat(state.tmpFd, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return StoreFailure::file(errno, tr("Cannot create %1: %2."), tmpPath);
        fds.push_back(fd);
        file.inTmp = true;
        if (const int error = writeAll(fd, file.data.constData(), file.data.size()))
            return StoreFailure::file(error, tr("Cannot write %1: %2."), tmpPath);
        // Renamed before it is synced, which saves the batch a round of syncs: a crash before
        // the commit leaves a name that no row refers to, which open() removes; one after it
        // leaves a row above store.synced_through, which open() checks.
        if (::renameat(state.tmpFd, name.constData(), state.monthFd, name.constData()) != 0)
            return StoreFailure::file(errno, tr("Cannot move %1 into place: %2."), tmpPath);
        file.inTmp = false;
        file.inMonth = true;
        file.sha256 = crypto::Digest::sha256(file.data);
    }
    // The files' contents and the month directory (every rename of the batch) are synced side
    // by side, so the file system can fold them into one journal commit. messages/tmp/ is not
    // synced: an entry that comes back there after a crash is removed by the next open().
    std::vector<ParallelSync::Item> items;
    items.reserve(fds.size() + 1);
    for (int fd : fds)
        items.push_back({fd, true});
    items.push_back({state.monthFd, false});
    state.sync->start(std::move(items));
    batch.syncing = true;
    return StoreResult::success();
}

StoreResult MessageWriter::waitForSync(State& state, Batch& batch)
{
    const auto closeFiles = qScopeGuard([&batch] {
        for (int fd : batch.fds)
            ::close(fd);
        batch.fds.clear();
    });
    if (!batch.syncing)
        return StoreResult::success();
    batch.syncing = false;
    const QString messagesPath = m_dataDir + QStringLiteral("/messages/");
    const std::vector<int> errors = state.sync->wait();
    for (size_t i = 0; i < errors.size(); ++i) {
        if (errors[i] != 0)
            return StoreFailure::file(errors[i], tr("Cannot write %1 to the disk: %2."),
                                      i < batch.files.size() ? messagesPath + batch.month + QLatin1Char('/') +
                                                                   batch.files[i].name
                                                             : messagesPath + batch.month);
    }
    return StoreResult::success();
}

// A batch whose rows are committed but whose files could not be synced: its deliveries are
// refused, so its rows go again. If that fails too, the mark stops moving, and the next open()
// checks (and most likely removes) them, since removeFiles() takes the files away.
void MessageWriter::undoBatch(State& state, const Batch& batch)
{
    QSqlQuery query(state.db);
    bool ok = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    for (size_t i = 0; ok && i < batch.files.size(); ++i) {
        for (const char* sql :
             {"DELETE FROM messages WHERE file_id = ?", "DELETE FROM message_files WHERE id = ?"}) {
            query.prepare(QLatin1String(sql));
            query.addBindValue(batch.files[i].id);
            ok = ok && query.exec();
        }
    }
    for (auto it = batch.mailboxes.cbegin(); ok && it != batch.mailboxes.cend(); ++it) {
        const MailboxState& mailbox = it->second;
        if (mailbox.added == 0 && mailbox.newNotice == 0)
            continue;
        query.prepare(
            QStringLiteral("UPDATE mailboxes SET used_bytes = max(0, used_bytes - ?), "
                           "quota_notice = CASE WHEN ? > 0 THEN ? ELSE quota_notice END WHERE id = ?"));
        query.addBindValue(mailbox.added);
        query.addBindValue(mailbox.newNotice);
        query.addBindValue(mailbox.notice);
        query.addBindValue(it->first);
        ok = query.exec();
    }
    ok = ok && query.exec(QStringLiteral("COMMIT"));
    if (ok)
        return;
    qCWarning(lcStore) << "cannot take back the rows of a batch whose files were not synced:"
                       << query.lastError().text();
    QSqlQuery(state.db).exec(QStringLiteral("ROLLBACK"));
    state.markFrozen = true;
}

void MessageWriter::writeFinalMark(State& state)
{
    if (state.syncedThrough <= state.storedMark)
        return;
    QSqlQuery& query = *state.writeMark;
    query.addBindValue(QString::number(state.syncedThrough));
    if (query.exec())
        state.storedMark = state.syncedThrough;
    else
        qCWarning(lcStore) << "cannot record the synced message files:" << query.lastError().text();
}

// Between batches, while the sessions prepare their next messages, the writer makes the files
// that the next batch will write to, but stops as soon as a delivery is waiting.
void MessageWriter::makeSpares(State& state)
{
    while (state.spares->count() < state.sparesWanted) {
        {
            QMutexLocker lock(&m_mutex);
            if (!m_queue.empty() || m_stopping)
                return;
        }
        if (!state.spares->add())
            return;
    }
}

StoreResult MessageWriter::insertRows(State& state, Batch& batch)
{
    const QString received = batch.now.toString(Qt::ISODate);
    // Ids go above every id ever handed out, not max(id) + 1 as SQLite would choose once the
    // highest row is gone: an id at or below store.synced_through must never name a file that
    // is still being synced.
    QSqlQuery& highest = *state.exec;
    if (!highest.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM message_files")) || !highest.next())
        return StoreFailure::sql(highest.lastError());
    state.highestFileId = std::max(state.highestFileId, highest.value(0).toLongLong());
    highest.finish();
    for (FileEntry& file : batch.files) {
        QSqlQuery& query = *state.insertFile;
        file.id = ++state.highestFileId;
        query.addBindValue(file.id);
        query.addBindValue(batch.relativePath(file));
        query.addBindValue(file.data.size());
        query.addBindValue(file.refs);
        query.addBindValue(received);
        query.addBindValue(file.sha256);
        query.addBindValue(file.quotaExempt ? 1 : 0);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
        if (auto result = state.index->add(file.id, file.summary); !result.ok())
            return result;
    }
    // Only earlier batches, whose syncs are complete: this batch's own are still running.
    if (state.syncedThrough > state.storedMark) {
        QSqlQuery& query = *state.writeMark;
        query.addBindValue(QString::number(state.syncedThrough));
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
        batch.mark = state.syncedThrough;
    }
    for (const RowEntry& row : batch.rows) {
        QSqlQuery& query = *state.insertMessage;
        query.addBindValue(row.folderId);
        query.addBindValue(batch.files[row.file].id);
        query.addBindValue(row.uid);
        query.addBindValue(row.modseq);
        query.addBindValue(row.flags);
        query.addBindValue(row.internalDate);
        query.addBindValue(row.size);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
    }
    for (const auto& [key, folder] : batch.folders) {
        if (!folder.changed)
            continue;
        QSqlQuery& query = *state.updateFolder;
        query.addBindValue(folder.uidNext);
        query.addBindValue(folder.highestModseq);
        query.addBindValue(folder.id);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
    }
    for (const auto& [mailboxId, mailbox] : batch.mailboxes) {
        if (mailbox.added == 0 && mailbox.newNotice == 0)
            continue;
        QSqlQuery& query = *state.updateMailbox;
        query.addBindValue(mailbox.added);
        query.addBindValue(mailbox.newNotice);
        query.addBindValue(mailboxId);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
    }
    return StoreResult::success();
}

void MessageWriter::removeFiles(State& state, const Batch& batch)
{
    for (const FileEntry& file : batch.files) {
        const QByteArray name = QFile::encodeName(file.name);
        if (file.inTmp)
            ::unlinkat(state.tmpFd, name.constData(), 0);
        if (file.inMonth)
            ::unlinkat(state.monthFd, name.constData(), 0);
    }
}

} // namespace pw::service
