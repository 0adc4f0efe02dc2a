#pragma once

#include "service/store/StoreError.h"
#include "shared/core/LogRecord.h"

#include <QSqlDatabase>
#include <QString>

namespace pw::service {

// postwarden.db: SQLite through Qt Sql, WAL, synchronous=FULL (a committed row survives power
// loss), schema migrations numbered in code and run at open. Only service/store runs SQL.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] StoreResult open(const QString& path);
    void close();

    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] StoreResult recordEvent(const core::LogRecord& record);
    [[nodiscard]] qint64 eventCount() const;

    // For the other classes of service/store (Directory, DkimKeyStore, ...), which run their SQL
    // on this connection and this thread; nothing outside service/store may use it.
    [[nodiscard]] QSqlDatabase& connection() { return m_db; }
    [[nodiscard]] const QSqlDatabase& connection() const { return m_db; }

private:
    [[nodiscard]] StoreResult migrate();
    [[nodiscard]] StoreResult exec(const QString& sql);

    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace pw::service
