#pragma once

#include "service/store/FolderStore.h"
#include "service/store/MessageFlags.h"
#include "service/store/WriteTask.h"

#include <vector>

namespace pw::service {

// The writes of FolderStore on message rows: flags, expunge, copy and move, and the removal of
// a whole folder's rows. Runs on the writer thread inside a WriteTransaction. Every row keeps
// used_bytes of its mailbox right (the rows of quota notices are not counted) and the refs
// of its file; a file whose last row goes is removed after the commit. Private to service/store.
class MessageRows
{
public:
    explicit MessageRows(WriteTransaction& transaction);

    [[nodiscard]] StoreResult storeFlags(qint64 folderId, const QList<qint64>& uids, MessageFlags::Mode mode,
                                         const QStringList& flags, qint64 unchangedSince,
                                         QList<FolderMessage>* changed, QList<qint64>* refused);
    [[nodiscard]] StoreResult expunge(qint64 folderId, const QList<qint64>& uids, QList<qint64>* expunged);
    [[nodiscard]] StoreResult copy(qint64 folderId, const QList<qint64>& uids, qint64 destFolderId, bool move,
                                   qint64* destUidValidity, QList<QPair<qint64, qint64>>* uidMap);
    // Every row of the folder, for its removal: nothing is recorded in expunged, the folder goes.
    [[nodiscard]] StoreResult removeAll(qint64 folderId);

    struct Folder
    {
        qint64 id = 0;
        qint64 mailboxId = 0;
        qint64 uidValidity = 0;
        qint64 uidNext = 1;
        qint64 highestModseq = 1;
    };
    // StoreErrorCode::NotFound when there is no such folder.
    [[nodiscard]] StoreResult loadFolder(qint64 folderId, Folder* folder);

private:
    struct Row
    {
        qint64 id = 0;
        qint64 uid = 0;
        qint64 modseq = 0;
        qint64 fileId = 0;
        qint64 size = 0;
        bool quotaExempt = false;
        QString flags;
        QString internalDate;
        QString file;
    };
    // The folder's rows among `uids` (sorted, no duplicates; null: all), in UID order.
    [[nodiscard]] StoreResult selectRows(qint64 folderId, const QList<qint64>* uids, std::vector<Row>* rows);
    // Deletes the rows, fixes refs, drops files without rows and gives the bytes back; with
    // `record` the UIDs go into expunged with a new modseq of the folder.
    [[nodiscard]] StoreResult release(Folder& folder, const std::vector<Row>& rows, bool record);
    [[nodiscard]] StoreResult saveCounters(const Folder& folder);
    [[nodiscard]] StoreResult addUsedBytes(qint64 mailboxId, qint64 bytes);

    WriteTransaction& m_transaction;
};

} // namespace pw::service
