#include "service/store/MessageIndex.h"

#include "service/store/StoreFailure.h"
#include "shared/core/LogCategories.h"

#include <QFile>
#include <QSqlError>
#include <QVariant>
#include <utility>
#include <vector>

namespace pw::service {

namespace {

// Files per transaction of addMissing(): their bytes and summaries are in memory together.
constexpr int missingPerTransaction = 200;

} // namespace

MessageIndex::MessageIndex(const QSqlDatabase& db)
    : m_db(db)
{}

StoreResult MessageIndex::prepare()
{
    m_insertSummary.emplace(m_db);
    m_insertText.emplace(m_db);
    if (!m_insertSummary->prepare(QStringLiteral(
            "INSERT OR REPLACE INTO message_summaries (file_id, header, envelope, body_structure, body, "
            "sent_date) VALUES (?, ?, ?, ?, ?, ?)")))
        return StoreFailure::sql(*m_insertSummary);
    if (!m_insertText->prepare(QStringLiteral(
            "INSERT OR REPLACE INTO message_text (rowid, header_text, body_text) VALUES (?, ?, ?)")))
        return StoreFailure::sql(*m_insertText);
    return StoreResult::success();
}

StoreResult MessageIndex::add(qint64 fileId, const mail::MessageSummary& summary)
{
    QSqlQuery& insert = *m_insertSummary;
    insert.addBindValue(fileId);
    insert.addBindValue(summary.header);
    insert.addBindValue(summary.envelope);
    insert.addBindValue(summary.bodyStructure);
    insert.addBindValue(summary.body);
    insert.addBindValue(summary.sentDate.isValid() ? QVariant(summary.sentDate.toUTC().toString(Qt::ISODate))
                                                   : QVariant());
    if (!insert.exec())
        return StoreFailure::sql(insert);
    QSqlQuery& text = *m_insertText;
    text.addBindValue(fileId);
    text.addBindValue(summary.headerText);
    text.addBindValue(summary.bodyText.left(mail::MessageSummary::maxBodyText));
    if (!text.exec())
        return StoreFailure::sql(text);
    return StoreResult::success();
}

StoreResult MessageIndex::addMissing(QSqlDatabase& db, const QString& dataDir, int* added)
{
    *added = 0;
    MessageIndex index(db);
    if (auto result = index.prepare(); !result.ok())
        return result;
    QSqlQuery query(db);
    qint64 after = 0;
    for (;;) {
        query.prepare(QStringLiteral("SELECT f.id, f.path FROM message_files f WHERE f.id > ? AND NOT EXISTS "
                                     "(SELECT 1 FROM message_summaries s WHERE s.file_id = f.id) "
                                     "ORDER BY f.id LIMIT ?"));
        query.addBindValue(after);
        query.addBindValue(missingPerTransaction);
        if (!query.exec())
            return StoreFailure::sql(query);
        std::vector<std::pair<qint64, QString>> files;
        while (query.next())
            files.emplace_back(query.value(0).toLongLong(), query.value(1).toString());
        query.finish();
        if (files.empty())
            return StoreResult::success();
        after = files.back().first;

        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return StoreFailure::sql(query);
        StoreResult result = StoreResult::success();
        int summarized = 0;
        for (const auto& [id, path] : files) {
            // Only paths the writer hands out (StoreRecovery checks them the same way).
            QFile file(dataDir + QLatin1Char('/') + path);
            if (!path.startsWith(QLatin1String("messages/")) ||
                path.split(QLatin1Char('/')).contains(QLatin1String("..")) ||
                !file.open(QIODevice::ReadOnly)) {
                qCWarning(lcStore).noquote()
                    << "cannot summarize message file" << path << ":" << file.errorString();
                continue;
            }
            result = index.add(id, mail::summarizeMessage(file.readAll()));
            if (!result.ok())
                break;
            ++summarized;
        }
        if (result.ok() && !query.exec(QStringLiteral("COMMIT")))
            result = StoreFailure::sql(query);
        if (!result.ok()) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return result;
        }
        *added += summarized;
    }
}

} // namespace pw::service
