// The message store alone: 4 KB deliveries from 1, 10 and 50 concurrent producers, each waiting
// for its callback before the next delivery (as an SMTP session waits before its 250). Prints
// deliveries/s, the number of batches (group commits) and the average batch size.
// Run: build/bin/bench_store [messages per run] [data directory]
//   (defaults: 5000, a temporary directory; targets: over 700/s with 1 producer, over 2,000/s
//    with 10 and 50)

#include "service/store/Database.h"
#include "service/store/MessageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using pw::service::Delivery;
using pw::service::DeliveryReceipt;
using pw::service::DeliveryTarget;
using pw::service::MessageStore;
using pw::service::StoreResult;

namespace {

constexpr int mailboxCount = 10;

bool createMailboxes(const QString& databasePath, QList<qint64>* ids)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-setup"));
        db.setDatabaseName(databasePath);
        if (!db.open())
            return false;
        QSqlQuery query(db);
        bool ok =
            query.exec(QStringLiteral("INSERT INTO domains (name, created) VALUES ('example.org', 'now')"));
        for (int i = 0; ok && i < mailboxCount; ++i) {
            ok = query.exec(
                QStringLiteral("INSERT INTO mailboxes (address, domain_id, password_hash, created) "
                               "VALUES ('user%1@example.org', 1, 'x', 'now')")
                    .arg(i));
            const qint64 id = query.lastInsertId().toLongLong();
            ids->append(id);
            ok = ok && query.exec(QStringLiteral("INSERT INTO folders (mailbox_id, name, uidvalidity) "
                                                 "VALUES (%1, 'INBOX', 1)")
                                      .arg(id));
        }
        if (!ok)
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(query.lastError().text()));
        if (!ok)
            return false;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-setup"));
    return true;
}

// What one fdatasync of a fresh 4 KB file costs on this disk, to read the figures against.
double fdatasyncMillis(const QString& dir)
{
    const QByteArray path = QFile::encodeName(dir + QStringLiteral("/fsync-probe"));
    const QByteArray data(4096, 'x');
    QElapsedTimer timer;
    timer.start();
    constexpr int rounds = 100;
    for (int i = 0; i < rounds; ++i) {
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ::write(fd, data.constData(), data.size()) != data.size() || ::fdatasync(fd) != 0)
            return -1;
        ::close(fd);
    }
    ::unlink(path.constData());
    return double(timer.nsecsElapsed()) / 1e6 / rounds;
}

struct RunResult
{
    int stored = 0;
    int failed = 0;
    qint64 millis = 0;
    qint64 batches = 0;
};

RunResult run(MessageStore& store, const QList<qint64>& mailboxes, int producers, int total)
{
    const QByteArray message = [] {
        QByteArray m = "From: <sender@example.net>\r\nTo: <user@example.org>\r\nSubject: bench\r\n\r\n";
        while (m.size() < 4096 - 72)
            m += QByteArray(70, 'b') + "\r\n";
        return m.leftJustified(4094, 'c') + "\r\n";
    }();
    RunResult result;
    int started = 0;
    QEventLoop loop;
    QObject context;
    std::function<void(int)> next = [&](int producer) {
        if (started >= total) {
            if (result.stored + result.failed == total)
                loop.quit();
            return;
        }
        ++started;
        Delivery delivery;
        delivery.message = message;
        DeliveryTarget target;
        target.mailboxId = mailboxes[(started + producer) % mailboxes.size()];
        delivery.targets = {target};
        store.deliver(std::move(delivery), &context,
                      [&, producer](const StoreResult& stored, const DeliveryReceipt& receipt) {
                          if (stored.ok() && receipt.storedCount() == 1)
                              ++result.stored;
                          else
                              ++result.failed;
                          next(producer);
                      });
    };
    const qint64 batchesBefore = store.batchCount();
    QElapsedTimer timer;
    timer.start();
    for (int p = 0; p < producers; ++p)
        next(p);
    loop.exec();
    result.millis = std::max<qint64>(1, timer.elapsed());
    result.batches = store.batchCount() - batchesBefore;
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? std::clamp(QByteArray(argv[1]).toInt(), 1, 1000000) : 5000;
    QTemporaryDir temporary(argc > 2 ? QString::fromLocal8Bit(argv[2]) + QStringLiteral("/bench-store-XXXXXX")
                                     : QString());
    if (!temporary.isValid()) {
        std::fprintf(stderr, "bench_store: cannot create a temporary directory\n");
        return 1;
    }
    const QString databasePath = temporary.filePath(QStringLiteral("postwarden.db"));
    QList<qint64> mailboxes;
    {
        pw::service::Database database;
        if (const StoreResult opened = database.open(databasePath); !opened.ok()) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.message));
            return 1;
        }
        if (!createMailboxes(databasePath, &mailboxes))
            return 1;
    }
    MessageStore store(temporary.path(), databasePath);
    if (const StoreResult opened = store.open(); !opened.ok()) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.message));
        return 1;
    }

    std::printf("data directory: %s\n", qPrintable(temporary.path()));
    std::printf("fdatasync of a new 4 KB file: %.3f ms\n", fdatasyncMillis(temporary.path()));
    std::printf("%9s %9s %12s %9s %11s %8s\n", "producers", "messages", "deliveries/s", "batches",
                "avg batch", "failed");
    int exitCode = 0;
    for (const int producers : {1, 10, 50}) {
        const RunResult result = run(store, mailboxes, producers, total);
        std::printf("%9d %9d %12.0f %9lld %11.1f %8d\n", producers, result.stored,
                    result.stored * 1000.0 / double(result.millis), static_cast<long long>(result.batches),
                    result.batches > 0 ? double(result.stored) / double(result.batches) : 0.0, result.failed);
        if (result.failed > 0)
            exitCode = 1;
    }
    store.close();
    return exitCode;
}
