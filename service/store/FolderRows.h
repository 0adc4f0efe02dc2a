#pragma once

#include "service/store/FolderStore.h"

#include <QHash>

class QSqlQuery;

namespace pw::service {

// Message rows of a folder as FolderStore hands them out, read from a query that selects
// `columns` over "messages m JOIN message_files f ON f.id = m.file_id". Made for speed: a
// SELECT of a 10,000-message folder reads them all. Private to service/store.
class FolderRows
{
public:
    static const char* const columns;

    // Reads the row the query is on, its `columns` starting at `first`.
    [[nodiscard]] FolderMessage read(const QSqlQuery& query, int first = 0);

    // The internal dates as the writer stores them ("2026-01-31T12:00:00Z"), without
    // QDateTime::fromString's generality; anything else through it.
    [[nodiscard]] static QDateTime parseDate(const QString& text);

private:
    // Most rows carry one of a few flag strings; they share one list.
    QHash<QString, QStringList> m_flags;
};

} // namespace pw::service
