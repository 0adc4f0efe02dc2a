#pragma once

#include "service/store/StoreError.h"
#include "service/store/WriteTask.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QSqlDatabase;

namespace pw::service {

// One folder of one mailbox that a delivery goes to.
struct DeliveryTarget
{
    qint64 mailboxId = 0;
    QString folder = QStringLiteral("INBOX");
    QStringList flags; // e.g. "$Junk" for DMARC quarantine
    // A delivery whose folder is gone lands in INBOX; APPEND names its folder exactly, and a
    // missing one is NoSuchMailbox.
    bool exactFolder = false;
};

struct Delivery
{
    QByteArray message; // the whole message as stored: our trace headers first, CRLF line ends
    QList<DeliveryTarget> targets;
    QDateTime internalDate; // invalid = now
    QString sessionId;      // for the log
};

// What happened to each target, in the order given.
struct DeliveryReceipt
{
    enum class TargetOutcome
    {
        Stored,
        OverQuota,     // 552 5.2.2: the target was skipped, the others were stored
        NoSuchMailbox, // removed between RCPT and the end of DATA
    };
    struct Target
    {
        TargetOutcome outcome = TargetOutcome::Stored;
        qint64 uid = 0;
        qint64 folderId = 0; // where it was stored, with the folder's UIDVALIDITY
        qint64 uidValidity = 0;
    };
    QList<Target> targets;
    QString file; // relative path of the stored copy; empty when nothing was stored

    [[nodiscard]] int storedCount() const;
};

// A message row, for tests, the console and (later) IMAP.
struct StoredMessage
{
    qint64 id = 0;
    qint64 uid = 0;
    qint64 modseq = 0;
    qint64 size = 0;
    QStringList flags;
    QDateTime internalDate;
    QString file; // relative to the data directory
};

class MessageWriter;

// The only code that writes mail to disk (DESIGN: Storage). Deliveries are handed to a writer
// thread that group-commits the deliveries of concurrent sessions: it writes each message once,
// to an unnamed file made ahead of time (SpareFiles) or to messages/tmp/, names it in
// messages/<yyyymm>/ once it is whole, and syncs the batch's files and month
// directory while it commits the rows of the whole batch (message_files, messages, folder
// counters, used_bytes) in one transaction on its own connection. Only when both are done does
// `done` run: a delivery reported as stored is on disk and visible to every reader.
//
// Quota: a target whose mailbox would go over its quota is skipped (OverQuota). When a
// delivery takes a mailbox across 80 % or 95 % of its quota, the writer stores a notice in its
// INBOX (not counted against the quota), updates mailboxes.quota_notice, and emits quotaCrossed.
//
// open() removes leftovers of a crash: files in messages/tmp/, files that no row references, and
// rows committed after the last known sync whose file is missing, short or different
// (StoreRecovery): their deliveries were never acknowledged.
class MessageStore : public QObject
{
    Q_OBJECT

public:
    MessageStore(const QString& dataDir, const QString& databasePath, QObject* parent = nullptr);
    ~MessageStore() override;

    [[nodiscard]] StoreResult open();
    // Finishes every delivery already handed over, then stops the writer thread.
    void close();

    using DeliveryCallback = std::function<void(const StoreResult& result, const DeliveryReceipt& receipt)>;
    // `done` runs on the thread of `context` (not at all if context is gone by then); with a null
    // context it runs on the writer thread, so it must be quick and thread-safe.
    void deliver(Delivery delivery, QObject* context, DeliveryCallback done);
    // Blocks until stored: for tests and tools, never on the event loop of a server.
    [[nodiscard]] StoreResult deliverAndWait(Delivery delivery, DeliveryReceipt* receipt = nullptr);

    // Reads run on the caller's thread through a connection of the caller's own.
    [[nodiscard]] QList<StoredMessage> messages(qint64 mailboxId, const QString& folder) const;
    [[nodiscard]] QByteArray readFile(const QString& relativePath) const;

    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    // Batches committed since open(): deliveries per batch tell how well commits are shared.
    [[nodiscard]] qint64 batchCount() const;

signals:
    void delivered(qint64 mailboxId, const QString& folder, qint64 uid);
    void quotaCrossed(qint64 mailboxId, const QString& address, int percent);
    // After every commit that changed the folder's rows or the folder itself: deliveries,
    // APPEND and every write of FolderStore. Once per folder and commit.
    void folderChanged(qint64 folderId);

private:
    // FolderStore reads through readConnection() and writes through write().
    friend class FolderStore;
    // Runs `task` on the writer thread, in order with the deliveries, in a transaction of its own
    // (shared with the tasks queued next to it); `finish` runs on the writer thread after the
    // commit, or at once on the caller's thread if the store is not open.
    void write(WriteTask task, WriteFinish finish);

    struct ReadConnections;
    [[nodiscard]] QSqlDatabase readConnection() const;

    QString m_dataDir;
    QString m_databasePath;
    std::unique_ptr<MessageWriter> m_writer;
    std::shared_ptr<ReadConnections> m_readConnections;
};

} // namespace pw::service
