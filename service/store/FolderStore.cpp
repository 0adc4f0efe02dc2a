#include "service/store/FolderStore.h"

#include "service/store/CallbackRelay.h"
#include "service/store/FolderNames.h"
#include "service/store/FolderRows.h"
#include "service/store/FolderTree.h"
#include "service/store/MessageRows.h"
#include "service/store/MessageStore.h"
#include "service/store/StoreFailure.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <memory>

namespace pw::service {

namespace {

// Summaries per query: well below SQLite's limit of bound parameters.

// One read transaction, so that a folder's counters and its rows come from the same commit.
class ReadTransaction
{
public:
    explicit ReadTransaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_open(m_db.transaction())
    {}
    ~ReadTransaction()
    {
        // A read transaction left open would hold this thread's reads on an old snapshot.
        if (m_open && !m_db.commit())
            m_db.rollback();
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    QSqlDatabase m_db;
    bool m_open;
};

// Reads folders of a mailbox (all of them, or the one named) with or without their counts;
// the counts of all folders in one grouped query.
StoreResult readFolders(const QSqlDatabase& db, qint64 mailboxId, const QString* name,
                        FolderStore::Counts counts, QList<FolderInfo>* out)
{
    const bool counted = counts == FolderStore::Counts::Include;
    QString sql = QStringLiteral(
        "SELECT f.id, f.name, f.special_use, f.uidvalidity, f.uidnext, f.highest_modseq, f.subscribed");
    if (counted)
        sql += QStringLiteral(
            ", count(m.id), "
            "coalesce(sum(m.id IS NOT NULL AND instr(' ' || m.flags || ' ', ' \\Seen ') = 0), 0), "
            "coalesce(sum(instr(' ' || m.flags || ' ', ' \\Deleted ') > 0), 0), coalesce(sum(m.size), 0) "
            "FROM folders f LEFT JOIN messages m ON m.folder_id = f.id");
    else
        sql += QStringLiteral(" FROM folders f");
    sql += QStringLiteral(" WHERE f.mailbox_id = ?");
    if (name)
        sql += QStringLiteral(" AND f.name = ?");
    if (counted)
        sql += QStringLiteral(" GROUP BY f.id");
    sql += QStringLiteral(" ORDER BY f.name");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(mailboxId);
    if (name)
        query.addBindValue(*name);
    if (!query.exec())
        return StoreFailure::sql(query);
    while (query.next()) {
        FolderInfo info;
        info.id = query.value(0).toLongLong();
        info.name = query.value(1).toString();
        info.specialUse = query.value(2).toString();
        info.uidValidity = query.value(3).toLongLong();
        info.uidNext = query.value(4).toLongLong();
        info.highestModseq = query.value(5).toLongLong();
        info.subscribed = query.value(6).toBool();
        if (counted) {
            info.messages = query.value(7).toLongLong();
            info.unseen = query.value(8).toLongLong();
            info.deleted = query.value(9).toLongLong();
            info.size = query.value(10).toLongLong();
        }
        out->append(info);
    }
    return StoreResult::success();
}

// The FTS5 query for `words`: each word a phrase of its own (so that no word is read as an
// operator or a column name), all of them required, the last one also as a prefix. Words
// without a letter or digit give the tokenizer nothing to find and are left out. Empty when
// nothing is left.
QString matchExpression(const QString& words, FolderStore::TextScope scope)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList phrases;
    for (const QString& word : words.split(space, Qt::SkipEmptyParts)) {
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        phrases.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    if (phrases.isEmpty())
        return {};
    phrases.last() += QLatin1Char('*');
    const QString all = phrases.join(QLatin1String(" AND "));
    return scope == FolderStore::TextScope::Body ? QStringLiteral("body_text : (%1)").arg(all) : all;
}

MessageFlags::Mode flagMode(FolderStore::FlagMode mode)
{
    switch (mode) {
    case FolderStore::FlagMode::Add:
        return MessageFlags::Mode::Add;
    case FolderStore::FlagMode::Remove:
        return MessageFlags::Mode::Remove;
    case FolderStore::FlagMode::Replace:
        break;
    }
    return MessageFlags::Mode::Replace;
}

} // namespace

FolderStore::FolderStore(MessageStore& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    // Emitted on the store's thread; queued to ours if that is another.
    connect(&m_store, &MessageStore::folderChanged, this, &FolderStore::folderChanged);
}

FolderStore::~FolderStore() = default;

StoreResult FolderStore::folders(qint64 mailboxId, Counts counts, QList<FolderInfo>* out) const
{
    out->clear();
    return readFolders(m_store.readConnection(), mailboxId, nullptr, counts, out);
}

StoreResult FolderStore::folder(qint64 mailboxId, const QString& name, Counts counts, FolderInfo* out) const
{
    const QString normalized = FolderNames::normalize(name);
    QList<FolderInfo> found;
    if (!normalized.isEmpty()) {
        if (auto result = readFolders(m_store.readConnection(), mailboxId, &normalized, counts, &found);
            !result.ok())
            return result;
    }
    if (found.isEmpty())
        return StoreResult::failure(StoreErrorCode::NotFound,
                                    QStringLiteral("There is no folder \"%1\".").arg(name));
    *out = found.first();
    return StoreResult::success();
}

StoreResult FolderStore::snapshot(qint64 mailboxId, const QString& name, FolderSnapshot* out) const
{
    out->messages.clear();
    QSqlDatabase db = m_store.readConnection();
    ReadTransaction transaction(db);
    if (auto result = folder(mailboxId, name, Counts::Skip, &out->folder); !result.ok())
        return result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM messages m JOIN message_files f ON f.id = m.file_id "
                                 "WHERE m.folder_id = ? ORDER BY m.uid")
                      .arg(QLatin1String(FolderRows::columns)));
    query.addBindValue(out->folder.id);
    if (!query.exec())
        return StoreFailure::sql(query);
    FolderRows rows;
    while (query.next())
        out->messages.append(rows.read(query));
    return StoreResult::success();
}

StoreResult FolderStore::changes(qint64 folderId, qint64 sinceModseq, FolderChanges* out) const
{
    *out = FolderChanges{};
    QSqlDatabase db = m_store.readConnection();
    ReadTransaction transaction(db);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT uidnext, highest_modseq FROM folders WHERE id = ?"));
    query.addBindValue(folderId);
    if (!query.exec())
        return StoreFailure::sql(query);
    if (!query.next()) {
        out->folderGone = true;
        return StoreResult::success();
    }
    out->uidNext = query.value(0).toLongLong();
    out->highestModseq = query.value(1).toLongLong();
    query.finish();

    query.prepare(QStringLiteral("SELECT %1 FROM messages m JOIN message_files f ON f.id = m.file_id "
                                 "WHERE m.folder_id = ? AND m.modseq > ? ORDER BY m.uid")
                      .arg(QLatin1String(FolderRows::columns)));
    query.addBindValue(folderId);
    query.addBindValue(sinceModseq);
    if (!query.exec())
        return StoreFailure::sql(query);
    FolderRows rows;
    while (query.next())
        out->changed.append(rows.read(query));
    query.finish();

    query.prepare(QStringLiteral("SELECT uid FROM expunged WHERE folder_id = ? AND modseq > ? ORDER BY uid"));
    query.addBindValue(folderId);
    query.addBindValue(sinceModseq);
    if (!query.exec())
        return StoreFailure::sql(query);
    while (query.next())
        out->expunged.append(query.value(0).toLongLong());
    return StoreResult::success();
}

namespace {

// "[1,2,3]": a list of ids as one bound value for json_each(). A statement with one "?" per id
// costs SQLite more to parse (every placeholder is looked up by name) than the rows it reads.
QString idArray(const QList<qint64>& ids)
{
    QString text = QStringLiteral("[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QString::number(ids.at(i));
    }
    return text + QLatin1Char(']');
}

} // namespace

StoreResult FolderStore::summaries(const QList<qint64>& fileIds, QHash<qint64, StoredSummary>* out,
                                   SummaryParts parts) const
{
    out->clear();
    const bool all = parts == SummaryParts::All;
    QSqlQuery query(m_store.readConnection());
    query.setForwardOnly(true);
    query.prepare(
        all ? QStringLiteral("SELECT file_id, header, sent_date, envelope, body_structure, body "
                             "FROM message_summaries WHERE file_id IN (SELECT value FROM json_each(?))")
            : QStringLiteral("SELECT file_id, header, sent_date "
                             "FROM message_summaries WHERE file_id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(idArray(fileIds));
    if (!query.exec())
        return StoreFailure::sql(query);
    out->reserve(fileIds.size());
    while (query.next()) {
        StoredSummary summary;
        summary.header = query.value(1).toByteArray();
        if (const QString sent = query.value(2).toString(); !sent.isEmpty())
            summary.sentDate = FolderRows::parseDate(sent);
        if (all) {
            summary.envelope = query.value(3).toByteArray();
            summary.bodyStructure = query.value(4).toByteArray();
            summary.body = query.value(5).toByteArray();
        }
        out->insert(query.value(0).toLongLong(), summary);
    }
    return StoreResult::success();
}

StoreResult FolderStore::files(const QList<qint64>& fileIds, QHash<qint64, QString>* out) const
{
    out->clear();
    QSqlQuery query(m_store.readConnection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT id, path FROM message_files WHERE id IN (SELECT value FROM json_each(?))"));
    query.addBindValue(idArray(fileIds));
    if (!query.exec())
        return StoreFailure::sql(query);
    while (query.next())
        out->insert(query.value(0).toLongLong(), query.value(1).toString());
    return StoreResult::success();
}

StoreResult FolderStore::searchText(qint64 folderId, const QString& words, TextScope scope,
                                    QList<qint64>* uids) const
{
    uids->clear();
    const QString match = matchExpression(words, scope);
    QSqlQuery query(m_store.readConnection());
    query.setForwardOnly(true);
    if (match.isEmpty()) {
        // Nothing to look for: every message contains it.
        query.prepare(QStringLiteral("SELECT uid FROM messages WHERE folder_id = ? ORDER BY uid"));
        query.addBindValue(folderId);
    } else {
        // CROSS JOIN keeps the index the outer loop: left to itself, SQLite may walk the
        // folder's rows and run the full-text query once for each of them.
        query.prepare(
            QStringLiteral("SELECT m.uid FROM message_text t CROSS JOIN messages m ON m.file_id = t.rowid "
                           "WHERE message_text MATCH ? AND m.folder_id = ? ORDER BY m.uid"));
        query.addBindValue(match);
        query.addBindValue(folderId);
    }
    if (!query.exec())
        return StoreFailure::sql(query);
    while (query.next())
        uids->append(query.value(0).toLongLong());
    return StoreResult::success();
}

void FolderStore::createFolder(qint64 mailboxId, const QString& name, QObject* context, Done done)
{
    m_store.write(
        [=](WriteTransaction& transaction) { return FolderTree(transaction).create(mailboxId, name); },
        relayTo(context, std::move(done)));
}

void FolderStore::removeFolder(qint64 mailboxId, const QString& name, QObject* context, Done done)
{
    m_store.write(
        [=](WriteTransaction& transaction) { return FolderTree(transaction).remove(mailboxId, name); },
        relayTo(context, std::move(done)));
}

void FolderStore::renameFolder(qint64 mailboxId, const QString& from, const QString& to, QObject* context,
                               Done done)
{
    m_store.write(
        [=](WriteTransaction& transaction) { return FolderTree(transaction).rename(mailboxId, from, to); },
        relayTo(context, std::move(done)));
}

void FolderStore::setSubscribed(qint64 mailboxId, const QString& name, bool subscribed, QObject* context,
                                Done done)
{
    m_store.write(
        [=](WriteTransaction& transaction) {
            return FolderTree(transaction).setSubscribed(mailboxId, name, subscribed);
        },
        relayTo(context, std::move(done)));
}

void FolderStore::storeFlags(qint64 folderId, const QList<qint64>& uids, FlagMode mode,
                             const QStringList& flags, qint64 unchangedSince, QObject* context,
                             FlagsDone done)
{
    struct Output
    {
        QList<FolderMessage> changed;
        QList<qint64> refused;
    };
    auto output = std::make_shared<Output>();
    auto finish = relayTo(context, std::move(done));
    m_store.write(
        [=, mode = flagMode(mode)](WriteTransaction& transaction) {
            return MessageRows(transaction)
                .storeFlags(folderId, uids, mode, flags, unchangedSince, &output->changed, &output->refused);
        },
        [output, finish](const StoreResult& result) {
            if (result.ok())
                finish(result, output->changed, output->refused);
            else
                finish(result, {}, {});
        });
}

void FolderStore::expunge(qint64 folderId, const QList<qint64>& uids, QObject* context, ExpungeDone done)
{
    auto expunged = std::make_shared<QList<qint64>>();
    auto finish = relayTo(context, std::move(done));
    m_store.write(
        [=](WriteTransaction& transaction) {
            return MessageRows(transaction).expunge(folderId, uids, expunged.get());
        },
        [expunged, finish](const StoreResult& result) {
            finish(result, result.ok() ? *expunged : QList<qint64>{});
        });
}

void FolderStore::copyMessages(qint64 folderId, const QList<qint64>& uids, qint64 destFolderId, bool move,
                               QObject* context, CopyDone done)
{
    struct Output
    {
        qint64 uidValidity = 0;
        QList<QPair<qint64, qint64>> uidMap;
    };
    auto output = std::make_shared<Output>();
    auto finish = relayTo(context, std::move(done));
    m_store.write(
        [=](WriteTransaction& transaction) {
            return MessageRows(transaction)
                .copy(folderId, uids, destFolderId, move, &output->uidValidity, &output->uidMap);
        },
        [output, finish](const StoreResult& result) {
            if (result.ok())
                finish(result, output->uidValidity, output->uidMap);
            else
                finish(result, 0, {});
        });
}

void FolderStore::append(qint64 mailboxId, const QString& folder, const QByteArray& message,
                         const QStringList& flags, const QDateTime& internalDate, QObject* context,
                         AppendDone done)
{
    auto finish = relayTo(context, std::move(done));
    const QString name = FolderNames::normalize(folder);
    if (name.isEmpty()) {
        finish(StoreResult::failure(StoreErrorCode::NotFound,
                                    QStringLiteral("There is no folder \"%1\".").arg(folder)),
               0, 0);
        return;
    }
    Delivery delivery;
    delivery.message = message;
    delivery.internalDate = internalDate;
    delivery.sessionId = QStringLiteral("append");
    DeliveryTarget target;
    target.mailboxId = mailboxId;
    target.folder = name;
    target.flags = MessageFlags::normalize(flags);
    target.exactFolder = true;
    delivery.targets = {target};
    // The receipt is read on the writer thread; `finish` takes it to the context's.
    m_store.deliver(
        std::move(delivery), nullptr,
        [finish, name](const StoreResult& result, const DeliveryReceipt& receipt) {
            if (!result.ok() || receipt.targets.size() != 1) {
                finish(result.ok() ? StoreResult::failure(StoreErrorCode::Io, QStringLiteral("Not stored."))
                                   : result,
                       0, 0);
                return;
            }
            const DeliveryReceipt::Target& target = receipt.targets.first();
            switch (target.outcome) {
            case DeliveryReceipt::TargetOutcome::Stored:
                finish(result, target.uidValidity, target.uid);
                return;
            case DeliveryReceipt::TargetOutcome::OverQuota:
                finish(StoreResult::failure(StoreErrorCode::QuotaExceeded,
                                            QStringLiteral("The message would exceed the mailbox's quota.")),
                       0, 0);
                return;
            case DeliveryReceipt::TargetOutcome::NoSuchMailbox:
                break;
            }
            finish(StoreResult::failure(StoreErrorCode::NotFound,
                                        QStringLiteral("There is no folder \"%1\".").arg(name)),
                   0, 0);
        });
}

} // namespace pw::service
