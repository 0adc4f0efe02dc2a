#include "service/store/MessageStore.h"

#include "service/store/CallbackRelay.h"
#include "service/store/MessageWriter.h"
#include "shared/core/LogCategories.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// The connections of the reading threads, by thread. A connection is closed when its thread
// finishes, or with the store. Shared with the threads' finished handlers, which may run after
// the store is gone.
struct MessageStore::ReadConnections
{
    QMutex mutex;
    QHash<QThread*, QString> names;

    void remove(QThread* thread)
    {
        QMutexLocker lock(&mutex);
        if (const auto found = names.constFind(thread); found != names.cend()) {
            QSqlDatabase::removeDatabase(*found);
            names.erase(found);
        }
    }
};

MessageStore::MessageStore(const QString& dataDir, const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_databasePath(databasePath)
    , m_readConnections(std::make_shared<ReadConnections>())
{}

MessageStore::~MessageStore()
{
    close();
    m_writer.reset();
    // Readers on other threads are expected to be done by now; their connections go too.
    QMutexLocker lock(&m_readConnections->mutex);
    for (const QString& name : std::as_const(m_readConnections->names))
        QSqlDatabase::removeDatabase(name);
    m_readConnections->names.clear();
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
    MessageWriter::Finish finish = relayTo(context, std::move(done));
    if (!m_writer) {
        finish(StoreResult::failure(StoreErrorCode::Io, tr("The message store is not open.")), {});
        return;
    }
    m_writer->enqueue(std::move(delivery), std::move(finish));
}

void MessageStore::write(WriteTask task, WriteFinish finish)
{
    if (!m_writer) {
        finish(StoreResult::failure(StoreErrorCode::Io, tr("The message store is not open.")));
        return;
    }
    m_writer->enqueueTask(std::move(task), std::move(finish));
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

QSqlDatabase MessageStore::readConnection() const
{
    QThread* thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_readConnections->mutex);
        if (const auto found = m_readConnections->names.constFind(thread);
            found != m_readConnections->names.cend()) {
            // A thread object at the address of one that ended without `finished` (an adopted
            // thread) gets an invalid connection here, and a new one below.
            QSqlDatabase db = QSqlDatabase::database(*found, false);
            if (db.isValid() && db.isOpen())
                return db;
            QSqlDatabase::removeDatabase(*found);
            m_readConnections->names.erase(found);
        }
    }
    const QString name =
        QStringLiteral("postwarden-read-%1-%2")
            .arg(++readConnectionCounter)
            .arg(thread->objectName().isEmpty() ? QString::number(quintptr(QThread::currentThreadId()), 16)
                                                : thread->objectName());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_databasePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (db.open()) {
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA query_only=ON"));
    } else {
        qCWarning(lcStore) << "cannot open" << m_databasePath << "for reading:" << db.lastError().text();
    }
    QMutexLocker lock(&m_readConnections->mutex);
    m_readConnections->names.insert(thread, name);
    if (QCoreApplication::instance() && thread != QCoreApplication::instance()->thread()) {
        // Direct: runs on the finishing thread, the only one that may close its connection.
        QObject::connect(
            thread, &QThread::finished, thread,
            [connections = m_readConnections, thread] { connections->remove(thread); }, Qt::DirectConnection);
    }
    return db;
}

QList<StoredMessage> MessageStore::messages(qint64 mailboxId, const QString& folder) const
{
    QList<StoredMessage> list;
    QSqlQuery query(readConnection());
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
    // Plain POSIX calls: one open, fstat and read per message, which a FETCH of 1,000 bodies
    // repeats a thousand times.
    const QByteArray path = QFile::encodeName(m_dataDir + QLatin1Char('/') + relativePath);
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    struct stat info;
    if (fd < 0 || ::fstat(fd, &info) != 0) {
        qCWarning(lcStore) << "cannot read message file" << path << ":" << strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return {};
    }
    QByteArray bytes(qsizetype(info.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    bytes.truncate(done);
    return bytes;
}

} // namespace pw::service
