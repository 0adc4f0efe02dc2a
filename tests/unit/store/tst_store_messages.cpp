#include "service/store/Database.h"
#include "service/store/Directory.h"
#include "service/store/MessageStore.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using pw::service::Database;
using pw::service::Delivery;
using pw::service::DeliveryReceipt;
using pw::service::DeliveryTarget;
using pw::service::MessageStore;
using pw::service::StoredMessage;
using pw::service::StoreErrorCode;
using pw::service::StoreResult;
using Outcome = pw::service::DeliveryReceipt::TargetOutcome;

namespace {

QByteArray makeMessage(int size, char fill = 'x')
{
    QByteArray message = "From: <a@example.net>\r\nTo: <b@example.org>\r\nSubject: test\r\n\r\n";
    while (message.size() < size - 2)
        message += QByteArray(std::min<qsizetype>(70, size - 2 - message.size()), fill) + "\r\n";
    message.resize(size, '\n');
    return message;
}

Delivery delivery(const QByteArray& message, const QList<DeliveryTarget>& targets)
{
    Delivery d;
    d.message = message;
    d.targets = targets;
    d.sessionId = QStringLiteral("test");
    return d;
}

mode_t modeOf(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

class TestStoreMessages : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void singleDelivery();
    void oneFileForSeveralRecipients();
    void missingMailboxAndFolder();
    void mailboxMadeByDirectory();
    void concurrentDeliveries();
    void callbackOnContextThread();
    void callbackSkippedWhenContextGone();
    void quotaSkipsTarget();
    void quotaCountsEarlierDeliveriesOfTheBatch();
    void quotaNotices();
    void crashLeftoversRemovedByOpen();
    void syncedThroughFollowsBatches();
    void unacknowledgedRowsRemovedByOpen();
    void summaryAndTextAtDelivery();
    void quotaNoticeRemovedByOpenKeepsUsedBytes();
    void fileIdsNeverReused();
    void diskFull();
    void closedStoreRefuses();

private:
    qint64 addMailbox(const QString& address, qint64 quota = 0);
    qint64 scalar(const QString& sql);
    qint64 fileId(const QString& path);
    bool setSyncedThrough(qint64 id);
    QString dataDir() const { return m_dir->path(); }
    QString dbPath() const { return m_dir->filePath(QStringLiteral("postwarden.db")); }
    DeliveryTarget target(qint64 mailboxId, const QString& folder = QStringLiteral("INBOX"))
    {
        DeliveryTarget t;
        t.mailboxId = mailboxId;
        t.folder = folder;
        return t;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    QSqlDatabase m_sql;
    std::unique_ptr<MessageStore> m_store;
};

void TestStoreMessages::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    const StoreResult opened = m_database->open(dbPath());
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    // Rows are made with plain SQL: the test does not depend on Directory.
    m_sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-sql"));
    m_sql.setDatabaseName(dbPath());
    m_sql.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    QVERIFY(m_sql.open());
    m_store = std::make_unique<MessageStore>(dataDir(), dbPath());
    const StoreResult storeOpened = m_store->open();
    QVERIFY2(storeOpened.ok(), qPrintable(storeOpened.message));
}

void TestStoreMessages::cleanup()
{
    m_store.reset();
    m_sql.close();
    m_sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("test-sql"));
    m_database.reset();
    m_dir.reset();
}

qint64 TestStoreMessages::addMailbox(const QString& address, qint64 quota)
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
        query.prepare(QStringLiteral("INSERT INTO folders (mailbox_id, name, uidvalidity) VALUES (?, ?, 1)"));
        query.addBindValue(id);
        query.addBindValue(QLatin1String(folder));
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
    }
    return id;
}

qint64 TestStoreMessages::scalar(const QString& sql)
{
    QSqlQuery query(m_sql);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}

qint64 TestStoreMessages::fileId(const QString& path)
{
    return scalar(QStringLiteral("SELECT id FROM message_files WHERE path = '%1'").arg(path));
}

// What a crash leaves: the mark of the last batches was never written.
bool TestStoreMessages::setSyncedThrough(qint64 id)
{
    return QSqlQuery(m_sql).exec(
        QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'store.synced_through'").arg(id));
}

void TestStoreMessages::singleDelivery()
{
    const qint64 mailbox = addMailbox(QStringLiteral("alice@example.org"));
    QSignalSpy delivered(m_store.get(), &MessageStore::delivered);
    const QByteArray message = makeMessage(4096);
    QList<qint64> uids;
    QStringList files;
    for (int i = 0; i < 3; ++i) {
        DeliveryReceipt receipt;
        const StoreResult result = m_store->deliverAndWait(delivery(message, {target(mailbox)}), &receipt);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(receipt.targets.size(), 1);
        QCOMPARE(receipt.targets[0].outcome, Outcome::Stored);
        QCOMPARE(receipt.storedCount(), 1);
        uids.append(receipt.targets[0].uid);
        files.append(receipt.file);
    }
    QCOMPARE(uids, (QList<qint64>{1, 2, 3}));
    QCOMPARE(QSet<QString>(files.cbegin(), files.cend()).size(), 3);

    for (const QString& file : files) {
        QVERIFY(file.startsWith(QLatin1String("messages/")));
        QCOMPARE(m_store->readFile(file), message);
        QFile onDisk(m_dir->filePath(file));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), message);
        QCOMPARE(modeOf(onDisk.fileName()), mode_t(0600));
        QCOMPARE(modeOf(QFileInfo(onDisk.fileName()).path()), mode_t(0700));
    }
    QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("messages"))), mode_t(0700));
    QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("messages/tmp"))), mode_t(0700));
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("messages/tmp"))).isEmpty());

    const auto rows = m_store->messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(rows.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rows[i].uid, i + 1);
        QCOMPARE(rows[i].size, message.size());
        QCOMPARE(rows[i].file, files[i]);
        QVERIFY(rows[i].internalDate.isValid());
        QVERIFY(rows[i].flags.isEmpty());
    }
    QVERIFY(rows[0].modseq < rows[1].modseq && rows[1].modseq < rows[2].modseq);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             3 * message.size());
    QCOMPARE(scalar(QStringLiteral("SELECT uidnext FROM folders WHERE mailbox_id = %1 AND name = 'INBOX'")
                        .arg(mailbox)),
             4);
    QCOMPARE(
        scalar(QStringLiteral("SELECT highest_modseq FROM folders WHERE mailbox_id = %1 AND name = 'INBOX'")
                   .arg(mailbox)),
        rows[2].modseq);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files WHERE refs = 1")), 3);
    QTRY_COMPARE(delivered.size(), 3);
    QCOMPARE(delivered.at(2).at(0).toLongLong(), mailbox);
    QCOMPARE(delivered.at(2).at(1).toString(), QStringLiteral("INBOX"));
    QCOMPARE(delivered.at(2).at(2).toLongLong(), 3);
}

void TestStoreMessages::oneFileForSeveralRecipients()
{
    const qint64 a = addMailbox(QStringLiteral("a@example.org"));
    const qint64 b = addMailbox(QStringLiteral("b@example.org"));
    const qint64 c = addMailbox(QStringLiteral("c@example.com"));
    const QByteArray message = makeMessage(5000);
    DeliveryTarget junk = target(c, QStringLiteral("Junk"));
    junk.flags = {QStringLiteral("$Junk")};
    DeliveryReceipt receipt;
    const StoreResult result =
        m_store->deliverAndWait(delivery(message, {target(a), target(b), junk}), &receipt);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(receipt.storedCount(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 3);
    const auto inA = m_store->messages(a, QStringLiteral("INBOX"));
    const auto inB = m_store->messages(b, QStringLiteral("inbox"));
    const auto inC = m_store->messages(c, QStringLiteral("Junk"));
    QCOMPARE(inA.size(), 1);
    QCOMPARE(inB.size(), 1);
    QCOMPARE(inC.size(), 1);
    QCOMPARE(inA[0].file, receipt.file);
    QCOMPARE(inB[0].file, receipt.file);
    QCOMPARE(inC[0].file, receipt.file);
    QCOMPARE(inC[0].flags, QStringList{QStringLiteral("$Junk")});
    QVERIFY(m_store->messages(c, QStringLiteral("INBOX")).isEmpty());
    for (qint64 id : {a, b, c})
        QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(id)),
                 message.size());
    QCOMPARE(m_store->readFile(receipt.file), message);
    QVERIFY(m_store->readFile(QStringLiteral("messages/../postwarden.db")).isEmpty());
}

void TestStoreMessages::missingMailboxAndFolder()
{
    const qint64 a = addMailbox(QStringLiteral("a@example.org"));
    QVERIFY(QSqlQuery(m_sql).exec(QStringLiteral("DELETE FROM folders WHERE name = 'Junk'")));
    DeliveryReceipt receipt;
    const StoreResult result = m_store->deliverAndWait(
        delivery(makeMessage(300), {target(a + 1000), target(a, QStringLiteral("Junk"))}), &receipt);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(receipt.targets.size(), 2);
    QCOMPARE(receipt.targets[0].outcome, Outcome::NoSuchMailbox);
    // A folder that is gone does not lose the mail: it lands in INBOX.
    QCOMPARE(receipt.targets[1].outcome, Outcome::Stored);
    QCOMPARE(m_store->messages(a, QStringLiteral("INBOX")).size(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files")), 1);

    // Nothing stored at all: no file, no row.
    const StoreResult none =
        m_store->deliverAndWait(delivery(makeMessage(300), {target(a + 1000)}), &receipt);
    QVERIFY(none.ok());
    QCOMPARE(receipt.storedCount(), 0);
    QVERIFY(receipt.file.isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 1);
}

void TestStoreMessages::mailboxMadeByDirectory()
{
    // The rows Directory makes are the rows the store delivers into.
    pw::service::Directory directory(*m_database);
    QVERIFY(directory.addDomain(QStringLiteral("example.net")).ok());
    const StoreResult added =
        directory.addMailbox(QStringLiteral("grace@example.net"), QByteArrayLiteral("correct horse"), 50000);
    QVERIFY2(added.ok(), qPrintable(added.message));
    const auto mailbox = directory.mailbox(QStringLiteral("grace@example.net"));
    QVERIFY(mailbox.has_value());
    DeliveryTarget junk = target(mailbox->id, QStringLiteral("Junk"));
    junk.flags = {QStringLiteral("$Junk")};
    DeliveryReceipt receipt;
    const QByteArray message = makeMessage(41000);
    const StoreResult result =
        m_store->deliverAndWait(delivery(message, {target(mailbox->id), junk}), &receipt);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(receipt.storedCount(), 1); // 82 000 bytes do not fit in 50 000
    QCOMPARE(receipt.targets[1].outcome, Outcome::OverQuota);
    QCOMPARE(m_store->messages(mailbox->id, QStringLiteral("INBOX")).size(), 2); // and the 80 % notice
    const auto after = directory.mailbox(QStringLiteral("grace@example.net"));
    QCOMPARE(after->usedBytes, message.size());
    QCOMPARE(after->quotaNotice, 80);
}

void TestStoreMessages::concurrentDeliveries()
{
    const qint64 mailbox = addMailbox(QStringLiteral("busy@example.org"));
    constexpr int threads = 5;
    constexpr int perThread = 100;
    QList<QThread*> workers;
    QList<QList<qint64>> uids(threads);
    QList<int> failures(threads, 0);
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([this, t, mailbox, &uids, &failures] {
            for (int i = 0; i < perThread; ++i) {
                DeliveryReceipt receipt;
                const QByteArray message = makeMessage(1000 + t * perThread + i, char('a' + t));
                if (!m_store->deliverAndWait(delivery(message, {target(mailbox)}), &receipt).ok() ||
                    receipt.storedCount() != 1 || m_store->readFile(receipt.file) != message)
                    ++failures[t];
                else
                    uids[t].append(receipt.targets[0].uid);
            }
            // Reads from this thread use a connection of its own, closed when the thread ends.
            if (m_store->messages(mailbox, QStringLiteral("INBOX")).size() < uids[t].size())
                ++failures[t];
        }));
    }
    for (QThread* worker : workers)
        worker->start();
    for (QThread* worker : workers) {
        QVERIFY(worker->wait(60000));
        delete worker;
    }
    QSet<qint64> all;
    for (int t = 0; t < threads; ++t) {
        QCOMPARE(failures[t], 0);
        for (qint64 uid : uids[t])
            all.insert(uid);
    }
    QCOMPARE(all.size(), threads * perThread);
    QCOMPARE(*std::min_element(all.cbegin(), all.cend()), 1);
    QCOMPARE(*std::max_element(all.cbegin(), all.cend()), threads * perThread);
    const auto rows = m_store->messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(rows.size(), threads * perThread);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), threads * perThread);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT modseq) FROM messages")), threads * perThread);
    QVERIFY(m_store->batchCount() <= threads * perThread);
}

void TestStoreMessages::callbackOnContextThread()
{
    const qint64 mailbox = addMailbox(QStringLiteral("ctx@example.org"));
    QObject context;
    QThread* calledOn = nullptr;
    StoreResult result = StoreResult::failure(StoreErrorCode::Io, QStringLiteral("not called"));
    DeliveryReceipt receipt;
    m_store->deliver(delivery(makeMessage(500), {target(mailbox)}), &context,
                     [&](const StoreResult& stored, const DeliveryReceipt& got) {
                         calledOn = QThread::currentThread();
                         result = stored;
                         receipt = got;
                     });
    QTRY_VERIFY(calledOn != nullptr);
    QCOMPARE(calledOn, QThread::currentThread());
    QVERIFY(result.ok());
    QCOMPARE(receipt.targets.value(0).uid, 1);
}

void TestStoreMessages::callbackSkippedWhenContextGone()
{
    const qint64 mailbox = addMailbox(QStringLiteral("gone@example.org"));
    bool called = false;
    {
        QObject context;
        m_store->deliver(delivery(makeMessage(500), {target(mailbox)}), &context,
                         [&](const StoreResult&, const DeliveryReceipt&) { called = true; });
    }
    // The store still stores it; only the callback is dropped.
    QTRY_COMPARE(m_store->messages(mailbox, QStringLiteral("INBOX")).size(), 1);
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestStoreMessages::quotaSkipsTarget()
{
    const qint64 small = addMailbox(QStringLiteral("small@example.org"), 10000);
    const qint64 big = addMailbox(QStringLiteral("big@example.org"));
    const QByteArray message = makeMessage(6000);
    DeliveryReceipt receipt;
    QVERIFY(m_store->deliverAndWait(delivery(message, {target(small)}), &receipt).ok());
    QCOMPARE(receipt.targets[0].outcome, Outcome::Stored);
    QVERIFY(m_store->deliverAndWait(delivery(message, {target(small), target(big)}), &receipt).ok());
    QCOMPARE(receipt.targets[0].outcome, Outcome::OverQuota);
    QCOMPARE(receipt.targets[0].uid, 0);
    QCOMPARE(receipt.targets[1].outcome, Outcome::Stored);
    QCOMPARE(scalar(QStringLiteral("SELECT refs FROM message_files WHERE path = '%1'").arg(receipt.file)), 1);
    QCOMPARE(m_store->messages(small, QStringLiteral("INBOX")).size(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(small)), 6000);
    // Exactly at the quota is still allowed.
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(4000), {target(small)}), &receipt).ok());
    QCOMPARE(receipt.targets[0].outcome, Outcome::Stored);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(small)), 10000);
}

void TestStoreMessages::quotaCountsEarlierDeliveriesOfTheBatch()
{
    // Handed over without waiting, so that they usually share a batch; in either case exactly
    // one of them fits.
    const qint64 small = addMailbox(QStringLiteral("small@example.org"), 10000);
    QList<Outcome> outcomes;
    QObject context;
    for (int i = 0; i < 4; ++i) {
        m_store->deliver(delivery(makeMessage(6000), {target(small)}), &context,
                         [&](const StoreResult& result, const DeliveryReceipt& receipt) {
                             QVERIFY(result.ok());
                             outcomes.append(receipt.targets.value(0).outcome);
                         });
    }
    QTRY_COMPARE(outcomes.size(), 4);
    QCOMPARE(outcomes.count(Outcome::Stored), 1);
    QCOMPARE(outcomes.count(Outcome::OverQuota), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(small)), 6000);
}

void TestStoreMessages::quotaNotices()
{
    const qint64 mailbox = addMailbox(QStringLiteral("carol@example.org"), 100000);
    QSignalSpy crossed(m_store.get(), &MessageStore::quotaCrossed);
    const auto deliverSize = [&](int size) {
        DeliveryReceipt receipt;
        const StoreResult result =
            m_store->deliverAndWait(delivery(makeMessage(size), {target(mailbox)}), &receipt);
        return result.ok() && receipt.storedCount() == 1;
    };
    const auto notices = [&] {
        QList<QByteArray> found;
        for (const auto& message : m_store->messages(mailbox, QStringLiteral("INBOX"))) {
            const QByteArray content = m_store->readFile(message.file);
            if (content.contains("Auto-Submitted: auto-generated"))
                found.append(content);
        }
        return found;
    };

    QVERIFY(deliverSize(70000)); // 70 %
    QCOMPARE(notices().size(), 0);
    QVERIFY(deliverSize(15000)); // 85 %
    QCOMPARE(notices().size(), 1);
    QVERIFY(deliverSize(5000)); // 90 %
    QCOMPARE(notices().size(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT quota_notice FROM mailboxes WHERE id = %1").arg(mailbox)), 80);
    QVERIFY(deliverSize(6000)); // 96 %
    QVERIFY(deliverSize(1000)); // 97 %
    const auto found = notices();
    QCOMPARE(found.size(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT quota_notice FROM mailboxes WHERE id = %1").arg(mailbox)), 95);
    // Notices do not count against the quota.
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)), 97000);

    const QByteArray& first = found[0];
    QVERIFY(first.contains("\r\nFrom: Postmaster <postmaster@example.org>\r\n"));
    QVERIFY(first.contains("\r\nTo: <carol@example.org>\r\n"));
    QVERIFY(first.contains("\r\nSubject: Your mailbox is 80 % full\r\n"));
    QVERIFY(first.contains("\r\nDate: "));
    QVERIFY(first.contains("\r\nMessage-ID: <"));
    QVERIFY(first.contains("carol@example.org"));
    QVERIFY(found[1].contains("\r\nSubject: Your mailbox is 95 % full\r\n"));
    const qsizetype bodyStart = first.indexOf("\r\n\r\n");
    QVERIFY(bodyStart > 0);
    QVERIFY(!first.mid(bodyStart).contains('\0'));

    QTRY_COMPARE(crossed.size(), 2);
    QCOMPARE(crossed.at(0).at(0).toLongLong(), mailbox);
    QCOMPARE(crossed.at(0).at(1).toString(), QStringLiteral("carol@example.org"));
    QCOMPARE(crossed.at(0).at(2).toInt(), 80);
    QCOMPARE(crossed.at(1).at(2).toInt(), 95);
}

void TestStoreMessages::crashLeftoversRemovedByOpen()
{
    const qint64 mailbox = addMailbox(QStringLiteral("dave@example.org"));
    const QByteArray message = makeMessage(2000);
    DeliveryReceipt receipt;
    QVERIFY(m_store->deliverAndWait(delivery(message, {target(mailbox)}), &receipt).ok());
    m_store->close();

    const QString month = receipt.file.section(QLatin1Char('/'), 1, 1);
    const auto writeFile = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("leftover") == 8;
    };
    const QString tmpFile = m_dir->filePath(QStringLiteral("messages/tmp/1.1.abc"));
    const QString orphan = m_dir->filePath(QStringLiteral("messages/%1/2.2.def").arg(month));
    const QString olderOrphan = m_dir->filePath(QStringLiteral("messages/200001/3.3.ghi"));
    const QString unreferenced = QStringLiteral("messages/%1/4.4.jkl").arg(month);
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("messages/200001"))));
    QVERIFY(writeFile(tmpFile));
    QVERIFY(writeFile(orphan));
    QVERIFY(writeFile(olderOrphan));
    QVERIFY(writeFile(m_dir->filePath(unreferenced)));
    QVERIFY(QSqlQuery(m_sql).exec(
        QStringLiteral("INSERT INTO message_files (path, size, refs, received) VALUES ('%1', 8, 0, 'x')")
            .arg(unreferenced)));

    const StoreResult reopened = m_store->open();
    QVERIFY2(reopened.ok(), qPrintable(reopened.message));
    QVERIFY(!QFile::exists(tmpFile));
    QVERIFY(!QFile::exists(orphan));
    QVERIFY(!QFile::exists(olderOrphan));
    QVERIFY(!QFile::exists(m_dir->filePath(unreferenced)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 1);
    QCOMPARE(m_store->readFile(receipt.file), message);

    // The store works after the clean-up and keeps counting UIDs.
    QVERIFY(m_store->deliverAndWait(delivery(message, {target(mailbox)}), &receipt).ok());
    QCOMPARE(receipt.targets[0].uid, 2);
}

void TestStoreMessages::syncedThroughFollowsBatches()
{
    const qint64 mailbox = addMailbox(QStringLiteral("nina@example.org"));
    const QString mark = QStringLiteral("SELECT value FROM meta WHERE key = 'store.synced_through'");
    QCOMPARE(scalar(mark), 0);
    DeliveryReceipt first;
    DeliveryReceipt second;
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(500), {target(mailbox)}), &first).ok());
    // A batch records the batches before it, never itself: its files are still being synced
    // when it commits.
    QCOMPARE(scalar(mark), 0);
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(500), {target(mailbox)}), &second).ok());
    QCOMPARE(scalar(mark), fileId(first.file));
    m_store->close();
    QCOMPARE(scalar(mark), fileId(second.file));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files WHERE length(sha256) = 32")), 2);
}

void TestStoreMessages::unacknowledgedRowsRemovedByOpen()
{
    const qint64 mailbox = addMailbox(QStringLiteral("olga@example.org"));
    const qint64 other = addMailbox(QStringLiteral("paul@example.org"));
    QList<QByteArray> messages;
    QStringList files;
    for (int i = 0; i < 6; ++i) {
        messages.append(makeMessage(1000 + 100 * i, char('a' + i)));
        DeliveryReceipt receipt;
        // The third goes to both mailboxes: removing it corrects both.
        const QList<DeliveryTarget> targets = i == 2 ? QList<DeliveryTarget>{target(mailbox), target(other)}
                                                     : QList<DeliveryTarget>{target(mailbox)};
        QVERIFY(m_store->deliverAndWait(delivery(messages.last(), targets), &receipt).ok());
        files.append(receipt.file);
    }
    m_store->close();
    QVERIFY(setSyncedThrough(fileId(files[1])));

    const auto rewrite = [this](const QString& path, const QByteArray& data) {
        QFile file(m_dir->filePath(path));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
    };
    // At or below the mark: a file known synced is never judged, even when it looks wrong.
    QVERIFY(rewrite(files[0], messages[0].left(10)));
    // Above it: truncated, missing, same size with other bytes; the last one is intact.
    QVERIFY(rewrite(files[2], messages[2].left(messages[2].size() / 2)));
    QVERIFY(QFile::remove(m_dir->filePath(files[3])));
    QByteArray garbage = messages[4];
    garbage[garbage.size() / 2] = '#';
    QVERIFY(rewrite(files[4], garbage));

    const StoreResult reopened = m_store->open();
    QVERIFY2(reopened.ok(), qPrintable(reopened.message));
    QStringList left;
    for (const StoredMessage& message : m_store->messages(mailbox, QStringLiteral("INBOX")))
        left.append(message.file);
    QCOMPARE(left, (QStringList{files[0], files[1], files[5]}));
    QVERIFY(m_store->messages(other, QStringLiteral("INBOX")).isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             messages[0].size() + messages[1].size() + messages[5].size());
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(other)), 0);
    QCOMPARE(m_store->readFile(files[0]), messages[0].left(10));
    QCOMPARE(m_store->readFile(files[5]), messages[5]);
    for (int i : {2, 3, 4})
        QVERIFY2(!QFile::exists(m_dir->filePath(files[i])), qPrintable(files[i]));
    // Everything left is checked now, so the next open() has nothing to do.
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'store.synced_through'")),
             fileId(files[5]));

    // UIDs are not handed out again, though rows went.
    DeliveryReceipt receipt;
    QVERIFY(m_store->deliverAndWait(delivery(messages[0], {target(mailbox)}), &receipt).ok());
    QCOMPARE(receipt.targets[0].uid, 7);
    // The summaries and the text of the removed files went with them.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_summaries")), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_text")), 4);
}

void TestStoreMessages::summaryAndTextAtDelivery()
{
    const qint64 a = addMailbox(QStringLiteral("rita@example.org"));
    const qint64 b = addMailbox(QStringLiteral("sam@example.org"));
    const QByteArray message = "From: <a@example.net>\r\nTo: <b@example.org>\r\nSubject: Marmalade\r\n"
                               "Content-Type: text/plain; charset=utf-8\r\n\r\nA jar of quince jam.\r\n";
    DeliveryReceipt receipt;
    QVERIFY(
        m_store->deliverAndWait(delivery(message, {target(a), target(b, QStringLiteral("Junk"))}), &receipt)
            .ok());
    QCOMPARE(receipt.storedCount(), 2);
    QVERIFY(receipt.targets[0].folderId > 0);
    QVERIFY(receipt.targets[1].folderId != receipt.targets[0].folderId);
    QCOMPARE(receipt.targets[0].uidValidity, 1);
    // One summary and one text row for the file both rows share.
    const qint64 id = fileId(receipt.file);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_summaries")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT file_id FROM message_summaries")), id);
    QSqlQuery query(m_sql);
    QVERIFY(query.exec(QStringLiteral("SELECT header FROM message_summaries")) && query.next());
    QCOMPARE(query.value(0).toByteArray(), message.left(message.indexOf("\r\n\r\n") + 4));
    QCOMPARE(scalar(QStringLiteral("SELECT rowid FROM message_text WHERE message_text MATCH 'quince'")), id);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT rowid FROM message_text WHERE message_text MATCH 'header_text : marmalade'")),
             id);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM message_text WHERE message_text MATCH 'body_text : marmalade'")),
             0);
    // A target whose folder is gone: exact ones are refused, the others land in INBOX.
    DeliveryTarget exact = target(a, QStringLiteral("Nowhere"));
    exact.exactFolder = true;
    QVERIFY(
        m_store->deliverAndWait(delivery(message, {exact, target(a, QStringLiteral("Nowhere"))}), &receipt)
            .ok());
    QCOMPARE(receipt.targets[0].outcome, Outcome::NoSuchMailbox);
    QCOMPARE(receipt.targets[1].outcome, Outcome::Stored);
    QCOMPARE(receipt.targets[1].uid, 2);
}

void TestStoreMessages::quotaNoticeRemovedByOpenKeepsUsedBytes()
{
    const qint64 mailbox = addMailbox(QStringLiteral("quinn@example.org"), 10000);
    const QByteArray message = makeMessage(8500);
    DeliveryReceipt receipt;
    QVERIFY(m_store->deliverAndWait(delivery(message, {target(mailbox)}), &receipt).ok());
    m_store->close();
    const auto rows = m_store->messages(mailbox, QStringLiteral("INBOX"));
    QCOMPARE(rows.size(), 2); // the delivery and the 80 % notice
    const QString notice = rows[0].file == receipt.file ? rows[1].file : rows[0].file;
    QVERIFY(setSyncedThrough(fileId(receipt.file)));
    QVERIFY(fileId(notice) > fileId(receipt.file));
    QVERIFY(QFile::remove(m_dir->filePath(notice)));

    const StoreResult reopened = m_store->open();
    QVERIFY2(reopened.ok(), qPrintable(reopened.message));
    QCOMPARE(m_store->messages(mailbox, QStringLiteral("INBOX")).size(), 1);
    // The notice was never counted, so its removal takes nothing off.
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)),
             message.size());
}

void TestStoreMessages::fileIdsNeverReused()
{
    const qint64 mailbox = addMailbox(QStringLiteral("rita@example.org"));
    DeliveryReceipt first;
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(500), {target(mailbox)}), &first).ok());
    const qint64 firstId = fileId(first.file);
    // An expunge of the newest message: SQLite alone would give its id to the next row.
    QVERIFY(QSqlQuery(m_sql).exec(QStringLiteral("DELETE FROM messages")));
    QVERIFY(QSqlQuery(m_sql).exec(QStringLiteral("DELETE FROM message_files")));
    DeliveryReceipt second;
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(500), {target(mailbox)}), &second).ok());
    QVERIFY(fileId(second.file) > firstId);
    m_store->close();
    QVERIFY(m_store->open().ok());
    DeliveryReceipt third;
    QVERIFY(m_store->deliverAndWait(delivery(makeMessage(500), {target(mailbox)}), &third).ok());
    QVERIFY(fileId(third.file) > fileId(second.file));
}

void TestStoreMessages::diskFull()
{
    const qint64 mailbox = addMailbox(QStringLiteral("erin@example.org"));
    m_store->close();
    // A 1 MB file system under messages/ so that the disk really fills up. Mounting needs root;
    // without it, a read-only messages/tmp gives the same path through the code with Io.
    const QString messages = m_dir->filePath(QStringLiteral("messages"));
    const bool mounted =
        QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=1m,mode=0700"), QStringLiteral("tmpfs"), messages}) == 0;
    const auto unmount = qScopeGuard([&] {
        m_store->close();
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), messages});
    });
    if (!mounted && ::geteuid() == 0)
        QSKIP("cannot mount a tmpfs here, and as root a read-only directory does not stop writes");
    const StoreResult reopened = m_store->open();
    QVERIFY2(reopened.ok(), qPrintable(reopened.message));
    if (!mounted)
        QVERIFY(::chmod(QFile::encodeName(messages + QStringLiteral("/tmp")).constData(), 0500) == 0);

    DeliveryReceipt receipt;
    const StoreResult result = m_store->deliverAndWait(
        delivery(makeMessage(mounted ? 2 * 1024 * 1024 : 1000), {target(mailbox)}), &receipt);
    QVERIFY(!result.ok());
    QCOMPARE(result.code, mounted ? StoreErrorCode::DiskFull : StoreErrorCode::Io);
    QVERIFY(!result.message.isEmpty());
    if (mounted)
        QVERIFY2(result.message.contains(QLatin1String("disk is full")), qPrintable(result.message));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_files")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT used_bytes FROM mailboxes WHERE id = %1").arg(mailbox)), 0);
    QVERIFY(QDir(messages + QStringLiteral("/tmp")).isEmpty());

    // Once there is room again, the store goes on.
    if (!mounted)
        QVERIFY(::chmod(QFile::encodeName(messages + QStringLiteral("/tmp")).constData(), 0700) == 0);
    const QByteArray small = makeMessage(3000);
    const StoreResult next = m_store->deliverAndWait(delivery(small, {target(mailbox)}), &receipt);
    QVERIFY2(next.ok(), qPrintable(next.message));
    QCOMPARE(receipt.targets[0].uid, 1);
    QCOMPARE(m_store->readFile(receipt.file), small);
}

void TestStoreMessages::closedStoreRefuses()
{
    const qint64 mailbox = addMailbox(QStringLiteral("frank@example.org"));
    m_store->close();
    const StoreResult result = m_store->deliverAndWait(delivery(makeMessage(100), {target(mailbox)}));
    QVERIFY(!result.ok());
    QCOMPARE(result.code, StoreErrorCode::Io);
    MessageStore unopened(dataDir(), dbPath());
    QVERIFY(!unopened.deliverAndWait(delivery(makeMessage(100), {target(mailbox)})).ok());
}

QTEST_GUILESS_MAIN(TestStoreMessages)
#include "tst_store_messages.moc"
