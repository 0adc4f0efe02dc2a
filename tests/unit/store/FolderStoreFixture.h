#pragma once

// The set-up both FolderStore tests share: a data directory, the database at the current schema,
// a MessageStore and a FolderStore over it, and synchronous forms of the asynchronous writes.
#include "service/store/Database.h"
#include "service/store/FolderStore.h"
#include "service/store/MessageStore.h"
#include "service/store/Migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <limits>
#include <memory>
#include <optional>

using pw::service::Database;
using pw::service::Delivery;
using pw::service::DeliveryReceipt;
using pw::service::DeliveryTarget;
using pw::service::FolderChanges;
using pw::service::FolderInfo;
using pw::service::FolderMessage;
using pw::service::FolderSnapshot;
using pw::service::FolderStore;
using pw::service::MessageStore;
using pw::service::StoredSummary;
using pw::service::StoreErrorCode;
using pw::service::StoreResult;
using FlagMode = pw::service::FolderStore::FlagMode;
using TextScope = pw::service::FolderStore::TextScope;
using Counts = pw::service::FolderStore::Counts;
using UidMap = QList<QPair<qint64, qint64>>;

namespace folder_store_test {

inline QByteArray textMessage(const QByteArray& subject, const QByteArray& body)
{
    return "From: <a@example.net>\r\nTo: <b@example.org>\r\nSubject: " + subject +
           "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

// Runs the event loop until `done` or 30 s.
template<typename Predicate> inline bool waitUntil(Predicate done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 30000)
        QTest::qWait(1);
    return done();
}

} // namespace folder_store_test

using namespace folder_store_test;

class FolderStoreFixture
{
protected:
    void setUp();
    void tearDown();

    qint64 addMailbox(const QString& address, qint64 quota = 0);
    qint64 scalar(const QString& sql);
    qint64 folderId(qint64 mailbox, const QString& name);
    DeliveryReceipt deliver(qint64 mailbox, const QByteArray& message,
                            const QString& folder = QStringLiteral("INBOX"));
    QList<FolderMessage> messages(qint64 mailbox, const QString& folder);

    // Synchronous forms of the FolderStore writes: they run the event loop until the callback.
    StoreResult create(qint64 mailbox, const QString& name);
    StoreResult remove(qint64 mailbox, const QString& name);
    StoreResult rename(qint64 mailbox, const QString& from, const QString& to);
    StoreResult flags(qint64 folder, const QList<qint64>& uids, FlagMode mode, const QStringList& flags,
                      qint64 unchangedSince = -1, QList<FolderMessage>* changed = nullptr,
                      QList<qint64>* refused = nullptr);
    StoreResult expunge(qint64 folder, const QList<qint64>& uids, QList<qint64>* expunged = nullptr);
    StoreResult copy(qint64 folder, const QList<qint64>& uids, qint64 dest, bool move,
                     qint64* uidValidity = nullptr, UidMap* map = nullptr);
    StoreResult append(qint64 mailbox, const QString& folder, const QByteArray& message,
                       const QStringList& flags, const QDateTime& date, qint64* uidValidity = nullptr,
                       qint64* uid = nullptr);

    QString dataDir() const { return m_dir->path(); }
    QString dbPath() const { return m_dir->filePath(QStringLiteral("postwarden.db")); }

    QObject m_context; // where the writes' callbacks run
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    QSqlDatabase m_sql;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<FolderStore> m_folders;
};
