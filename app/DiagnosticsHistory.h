#pragma once

#include "shared/diag/CheckResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <array>
#include <optional>

namespace pw::app {

// One finished diagnostics run as the history keeps it: when, for which domain, the verdict,
// how many results of each status, and every result in full.
struct DiagnosticsRunRecord
{
    QDateTime time; // UTC, when the run finished
    QString domain;
    diag::CheckStatus worst = diag::CheckStatus::Pass;
    std::array<int, 5> counts{}; // indexed by diag::CheckStatus
    diag::CheckResults results;

    [[nodiscard]] int count(diag::CheckStatus status) const { return counts.at(static_cast<size_t>(status)); }

    // Verdict and counts worked out from `results`; `time` defaults to now.
    [[nodiscard]] static DiagnosticsRunRecord
    fromResults(const QString& domain, const diag::CheckResults& results, const QDateTime& time = {});
    [[nodiscard]] QJsonObject toJson() const;
    // nullopt for an entry without a time (a damaged or foreign file).
    [[nodiscard]] static std::optional<DiagnosticsRunRecord> fromJson(const QJsonObject& object);
};

// Past diagnostics runs of the console, newest last, persisted as one JSON file
// ({"version":1,"runs":[DiagnosticsRunRecord::toJson()...]}) written atomically (QSaveFile) and
// bounded to `limit` runs (the oldest go). The file is read at construction; append() reads it
// again first, so that two app windows do not drop each other's runs.
//
// The console shares one instance per process: DiagnosticsHistory::shared(), at defaultPath()
// (AppDataLocation/diagnostics-history.json). The dashboard reads shared().latest() and listens
// to changed(); the diagnostics view appends. Tests construct their own on a path of their own.
class DiagnosticsHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kDefaultLimit = 50;

    explicit DiagnosticsHistory(const QString& path, qsizetype limit = kDefaultLimit,
                                QObject* parent = nullptr);

    // Needs a QCoreApplication, which owns it.
    [[nodiscard]] static DiagnosticsHistory& shared();
    [[nodiscard]] static QString defaultPath();

    [[nodiscard]] QString path() const { return m_path; }
    // Oldest first.
    [[nodiscard]] QList<DiagnosticsRunRecord> runs() const { return m_runs; }
    [[nodiscard]] std::optional<DiagnosticsRunRecord> latest() const;
    // Why the file could not be read at the last (re)load; empty when it was fine or absent.
    [[nodiscard]] QString loadError() const { return m_loadError; }

    // Adds a run and writes the file; on a write failure the run is still kept in memory for
    // this session and false comes back with the reason.
    bool append(const DiagnosticsRunRecord& run, QString* error = nullptr);
    void reload();

signals:
    void changed();

private:
    [[nodiscard]] QList<DiagnosticsRunRecord> readFile(QString* error) const;
    bool writeFile(QString* error) const;

    QString m_path;
    qsizetype m_limit;
    QList<DiagnosticsRunRecord> m_runs;
    QString m_loadError;
};

} // namespace pw::app
