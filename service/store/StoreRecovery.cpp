#include "service/store/StoreRecovery.h"

#include "service/store/StoreFailure.h"
#include "shared/core/LogCategories.h"
#include "shared/crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace pw::service {

namespace {

// fdatasync for a file, fsync for a directory; 0 or the errno.
int syncPath(const QString& path, bool directory)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return errno;
    int error = 0;
    while ((directory ? ::fsync(fd) : ::fdatasync(fd)) != 0) {
        if (errno != EINTR) {
            error = errno;
            break;
        }
    }
    ::close(fd);
    return error;
}

} // namespace

struct StoreRecovery::Row
{
    qint64 id = 0;
    QString path;
    qint64 size = 0;
    QByteArray sha256; // empty for rows written before schema version 4
    bool quotaExempt = false;
};

StoreRecovery::StoreRecovery(const QSqlDatabase& db, const QString& dataDir)
    : m_db(db)
    , m_dataDir(dataDir)
{}

// Crash leftovers. A crash can leave (a) files in messages/tmp/ that were being written,
// (b) files renamed into a month directory whose batch never committed: no message_files row
// names them, and no delivery of theirs was acknowledged, so both go; and (c) rows committed
// while their files were still being synced, which run() checks.
//
// Rows of message_files that no message row uses are deleted too (and with them their files,
// through (b)): an expunge interrupted between its commit and its unlink leaves such a row, and
// so does removing a mailbox, whose rows go by ON DELETE CASCADE on the control thread, which
// must not unlink files. Outside a batch, which open() never runs inside, nothing refers to
// them any more. A row whose file is
// missing while messages still use it is kept: that is lost mail, and hiding it would make it
// harder to find, so readFile() reports it instead.
StoreResult StoreRecovery::removeLeftovers(qint64* syncedThrough, qint64* highestFileId)
{
    int removed = 0;
    if (auto result = removeTmpEntries(&removed); !result.ok())
        return result;

    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("DELETE FROM message_files WHERE NOT EXISTS "
                                   "(SELECT 1 FROM messages WHERE messages.file_id = message_files.id)")))
        return StoreFailure::sql(query);
    // Before the orphan pass below, which then removes the files of the rows it takes away.
    if (auto result = run(syncedThrough); !result.ok())
        return result;
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM message_files")) || !query.next())
        return StoreFailure::sql(query);
    *highestFileId = std::max(*syncedThrough, query.value(0).toLongLong());
    query.finish();

    if (auto result = removeOrphanFiles(&removed); !result.ok())
        return result;
    if (removed > 0)
        qCInfo(lcStore) << "removed" << removed << "message files left over by an interrupted delivery";
    return StoreResult::success();
}

StoreResult StoreRecovery::run(qint64* syncedThrough)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(QLatin1String(syncedThroughKey));
    if (!query.exec())
        return StoreFailure::sql(query.lastError());
    const qint64 mark = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();

    query.prepare(QStringLiteral(
        "SELECT id, path, size, sha256, quota_exempt FROM message_files WHERE id > ? ORDER BY id"));
    query.addBindValue(mark);
    if (!query.exec())
        return StoreFailure::sql(query.lastError());
    QList<Row> rows;
    while (query.next())
        rows.append(Row{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
                        query.value(3).toByteArray(), query.value(4).toBool()});
    query.finish();
    if (rows.isEmpty()) {
        *syncedThrough = mark;
        return StoreResult::success();
    }

    QList<Row> good;
    QList<std::pair<Row, QString>> bad;
    for (const Row& row : std::as_const(rows)) {
        if (QString problem = check(row); problem.isEmpty())
            good.append(row);
        else
            bad.append({row, problem});
    }
    // The files that passed may still be only in the page cache (the process died, the kernel
    // did not): they are synced before the mark says they are on disk.
    if (auto result = syncFiles(good); !result.ok())
        return result;

    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return StoreFailure::sql(query.lastError());
    StoreResult result = StoreResult::success();
    for (const auto& [row, problem] : std::as_const(bad)) {
        result = removeRow(row, problem);
        if (!result.ok())
            break;
    }
    const qint64 newMark = std::max(mark, rows.last().id);
    if (result.ok()) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        query.addBindValue(QLatin1String(syncedThroughKey));
        query.addBindValue(QString::number(newMark));
        if (!query.exec())
            result = StoreFailure::sql(query.lastError());
    }
    if (result.ok() && !query.exec(QStringLiteral("COMMIT")))
        result = StoreFailure::sql(query.lastError());
    if (!result.ok()) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    *syncedThrough = newMark;
    return StoreResult::success();
}

QString StoreRecovery::check(const Row& row) const
{
    // Only paths the writer hands out; anything else is not a message file of ours.
    if (!row.path.startsWith(QLatin1String("messages/")) ||
        row.path.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return QStringLiteral("outside messages/");
    QFile file(m_dataDir + QLatin1Char('/') + row.path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("missing (%1)").arg(file.errorString());
    if (file.size() != row.size)
        return QStringLiteral("%1 bytes instead of %2").arg(file.size()).arg(row.size);
    if (row.sha256.isEmpty())
        return {};
    crypto::Sha256 digest;
    qint64 read = 0;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1024 * 1024);
        if (chunk.isEmpty())
            return QStringLiteral("unreadable (%1)").arg(file.errorString());
        read += chunk.size();
        digest.addData(chunk);
    }
    if (read != row.size)
        return QStringLiteral("%1 bytes instead of %2").arg(read).arg(row.size);
    if (digest.result() != row.sha256)
        return QStringLiteral("not what was stored (SHA-256 differs)");
    return {};
}

StoreResult StoreRecovery::syncFiles(const QList<Row>& rows) const
{
    QSet<QString> directories;
    for (const Row& row : rows) {
        const QString path = m_dataDir + QLatin1Char('/') + row.path;
        if (const int error = syncPath(path, false))
            return StoreResult::failure(StoreErrorCode::Io,
                                        tr("Cannot write %1 to the disk: %2.")
                                            .arg(path, QString::fromLocal8Bit(std::strerror(error))));
        directories.insert(QFileInfo(path).path());
    }
    for (const QString& directory : std::as_const(directories)) {
        if (const int error = syncPath(directory, true))
            return StoreResult::failure(StoreErrorCode::Io,
                                        tr("Cannot write %1 to the disk: %2.")
                                            .arg(directory, QString::fromLocal8Bit(std::strerror(error))));
    }
    return StoreResult::success();
}

StoreResult StoreRecovery::removeRow(const Row& row, const QString& problem)
{
    QSqlQuery query(m_db);
    if (!row.quotaExempt) {
        // The batch added each row's size to its mailbox; a quota notice was never counted.
        query.prepare(QStringLiteral(
            "UPDATE mailboxes SET used_bytes = max(0, used_bytes - t.bytes) FROM "
            "(SELECT fo.mailbox_id AS mailbox_id, sum(m.size) AS bytes FROM messages m "
            " JOIN folders fo ON fo.id = m.folder_id WHERE m.file_id = ? GROUP BY fo.mailbox_id) AS t "
            "WHERE mailboxes.id = t.mailbox_id"));
        query.addBindValue(row.id);
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
    }
    query.prepare(QStringLiteral("DELETE FROM messages WHERE file_id = ?"));
    query.addBindValue(row.id);
    if (!query.exec())
        return StoreFailure::sql(query.lastError());
    const int messages = query.numRowsAffected();
    query.prepare(QStringLiteral("DELETE FROM message_files WHERE id = ?"));
    query.addBindValue(row.id);
    if (!query.exec())
        return StoreFailure::sql(query.lastError());
    // The file itself, if any, is an orphan now: the writer's clean-up that follows removes it.
    qCWarning(lcStore).noquote() << "removed message file" << row.path << "and its" << messages
                                 << "message rows: the file is" << problem
                                 << "after an interrupted delivery, which was never acknowledged";
    return StoreResult::success();
}

StoreResult StoreRecovery::removeTmpEntries(int* removed) const
{
    QDir tmp(m_dataDir + QStringLiteral("/messages/tmp"));
    const QFileInfoList entries =
        tmp.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo& entry : entries) {
        const bool ok = entry.isDir() && !entry.isSymLink() ? QDir(entry.filePath()).removeRecursively()
                                                            : QFile::remove(entry.filePath());
        if (!ok)
            return StoreResult::failure(StoreErrorCode::Io, tr("Cannot remove %1").arg(entry.filePath()));
        ++*removed;
    }
    return StoreResult::success();
}

StoreResult StoreRecovery::removeOrphanFiles(int* removed) const
{
    const QString messagesPath = m_dataDir + QStringLiteral("/messages");
    QSqlQuery query(m_db);
    static const QRegularExpression monthPattern(QStringLiteral("^[0-9]{6}$"));
    const QStringList months = QDir(messagesPath).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& month : months) {
        if (!monthPattern.match(month).hasMatch())
            continue;
        // A range over the UNIQUE index of path: only this month's rows are read.
        const QString prefix = QStringLiteral("messages/%1/").arg(month);
        query.prepare(QStringLiteral("SELECT path FROM message_files WHERE path >= ? AND path < ?"));
        query.addBindValue(prefix);
        query.addBindValue(QStringLiteral("messages/") + month + QLatin1Char('0')); // '0' follows '/'
        if (!query.exec())
            return StoreFailure::sql(query.lastError());
        QSet<QString> known;
        while (query.next())
            known.insert(query.value(0).toString().mid(prefix.size()));
        query.finish();
        QDir dir(messagesPath + QLatin1Char('/') + month);
        const QStringList files = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QString& file : files) {
            if (known.contains(file))
                continue;
            if (!dir.remove(file))
                return StoreResult::failure(StoreErrorCode::Io,
                                            tr("Cannot remove %1").arg(dir.filePath(file)));
            ++*removed;
        }
    }
    return StoreResult::success();
}

} // namespace pw::service
