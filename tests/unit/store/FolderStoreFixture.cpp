#include "tests/unit/store/FolderStoreFixture.h"

void FolderStoreFixture::setUp()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    const StoreResult opened = m_database->open(dbPath());
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    QCOMPARE(m_database->schemaVersion(), pw::service::migrations().constLast().version);
    m_sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-sql"));
    m_sql.setDatabaseName(dbPath());
    m_sql.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    QVERIFY(m_sql.open());
    m_store = std::make_unique<MessageStore>(dataDir(), dbPath());
    const StoreResult storeOpened = m_store->open();
    QVERIFY2(storeOpened.ok(), qPrintable(storeOpened.message));
    m_folders = std::make_unique<FolderStore>(*m_store);
}

void FolderStoreFixture::tearDown()
{
    m_folders.reset();
    m_store.reset();
    m_sql.close();
    m_sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("test-sql"));
    m_database.reset();
    m_dir.reset();
}

qint64 FolderStoreFixture::addMailbox(const QString& address, qint64 quota)
{
    const QString domain = address.section(QLatin1Char('@'), 1);
    QSqlQuery query(m_sql);
    query.prepare(
        QStringLiteral("INSERT OR IGNORE INTO domains (name, created) VALUES (?, '2026-01-01T00:00:00Z')"));
    query.addBindValue(domain);
    if (!query.exec())
        qFatal("%s", qPrintable(query.lastError().text()));
    query.prepare(
        QStringLiteral("INSERT INTO mailboxes (address, domain_id, password_hash, quota_bytes, created) "
                       "SELECT ?, id, 'x', ?, '2026-01-01T00:00:00Z' FROM domains WHERE name = ?"));
    query.addBindValue(address);
    query.addBindValue(quota);
    query.addBindValue(domain);
    if (!query.exec())
        qFatal("%s", qPrintable(query.lastError().text()));
    const qint64 id = query.lastInsertId().toLongLong();
    for (const char* folder : {"INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive"}) {
        query.prepare(QStringLiteral(
            "INSERT INTO folders (mailbox_id, name, special_use, uidvalidity) VALUES (?, ?, ?, 1)"));
        query.addBindValue(id);
        query.addBindValue(QLatin1String(folder));
        query.addBindValue(qstrcmp(folder, "INBOX") == 0
                               ? QVariant()
                               : QVariant(QStringLiteral("\\") + QLatin1String(folder)));
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
    }
    return id;
}

qint64 FolderStoreFixture::scalar(const QString& sql)
{
    QSqlQuery query(m_sql);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

qint64 FolderStoreFixture::folderId(qint64 mailbox, const QString& name)
{
    FolderInfo info;
    return m_folders->folder(mailbox, name, Counts::Skip, &info).ok() ? info.id : 0;
}

DeliveryReceipt FolderStoreFixture::deliver(qint64 mailbox, const QByteArray& message, const QString& folder)
{
    Delivery delivery;
    delivery.message = message;
    DeliveryTarget target;
    target.mailboxId = mailbox;
    target.folder = folder;
    delivery.targets = {target};
    DeliveryReceipt receipt;
    const StoreResult result = m_store->deliverAndWait(delivery, &receipt);
    if (!result.ok())
        qWarning("delivery failed: %s", qPrintable(result.message));
    return receipt;
}

QList<FolderMessage> FolderStoreFixture::messages(qint64 mailbox, const QString& folder)
{
    FolderSnapshot snapshot;
    const StoreResult result = m_folders->snapshot(mailbox, folder, &snapshot);
    if (!result.ok())
        qWarning("snapshot failed: %s", qPrintable(result.message));
    return snapshot.messages;
}

StoreResult FolderStoreFixture::create(qint64 mailbox, const QString& name)
{
    std::optional<StoreResult> got;
    m_folders->createFolder(mailbox, name, &m_context, [&](const StoreResult& result) { got = result; });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::remove(qint64 mailbox, const QString& name)
{
    std::optional<StoreResult> got;
    m_folders->removeFolder(mailbox, name, &m_context, [&](const StoreResult& result) { got = result; });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::rename(qint64 mailbox, const QString& from, const QString& to)
{
    std::optional<StoreResult> got;
    m_folders->renameFolder(mailbox, from, to, &m_context, [&](const StoreResult& result) { got = result; });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::flags(qint64 folder, const QList<qint64>& uids, FlagMode mode,
                                      const QStringList& flagList, qint64 unchangedSince,
                                      QList<FolderMessage>* changed, QList<qint64>* refused)
{
    std::optional<StoreResult> got;
    m_folders->storeFlags(
        folder, uids, mode, flagList, unchangedSince, &m_context,
        [&](const StoreResult& result, const QList<FolderMessage>& c, const QList<qint64>& r) {
            got = result;
            if (changed)
                *changed = c;
            if (refused)
                *refused = r;
        });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::expunge(qint64 folder, const QList<qint64>& uids, QList<qint64>* expunged)
{
    std::optional<StoreResult> got;
    m_folders->expunge(folder, uids, &m_context, [&](const StoreResult& result, const QList<qint64>& gone) {
        got = result;
        if (expunged)
            *expunged = gone;
    });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::copy(qint64 folder, const QList<qint64>& uids, qint64 dest, bool move,
                                     qint64* uidValidity, UidMap* map)
{
    std::optional<StoreResult> got;
    m_folders->copyMessages(folder, uids, dest, move, &m_context,
                            [&](const StoreResult& result, qint64 validity, const UidMap& pairs) {
                                got = result;
                                if (uidValidity)
                                    *uidValidity = validity;
                                if (map)
                                    *map = pairs;
                            });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}

StoreResult FolderStoreFixture::append(qint64 mailbox, const QString& folder, const QByteArray& message,
                                       const QStringList& flagList, const QDateTime& date,
                                       qint64* uidValidity, qint64* uid)
{
    std::optional<StoreResult> got;
    m_folders->append(mailbox, folder, message, flagList, date, &m_context,
                      [&](const StoreResult& result, qint64 validity, qint64 newUid) {
                          got = result;
                          if (uidValidity)
                              *uidValidity = validity;
                          if (uid)
                              *uid = newUid;
                      });
    waitUntil([&] { return got.has_value(); });
    return got.value_or(StoreResult::failure(StoreErrorCode::Io, QStringLiteral("no answer")));
}
