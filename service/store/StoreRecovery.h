#pragma once

#include "service/store/StoreError.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace pw::service {

// The writer of the message store commits a batch's rows while the batch's files are still being
// synced (MessageWriter::storeBatch), and acknowledges the batch only once both are done. A crash
// in between can leave committed rows whose file is missing, short or garbage; their deliveries
// were never acknowledged, so the sender still holds the mail and will send it again.
//
// meta row store.synced_through holds the highest message_files.id whose file is known to be
// on disk. At open, every row above it is checked against its size and SHA-256: a row that fails
// goes with its messages rows and its share of used_bytes; the files of the rows that pass are
// synced, and the mark moves past them. Private to service/store; runs on the writer thread.
class StoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(StoreRecovery)

public:
    static constexpr const char* syncedThroughKey = "store.synced_through";

    StoreRecovery(const QSqlDatabase& db, const QString& dataDir);

    // Everything below, in order, at the writer's start. *syncedThrough is the mark as it is
    // now stored, *highestFileId the highest message_files id that a new file must stay above.
    [[nodiscard]] StoreResult removeLeftovers(qint64* syncedThrough, qint64* highestFileId);

    // On success *syncedThrough is the mark as it is now stored.
    [[nodiscard]] StoreResult run(qint64* syncedThrough);
    // What a delivery that never committed leaves: anything in messages/tmp, and files in the
    // month directories that no message_files row names (run these after run(), which may
    // take rows away). Each adds what it removed to *removed.
    [[nodiscard]] StoreResult removeTmpEntries(int* removed) const;
    [[nodiscard]] StoreResult removeOrphanFiles(int* removed) const;

private:
    struct Row;
    // Empty if the file holds what the row says; otherwise what is wrong with it, for the log.
    [[nodiscard]] QString check(const Row& row) const;
    [[nodiscard]] StoreResult syncFiles(const QList<Row>& rows) const;
    [[nodiscard]] StoreResult removeRow(const Row& row, const QString& problem);

    QSqlDatabase m_db;
    QString m_dataDir;
};

} // namespace pw::service
