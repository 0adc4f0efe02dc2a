#include "service/store/Database.h"

#include "service/store/Migrations.h"
#include "shared/core/LogCategories.h"

#include <QJsonDocument>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace pw::service {

Database::Database()
    : m_connectionName(QStringLiteral("postwarden-") + QUuid::createUuid().toString(QUuid::Id128))
{}

Database::~Database()
{
    close();
}

StoreResult Database::open(const QString& path)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return StoreResult::failure(StoreErrorCode::Io,
                                    QObject::tr("cannot open %1: %2").arg(path, m_db.lastError().text()));
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto result = exec(QLatin1String(pragma)); !result.ok())
            return result;
    }
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok"))
        return StoreResult::failure(StoreErrorCode::Corrupt,
                                    QObject::tr("%1 failed its integrity check").arg(path));
    return migrate();
}

void Database::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

StoreResult Database::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return StoreResult::failure(
            StoreErrorCode::Io,
            QObject::tr("database error in \"%1\": %2").arg(sql, query.lastError().text()));
    return StoreResult::success();
}

StoreResult Database::migrate()
{
    const int current = schemaVersion();
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (!m_db.transaction())
            return StoreResult::failure(StoreErrorCode::Io, m_db.lastError().text());
        for (const QString& statement : migration.statements) {
            if (auto result = exec(statement); !result.ok()) {
                m_db.rollback();
                return result;
            }
        }
        // user_version is part of the same transaction, so a crash leaves either both or neither.
        if (auto result = exec(QStringLiteral("PRAGMA user_version=%1").arg(migration.version));
            !result.ok()) {
            m_db.rollback();
            return result;
        }
        if (!m_db.commit())
            return StoreResult::failure(StoreErrorCode::Io, m_db.lastError().text());
        qCInfo(lcStore) << "database migrated to schema version" << migration.version;
    }
    return StoreResult::success();
}

StoreResult Database::recordEvent(const core::LogRecord& record)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO events (time, level, category, message, session, fields) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.time.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(core::logLevelName(record.level));
    query.addBindValue(record.category);
    query.addBindValue(record.message);
    query.addBindValue(record.session.isEmpty() ? QVariant() : QVariant(record.session));
    query.addBindValue(
        record.fields.isEmpty()
            ? QVariant()
            : QVariant(QString::fromUtf8(QJsonDocument(record.fields).toJson(QJsonDocument::Compact))));
    if (!query.exec())
        return StoreResult::failure(StoreErrorCode::Io, query.lastError().text());
    return StoreResult::success();
}

qint64 Database::eventCount() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT count(*) FROM events")) && query.next())
        return query.value(0).toLongLong();
    return -1;
}

} // namespace pw::service
