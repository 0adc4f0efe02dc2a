#include "service/store/MessageStore.h"

#include "service/store/MessageWriter.h"
#include "shared/core/LogCategories.h"

#include <QFile>
#include <QPointer>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

namespace pw::service {

namespace {

std::atomic<int> readConnectionCounter{0};

} // namespace

int DeliveryReceipt::storedCount() const
{
    return static_cast<int>(std::count_if(targets.cbegin(), targets.cend(), [](const Target& target) {
        return target.outcome == TargetOutcome::Stored;
    }));
}

// A connection of one reading thread; QThreadStorage closes it when that thread ends.
struct MessageStore::ReadConnection
{
    QString name;
    QSqlDatabase db;

    ~ReadConnection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

MessageStore::MessageStore(const QString& dataDir, const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_databasePath(databasePath)
{}

MessageStore::~MessageStore()
{
    close();
    m_writer.reset();
    // Connections of other threads that outlive the store are leaked by QThreadStorage; readers
    // on other threads are expected to be gone before the store is.
    m_readConnections.setLocalData(nullptr);
}

StoreResult MessageStore::open()
{
    if (m_writer && m_writer->isRunning())
        return StoreResult::success();
    m_writer.reset();
    auto writer = std::make_unique<MessageWriter>(m_dataDir, m_databasePath, this);
    StoreResult result = writer->startWriter();
    if (result.ok())
        m_writer = std::move(writer);
    return result;
}

void MessageStore::close()
{
    // The writer object stays until the store goes, so a late deliver() from another thread
    // gets an error instead of a dangling pointer.
    if (m_writer)
        m_writer->stopWriter();
}

qint64 MessageStore::batchCount() const
{
    return m_writer ? m_writer->batchCount() : 0;
}

void MessageStore::deliver(Delivery delivery, QObject* context, DeliveryCallback done)
{
    MessageWriter::Finish finish;
    if (!context) {
        finish = std::move(done);
    } else {
        // The callback is posted to a relay object of our own on the context's thread, not to the
        // context itself: the context may be destroyed on its thread while the writer posts, and
        // posting to a deleted object is undefined. On the context's thread the QPointer check
        // cannot race with the context's destruction.
        auto* relay = new QObject;
        if (relay->thread() != context->thread())
            relay->moveToThread(context->thread());
        finish = [relay, guard = QPointer<QObject>(context),
                  done = std::move(done)](const StoreResult& result, const DeliveryReceipt& receipt) {
            QMetaObject::invokeMethod(
                relay,
                [relay, guard, done, result, receipt] {
                    if (guard)
                        done(result, receipt);
                    delete relay;
                },
                Qt::QueuedConnection);
        };
    }
    if (!m_writer) {
        finish(StoreResult::failure(StoreErrorCode::Io, tr("The message store is not open.")), {});
        return;
    }
    m_writer->enqueue(std::move(delivery), std::move(finish));
}

StoreResult MessageStore::deliverAndWait(Delivery delivery, DeliveryReceipt* receipt)
{
    QSemaphore finished;
    StoreResult result;
    deliver(std::move(delivery), nullptr, [&](const StoreResult& stored, const DeliveryReceipt& got) {
        result = stored;
        if (receipt)
            *receipt = got;
        finished.release();
    });
    finished.acquire();
    return result;
}

MessageStore::ReadConnection& MessageStore::readConnection() const
{
    if (!m_readConnections.hasLocalData()) {
        auto* connection = new ReadConnection;
        connection->name = QStringLiteral("postwarden-read-%1-%2")
                               .arg(++readConnectionCounter)
                               .arg(QThread::currentThread()->objectName().isEmpty()
                                        ? QString::number(quintptr(QThread::currentThreadId()), 16)
                                        : QThread::currentThread()->objectName());
        connection->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection->name);
        connection->db.setDatabaseName(m_databasePath);
        connection->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (connection->db.open()) {
            QSqlQuery pragma(connection->db);
            pragma.exec(QStringLiteral("PRAGMA query_only=ON"));
        } else {
            qCWarning(lcStore) << "cannot open" << m_databasePath
                               << "for reading:" << connection->db.lastError().text();
        }
        m_readConnections.setLocalData(connection);
    }
    return *m_readConnections.localData();
}

QList<StoredMessage> MessageStore::messages(qint64 mailboxId, const QString& folder) const
{
    QList<StoredMessage> list;
    QSqlQuery query(readConnection().db);
    query.prepare(QStringLiteral("SELECT m.id, m.uid, m.modseq, m.size, m.flags, m.internal_date, f.path "
                                 "FROM messages m JOIN folders fo ON fo.id = m.folder_id "
                                 "JOIN message_files f ON f.id = m.file_id "
                                 "WHERE fo.mailbox_id = ? AND fo.name = ? ORDER BY m.uid"));
    query.addBindValue(mailboxId);
    query.addBindValue(
        folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 ? QStringLiteral("INBOX") : folder);
    if (!query.exec()) {
        qCWarning(lcStore) << "cannot list messages:" << query.lastError().text();
        return list;
    }
    while (query.next()) {
        StoredMessage message;
        message.id = query.value(0).toLongLong();
        message.uid = query.value(1).toLongLong();
        message.modseq = query.value(2).toLongLong();
        message.size = query.value(3).toLongLong();
        message.flags = query.value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        message.internalDate = QDateTime::fromString(query.value(5).toString(), Qt::ISODate);
        message.file = query.value(6).toString();
        list.append(message);
    }
    return list;
}

QByteArray MessageStore::readFile(const QString& relativePath) const
{
    // Only paths the store itself hands out: no way out of messages/.
    if (!relativePath.startsWith(QLatin1String("messages/")) ||
        relativePath.split(QLatin1Char('/')).contains(QLatin1String(".."))) {
        qCWarning(lcStore) << "refused to read" << relativePath;
        return {};
    }
    QFile file(m_dataDir + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcStore) << "cannot read message file" << file.fileName() << ":" << file.errorString();
        return {};
    }
    return file.readAll();
}

} // namespace pw::service
