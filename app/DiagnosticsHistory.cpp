#include "app/DiagnosticsHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace pw::app {

namespace {

constexpr int kFormatVersion = 1;
constexpr std::array kStatuses{diag::CheckStatus::Pass, diag::CheckStatus::Info, diag::CheckStatus::Warn,
                               diag::CheckStatus::Fail, diag::CheckStatus::Unknown};
} // namespace

DiagnosticsRunRecord DiagnosticsRunRecord::fromResults(const QString& domain,
                                                       const diag::CheckResults& results,
                                                       const QDateTime& time)
{
    DiagnosticsRunRecord run;
    run.time = (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toUTC();
    run.domain = domain;
    run.worst = diag::worstStatus(results);
    run.results = results;
    for (const diag::CheckResult& result : results)
        ++run.counts.at(static_cast<size_t>(result.status));
    return run;
}

QJsonObject DiagnosticsRunRecord::toJson() const
{
    QJsonObject tallies;
    for (const diag::CheckStatus status : kStatuses)
        tallies.insert(diag::checkStatusName(status), count(status));
    QJsonArray list;
    for (const diag::CheckResult& result : results)
        list.append(result.toJson());
    return QJsonObject{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("domain"), domain},
                       {QStringLiteral("worst"), diag::checkStatusName(worst)},
                       {QStringLiteral("counts"), tallies},
                       {QStringLiteral("results"), list}};
}

std::optional<DiagnosticsRunRecord> DiagnosticsRunRecord::fromJson(const QJsonObject& object)
{
    const QDateTime time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    diag::CheckResults results;
    for (const QJsonValue& value : object.value(QStringLiteral("results")).toArray())
        results.append(diag::CheckResult::fromJson(value.toObject()));
    // Verdict and counts follow from the results; a file edited by hand cannot make them disagree.
    return fromResults(object.value(QStringLiteral("domain")).toString(), results, time);
}

DiagnosticsHistory::DiagnosticsHistory(const QString& path, qsizetype limit, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_limit(std::max<qsizetype>(1, limit))
{
    m_runs = readFile(&m_loadError);
}

DiagnosticsHistory& DiagnosticsHistory::shared()
{
    static QPointer<DiagnosticsHistory> instance;
    if (!instance) {
        Q_ASSERT(QCoreApplication::instance());
        instance = new DiagnosticsHistory(defaultPath(), kDefaultLimit, QCoreApplication::instance());
    }
    return *instance;
}

QString DiagnosticsHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/diagnostics-history.json");
}

std::optional<DiagnosticsRunRecord> DiagnosticsHistory::latest() const
{
    if (m_runs.isEmpty())
        return std::nullopt;
    return m_runs.last();
}

void DiagnosticsHistory::reload()
{
    m_runs = readFile(&m_loadError);
    emit changed();
}

bool DiagnosticsHistory::append(const DiagnosticsRunRecord& run, QString* error)
{
    QString readError;
    QList<DiagnosticsRunRecord> onDisk = readFile(&readError);
    // An unreadable file is not thrown away with the next write: what we hold stays, plus the run.
    m_runs = readError.isEmpty() && QFileInfo::exists(m_path) ? onDisk : m_runs;
    m_runs.append(run);
    std::stable_sort(
        m_runs.begin(), m_runs.end(),
        [](const DiagnosticsRunRecord& a, const DiagnosticsRunRecord& b) { return a.time < b.time; });
    if (m_runs.size() > m_limit)
        m_runs.remove(0, m_runs.size() - m_limit);
    const bool written = writeFile(error);
    emit changed();
    return written;
}

QList<DiagnosticsRunRecord> DiagnosticsHistory::readFile(QString* error) const
{
    error->clear();
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(m_path, file.errorString());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("%1 is not a diagnostics history: %2").arg(m_path, parseError.errorString());
        return {};
    }
    QList<DiagnosticsRunRecord> runs;
    for (const QJsonValue& value : document.object().value(QStringLiteral("runs")).toArray()) {
        if (auto run = DiagnosticsRunRecord::fromJson(value.toObject()))
            runs.append(std::move(*run));
    }
    if (runs.size() > m_limit)
        runs.remove(0, runs.size() - m_limit);
    return runs;
}

bool DiagnosticsHistory::writeFile(QString* error) const
{
    const auto fail = [error](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return fail(tr("cannot create the folder of %1").arg(m_path));
    QJsonArray list;
    for (const DiagnosticsRunRecord& run : m_runs)
        list.append(run.toJson());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot write %1: %2").arg(m_path, file.errorString()));
    file.write(QJsonDocument(
                   QJsonObject{{QStringLiteral("version"), kFormatVersion}, {QStringLiteral("runs"), list}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(tr("cannot write %1: %2").arg(m_path, file.errorString()));
    return true;
}

} // namespace pw::app
