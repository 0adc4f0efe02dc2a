#include "service/store/FolderTree.h"

#include "service/store/FolderNames.h"
#include "service/store/MessageRows.h"
#include "service/store/StoreFailure.h"

#include <QDateTime>
#include <QSqlQuery>
#include <utility>
#include <vector>

namespace pw::service {

namespace {

StoreResult invalidName(const QString& name)
{
    return StoreResult::failure(StoreErrorCode::Invalid,
                                QStringLiteral("\"%1\" cannot name a folder.").arg(name));
}

StoreResult noSuchFolder(const QString& name)
{
    return StoreResult::failure(StoreErrorCode::NotFound,
                                QStringLiteral("There is no folder \"%1\".").arg(name));
}

StoreResult folderExists(const QString& name)
{
    return StoreResult::failure(StoreErrorCode::AlreadyExists,
                                QStringLiteral("The folder \"%1\" exists already.").arg(name));
}

} // namespace

FolderTree::FolderTree(WriteTransaction& transaction)
    : m_transaction(transaction)
{}

StoreResult FolderTree::find(qint64 mailboxId, const QString& name, qint64* id)
{
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("SELECT id FROM folders WHERE mailbox_id = ? AND name = ?"));
    query.addBindValue(mailboxId);
    query.addBindValue(name);
    if (!query.exec())
        return StoreFailure::sql(query);
    *id = query.next() ? query.value(0).toLongLong() : 0;
    return StoreResult::success();
}

StoreResult FolderTree::nextUidValidity(qint64 mailboxId, qint64* uidValidity)
{
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("SELECT max(m.last_uidvalidity, coalesce(max(f.uidvalidity), 0)) "
                                 "FROM mailboxes m LEFT JOIN folders f ON f.mailbox_id = m.id WHERE m.id = ? "
                                 "GROUP BY m.id"));
    query.addBindValue(mailboxId);
    if (!query.exec())
        return StoreFailure::sql(query);
    if (!query.next())
        return StoreResult::failure(StoreErrorCode::NotFound, QStringLiteral("There is no such mailbox."));
    // RFC 9051: a non-zero 32-bit number; seconds since 1970 stay below 2^32 until 2106.
    *uidValidity = std::max(query.value(0).toLongLong() + 1, QDateTime::currentSecsSinceEpoch());
    if (*uidValidity > 0xffffffffLL)
        return StoreResult::failure(StoreErrorCode::Invalid, QStringLiteral("UIDVALIDITY exhausted."));
    query.finish();
    query.prepare(QStringLiteral("UPDATE mailboxes SET last_uidvalidity = ? WHERE id = ?"));
    query.addBindValue(*uidValidity);
    query.addBindValue(mailboxId);
    return query.exec() ? StoreResult::success() : StoreFailure::sql(query);
}

StoreResult FolderTree::insert(qint64 mailboxId, const QString& name, qint64* id)
{
    qint64 uidValidity = 0;
    if (auto result = nextUidValidity(mailboxId, &uidValidity); !result.ok())
        return result;
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("INSERT INTO folders (mailbox_id, name, uidvalidity) VALUES (?, ?, ?)"));
    query.addBindValue(mailboxId);
    query.addBindValue(name);
    query.addBindValue(uidValidity);
    if (!query.exec())
        return StoreFailure::sql(query);
    *id = query.lastInsertId().toLongLong();
    m_transaction.changedFolders.insert(*id);
    return StoreResult::success();
}

StoreResult FolderTree::createParents(qint64 mailboxId, const QString& name)
{
    for (const QString& parent : FolderNames::parents(name)) {
        qint64 id = 0;
        if (auto result = find(mailboxId, parent, &id); !result.ok())
            return result;
        if (id == 0) {
            if (auto result = insert(mailboxId, parent, &id); !result.ok())
                return result;
        }
    }
    return StoreResult::success();
}

StoreResult FolderTree::create(qint64 mailboxId, const QString& given)
{
    const QString name = FolderNames::normalize(given);
    if (name.isEmpty())
        return invalidName(given);
    qint64 id = 0;
    if (auto result = find(mailboxId, name, &id); !result.ok())
        return result;
    if (id != 0 || FolderNames::isInbox(name))
        return folderExists(name);
    if (auto result = createParents(mailboxId, name); !result.ok())
        return result;
    return insert(mailboxId, name, &id);
}

StoreResult FolderTree::remove(qint64 mailboxId, const QString& given)
{
    const QString name = FolderNames::normalize(given);
    if (FolderNames::isInbox(name))
        return StoreResult::failure(StoreErrorCode::Invalid, QStringLiteral("INBOX cannot be removed."));
    qint64 id = 0;
    if (name.isEmpty())
        return noSuchFolder(given);
    if (auto result = find(mailboxId, name, &id); !result.ok())
        return result;
    if (id == 0)
        return noSuchFolder(name);
    if (auto result = MessageRows(m_transaction).removeAll(id); !result.ok())
        return result;
    // Its expunged rows go with it (ON DELETE CASCADE); sessions that have it selected learn
    // from changes() that it is gone.
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("DELETE FROM folders WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return StoreFailure::sql(query);
    m_transaction.changedFolders.insert(id);
    return StoreResult::success();
}

StoreResult FolderTree::rename(qint64 mailboxId, const QString& givenFrom, const QString& givenTo)
{
    const QString from = FolderNames::normalize(givenFrom);
    const QString to = FolderNames::normalize(givenTo);
    if (from.isEmpty())
        return noSuchFolder(givenFrom);
    if (to.isEmpty())
        return invalidName(givenTo);
    if (FolderNames::isInbox(to))
        return folderExists(to);
    if (to.startsWith(from + FolderNames::separator))
        return StoreResult::failure(StoreErrorCode::Invalid,
                                    QStringLiteral("A folder cannot be moved into itself."));
    qint64 id = 0;
    if (auto result = find(mailboxId, from, &id); !result.ok())
        return result;
    if (id == 0)
        return noSuchFolder(from);
    if (FolderNames::isInbox(from))
        return renameInbox(mailboxId, id, to);

    // The folder and its children: a range over the (mailbox_id, name) index; '0' follows '/'.
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("SELECT id, name FROM folders WHERE mailbox_id = ? AND "
                                 "(name = ? OR (name > ? AND name < ?))"));
    query.addBindValue(mailboxId);
    query.addBindValue(from);
    query.addBindValue(from + FolderNames::separator);
    query.addBindValue(from + QLatin1Char('0'));
    if (!query.exec())
        return StoreFailure::sql(query);
    std::vector<std::pair<qint64, QString>> moves;
    while (query.next())
        moves.emplace_back(query.value(0).toLongLong(), to + query.value(1).toString().mid(from.size()));
    query.finish();
    for (const auto& [folderId, name] : moves) {
        qint64 existing = 0;
        if (name.size() > FolderNames::maxLength)
            return invalidName(name);
        if (auto result = find(mailboxId, name, &existing); !result.ok())
            return result;
        if (existing != 0)
            return folderExists(name);
    }
    if (auto result = createParents(mailboxId, to); !result.ok())
        return result;
    query.prepare(QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"));
    for (const auto& [folderId, name] : moves) {
        query.addBindValue(name);
        query.addBindValue(folderId);
        if (!query.exec())
            return StoreFailure::sql(query);
        m_transaction.changedFolders.insert(folderId);
    }
    return StoreResult::success();
}

// RFC 9051 6.3.6: the messages of INBOX move to a new folder, INBOX stays, empty, with its
// UIDVALIDITY and UIDNEXT (its UIDs are never handed out again), and its children stay where
// they are. The rows keep their UIDs in the new folder, whose UIDVALIDITY is new; for INBOX
// they are expunged.
StoreResult FolderTree::renameInbox(qint64 mailboxId, qint64 inboxId, const QString& to)
{
    qint64 existing = 0;
    if (auto result = find(mailboxId, to, &existing); !result.ok())
        return result;
    if (existing != 0)
        return folderExists(to);
    if (auto result = createParents(mailboxId, to); !result.ok())
        return result;
    qint64 id = 0;
    if (auto result = insert(mailboxId, to, &id); !result.ok())
        return result;
    MessageRows rows(m_transaction);
    MessageRows::Folder inbox;
    if (auto result = rows.loadFolder(inboxId, &inbox); !result.ok())
        return result;
    const qint64 modseq = inbox.highestModseq + 1;
    const QList<std::pair<QString, QVariantList>> statements{
        {QStringLiteral("UPDATE folders SET uidnext = ?, highest_modseq = ? WHERE id = ?"),
         {inbox.uidNext, inbox.highestModseq, id}},
        {QStringLiteral("INSERT INTO expunged (folder_id, uid, modseq) "
                        "SELECT folder_id, uid, ? FROM messages WHERE folder_id = ?"),
         {modseq, inboxId}},
        {QStringLiteral("UPDATE messages SET folder_id = ? WHERE folder_id = ?"), {id, inboxId}},
        {QStringLiteral("UPDATE folders SET highest_modseq = ? WHERE id = ?"), {modseq, inboxId}},
    };
    QSqlQuery query(m_transaction.db);
    for (const auto& [sql, binds] : statements) {
        query.prepare(sql);
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return StoreFailure::sql(query);
    }
    m_transaction.changedFolders.insert(inboxId);
    return StoreResult::success();
}

StoreResult FolderTree::setSubscribed(qint64 mailboxId, const QString& given, bool subscribed)
{
    const QString name = FolderNames::normalize(given);
    QSqlQuery query(m_transaction.db);
    query.prepare(QStringLiteral("UPDATE folders SET subscribed = ? WHERE mailbox_id = ? AND name = ?"));
    query.addBindValue(subscribed ? 1 : 0);
    query.addBindValue(mailboxId);
    query.addBindValue(name);
    if (!query.exec())
        return StoreFailure::sql(query);
    if (name.isEmpty() || query.numRowsAffected() == 0)
        return noSuchFolder(given);
    return StoreResult::success();
}

} // namespace pw::service
