#include "service/store/MessageRows.h"

#include "service/store/FolderRows.h"
#include "service/store/StoreFailure.h"

#include <QSqlQuery>
#include <algorithm>
#include <limits>
#include <map>

namespace pw::service {

namespace {

QList<qint64> sortedUnique(QList<qint64> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return uids;
}

} // namespace

MessageRows::MessageRows(WriteTransaction& transaction)
    : m_transaction(transaction)
{}

StoreResult MessageRows::loadFolder(qint64 folderId, Folder* folder)
{
    QSqlQuery query(m_transaction.db);
    query.prepare(
        QStringLiteral("SELECT mailbox_id, uidvalidity, uidnext, highest_modseq FROM folders WHERE id = ?"));
    query.addBindValue(folderId);
    if (!query.exec())
        return StoreFailure::sql(query);
    if (!query.next())
        return StoreResult::failure(StoreErrorCode::NotFound, QStringLiteral("No such folder."));
    folder->id = folderId;
    folder->mailboxId = query.value(0).toLongLong();
    folder->uidValidity = query.value(1).toLongLong();
    folder->uidNext = query.value(2).toLongLong();
    folder->highestModseq = query.value(3).toLongLong();
    return StoreResult::success();
}

StoreResult MessageRows::selectRows(qint64 folderId, const QList<qint64>* uids, std::vector<Row>* rows)
{
    rows->clear();
    if (uids && uids->isEmpty())
        return StoreResult::success();
    QSqlQuery query(m_transaction.db);
    query.setForwardOnly(true);
    // One range over the folder's UID index, however many UIDs: a STORE 1:* names them all.
    query.prepare(QStringLiteral(
        "SELECT m.id, m.uid, m.modseq, m.file_id, m.size, f.quota_exempt, m.flags, m.internal_date, f.path "
        "FROM messages m JOIN message_files f ON f.id = m.file_id "
        "WHERE m.folder_id = ? AND m.uid BETWEEN ? AND ? ORDER BY m.uid"));
    query.addBindValue(folderId);
    query.addBindValue(uids ? uids->first() : 0);
    query.addBindValue(uids ? uids->last() : std::numeric_limits<qint64>::max());
    if (!query.exec())
        return StoreFailure::sql(query);
    while (query.next()) {
        const qint64 uid = query.value(1).toLongLong();
        if (uids && !std::binary_search(uids->cbegin(), uids->cend(), uid))
            continue;
        rows->push_back(Row{query.value(0).toLongLong(), uid, query.value(2).toLongLong(),
                            query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toBool(),
                            query.value(6).toString(), query.value(7).toString(), query.value(8).toString()});
    }
    return StoreResult::success();
}

StoreResult MessageRows::saveCounters(const Folder& folder)
{
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("UPDATE folders SET uidnext = ?, highest_modseq = ? WHERE id = ?"));
    query.addBindValue(folder.uidNext);
    query.addBindValue(folder.highestModseq);
    query.addBindValue(folder.id);
    if (!query.exec())
        return StoreFailure::sql(query);
    m_transaction.changedFolders.insert(folder.id);
    return StoreResult::success();
}

StoreResult MessageRows::addUsedBytes(qint64 mailboxId, qint64 bytes)
{
    if (bytes == 0)
        return StoreResult::success();
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("UPDATE mailboxes SET used_bytes = max(0, used_bytes + ?) WHERE id = ?"));
    query.addBindValue(bytes);
    query.addBindValue(mailboxId);
    return query.exec() ? StoreResult::success() : StoreFailure::sql(query);
}

StoreResult MessageRows::release(Folder& folder, const std::vector<Row>& rows, bool record)
{
    if (rows.empty())
        return StoreResult::success();
    QSqlQuery remove(m_transaction.db);
    QSqlQuery expunged(m_transaction.db);
    remove.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    expunged.prepare(QStringLiteral("INSERT INTO expunged (folder_id, uid, modseq) VALUES (?, ?, ?)"));
    // One modseq for the whole expunge: CONDSTORE asks what vanished after a modseq, never in
    // which order.
    const qint64 modseq = record ? ++folder.highestModseq : 0;
    qint64 bytes = 0;
    std::map<qint64, QString> files;
    for (const Row& row : rows) {
        remove.addBindValue(row.id);
        if (!remove.exec())
            return StoreFailure::sql(remove);
        if (record) {
            expunged.addBindValue(folder.id);
            expunged.addBindValue(row.uid);
            expunged.addBindValue(modseq);
            if (!expunged.exec())
                return StoreFailure::sql(expunged);
        }
        if (!row.quotaExempt)
            bytes += row.size;
        files.emplace(row.fileId, row.file);
    }

    // refs is set from the rows that are left rather than counted down, so a count gone wrong
    // can never take away a file that a row still names.
    QSqlQuery count(m_transaction.db);
    QSqlQuery setRefs(m_transaction.db);
    QSqlQuery removeFile(m_transaction.db);
    count.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE file_id = ?"));
    setRefs.prepare(QStringLiteral("UPDATE message_files SET refs = ? WHERE id = ?"));
    // The file's summary goes with it (ON DELETE CASCADE), its text through a trigger.
    removeFile.prepare(QStringLiteral("DELETE FROM message_files WHERE id = ?"));
    for (const auto& [fileId, path] : files) {
        count.addBindValue(fileId);
        if (!count.exec() || !count.next())
            return StoreFailure::sql(count);
        const qint64 refs = count.value(0).toLongLong();
        count.finish();
        QSqlQuery& update = refs > 0 ? setRefs : removeFile;
        if (refs > 0)
            update.addBindValue(refs);
        update.addBindValue(fileId);
        if (!update.exec())
            return StoreFailure::sql(update);
        if (refs == 0)
            m_transaction.filesToRemove.append(path);
    }
    if (auto result = addUsedBytes(folder.mailboxId, -bytes); !result.ok())
        return result;
    m_transaction.changedFolders.insert(folder.id);
    return record ? saveCounters(folder) : StoreResult::success();
}

StoreResult MessageRows::storeFlags(qint64 folderId, const QList<qint64>& uids, MessageFlags::Mode mode,
                                    const QStringList& flags, qint64 unchangedSince,
                                    QList<FolderMessage>* changed, QList<qint64>* refused)
{
    Folder folder;
    if (auto result = loadFolder(folderId, &folder); !result.ok())
        return result;
    const QList<qint64> sorted = sortedUnique(uids);
    std::vector<Row> rows;
    if (auto result = selectRows(folderId, &sorted, &rows); !result.ok())
        return result;
    QSqlQuery update(m_transaction.db);
    update.prepare(QStringLiteral("UPDATE messages SET flags = ?, modseq = ? WHERE id = ?"));
    for (const Row& row : rows) {
        // RFC 7162 3.1.3: a row changed since the client's modseq is left alone and reported.
        if (unchangedSince >= 0 && row.modseq > unchangedSince) {
            refused->append(row.uid);
            continue;
        }
        const QStringList current = MessageFlags::parse(row.flags);
        const QStringList next = MessageFlags::apply(current, mode, flags);
        if (MessageFlags::sameSet(current, next))
            continue;
        FolderMessage message;
        message.uid = row.uid;
        message.modseq = ++folder.highestModseq;
        message.flags = next;
        message.size = row.size;
        message.internalDate = FolderRows::parseDate(row.internalDate);
        message.fileId = row.fileId;
        message.file = row.file;
        update.addBindValue(MessageFlags::join(next));
        update.addBindValue(message.modseq);
        update.addBindValue(row.id);
        if (!update.exec())
            return StoreFailure::sql(update);
        changed->append(message);
    }
    return changed->isEmpty() ? StoreResult::success() : saveCounters(folder);
}

StoreResult MessageRows::expunge(qint64 folderId, const QList<qint64>& uids, QList<qint64>* expunged)
{
    Folder folder;
    if (auto result = loadFolder(folderId, &folder); !result.ok())
        return result;
    const QList<qint64> sorted = sortedUnique(uids);
    std::vector<Row> rows;
    if (auto result = selectRows(folderId, &sorted, &rows); !result.ok())
        return result;
    const QString deleted = QStringLiteral("\\Deleted");
    std::erase_if(rows, [&](const Row& row) {
        return !MessageFlags::contains(MessageFlags::parse(row.flags), deleted);
    });
    for (const Row& row : rows)
        expunged->append(row.uid);
    return release(folder, rows, true);
}

StoreResult MessageRows::copy(qint64 folderId, const QList<qint64>& uids, qint64 destFolderId, bool move,
                              qint64* destUidValidity, QList<QPair<qint64, qint64>>* uidMap)
{
    Folder source;
    Folder dest;
    if (auto result = loadFolder(folderId, &source); !result.ok())
        return result;
    if (auto result = loadFolder(destFolderId, &dest); !result.ok())
        return result;
    if (source.mailboxId != dest.mailboxId)
        return StoreResult::failure(StoreErrorCode::Invalid,
                                    QStringLiteral("Messages are copied within one mailbox only."));
    // A copy into its own folder counts on the same counters.
    Folder& target = dest.id == source.id ? source : dest;
    *destUidValidity = target.uidValidity;
    const QList<qint64> sorted = sortedUnique(uids);
    std::vector<Row> rows;
    if (auto result = selectRows(folderId, &sorted, &rows); !result.ok())
        return result;
    if (rows.empty())
        return StoreResult::success();

    qint64 bytes = 0;
    for (const Row& row : rows)
        bytes += row.quotaExempt ? 0 : row.size;
    // A move takes as much as it gives back.
    if (!move && bytes > 0) {
        QSqlQuery quota(m_transaction.db);
        quota.prepare(QStringLiteral("SELECT quota_bytes, used_bytes FROM mailboxes WHERE id = ?"));
        quota.addBindValue(source.mailboxId);
        if (!quota.exec() || !quota.next())
            return StoreFailure::sql(quota);
        const qint64 limit = quota.value(0).toLongLong();
        if (limit > 0 && quota.value(1).toLongLong() + bytes > limit)
            return StoreResult::failure(StoreErrorCode::QuotaExceeded,
                                        QStringLiteral("The copy would exceed the mailbox's quota."));
    }

    QSqlQuery insert(m_transaction.db);
    QSqlQuery refs(m_transaction.db);
    insert.prepare(
        QStringLiteral("INSERT INTO messages (folder_id, file_id, uid, modseq, flags, internal_date, "
                       "size) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    refs.prepare(QStringLiteral("UPDATE message_files SET refs = refs + 1 WHERE id = ?"));
    for (const Row& row : rows) {
        const qint64 uid = target.uidNext++;
        insert.addBindValue(target.id);
        insert.addBindValue(row.fileId);
        insert.addBindValue(uid);
        insert.addBindValue(++target.highestModseq);
        insert.addBindValue(row.flags);
        insert.addBindValue(row.internalDate);
        insert.addBindValue(row.size);
        if (!insert.exec())
            return StoreFailure::sql(insert);
        refs.addBindValue(row.fileId);
        if (!refs.exec())
            return StoreFailure::sql(refs);
        uidMap->append({row.uid, uid});
    }
    if (auto result = saveCounters(target); !result.ok())
        return result;
    if (auto result = addUsedBytes(target.mailboxId, bytes); !result.ok())
        return result;
    return move ? release(source, rows, true) : StoreResult::success();
}

StoreResult MessageRows::removeAll(qint64 folderId)
{
    Folder folder;
    if (auto result = loadFolder(folderId, &folder); !result.ok())
        return result;
    std::vector<Row> rows;
    if (auto result = selectRows(folderId, nullptr, &rows); !result.ok())
        return result;
    return release(folder, rows, false);
}

} // namespace pw::service
