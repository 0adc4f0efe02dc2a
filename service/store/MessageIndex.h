#pragma once

#include "service/store/StoreError.h"
#include "shared/mail/MessageSummary.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <optional>

namespace pw::service {

// The rows a message file gets beside message_files (migration 5): its summary in
// message_summaries and its text in the full-text index message_text, both keyed by the file's
// id. Writer thread only: it runs inside the writer's transactions. Private to service/store.
class MessageIndex
{
public:
    explicit MessageIndex(const QSqlDatabase& db);

    [[nodiscard]] StoreResult prepare();
    [[nodiscard]] StoreResult add(qint64 fileId, const mail::MessageSummary& summary);

    // Summarizes and indexes every file that has no summary yet (written by a version before
    // migration 5), a bounded number per transaction so that a large store does not hold the
    // write lock or the memory of all its files at once. A file that cannot be read is left
    // out (and logged); the next open tries it again.
    [[nodiscard]] static StoreResult addMissing(QSqlDatabase& db, const QString& dataDir, int* added);

private:
    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_insertSummary;
    std::optional<QSqlQuery> m_insertText;
};

} // namespace pw::service
