#include "service/store/WriteTask.h"

#include "service/store/StoreFailure.h"
#include "shared/core/LogCategories.h"

#include <QFile>
#include <QSqlQuery>
#include <cerrno>
#include <unistd.h>

namespace pw::service {

QSet<qint64> runWriteJobs(const QSqlDatabase& db, const QString& dataDir, std::vector<WriteJob>& jobs)
{
    QSqlQuery query(db);
    std::vector<StoreResult> results(jobs.size());
    std::vector<WriteTransaction> transactions(jobs.size());
    StoreResult all = StoreResult::success();
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        all = StoreFailure::sql(query);
    for (size_t i = 0; all.ok() && i < jobs.size(); ++i) {
        if (!query.exec(QStringLiteral("SAVEPOINT task"))) {
            all = StoreFailure::sql(query);
            break;
        }
        transactions[i].db = db;
        results[i] = jobs[i].task(transactions[i]);
        if (results[i].ok()) {
            if (!query.exec(QStringLiteral("RELEASE task")))
                all = StoreFailure::sql(query);
            continue;
        }
        transactions[i] = {};
        if (!query.exec(QStringLiteral("ROLLBACK TO task")) || !query.exec(QStringLiteral("RELEASE task")))
            all = StoreFailure::sql(query);
    }
    if (all.ok() && !query.exec(QStringLiteral("COMMIT")))
        all = StoreFailure::sql(query);
    if (!all.ok()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        qCWarning(lcStore) << jobs.size() << "store writes failed:" << all.message;
        for (WriteJob& job : jobs)
            job.finish(all);
        return {};
    }

    QSet<qint64> changed;
    for (const WriteTransaction& transaction : transactions) {
        for (const QString& path : transaction.filesToRemove) {
            const QByteArray file = QFile::encodeName(dataDir + QLatin1Char('/') + path);
            if (::unlink(file.constData()) == 0 || errno == ENOENT)
                continue;
            const int error = errno;
            qCWarning(lcStore).noquote()
                << "cannot remove" << QFile::decodeName(file) << ":" << StoreFailure::errnoText(error);
        }
        changed.unite(transaction.changedFolders);
    }
    for (size_t i = 0; i < jobs.size(); ++i)
        jobs[i].finish(results[i]);
    return changed;
}

} // namespace pw::service
