#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pw::diag {

// Unknown is "could not tell": the check ran but the answer is not ours to give (a refused
// blocklist resolver, a port seen from inside NAT). It never counts as a pass.
enum class CheckStatus
{
    Pass,
    Info,
    Warn,
    Fail,
    Unknown
};

[[nodiscard]] QString checkStatusName(CheckStatus status);
[[nodiscard]] CheckStatus checkStatusFromName(const QString& name, bool* ok = nullptr);

// One finding, as the wizard, the CLI and the service's self-check show it: a stable id that
// scripts and tests match on, a one-line summary, the explanation in plain words, the fix, and
// the evidence (DNS answers, banners) behind the verdict.
struct CheckResult
{
    QString id;
    CheckStatus status = CheckStatus::Unknown;
    QString title;
    QString summary;
    QString explanation;
    QString fix;
    QStringList evidence;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static CheckResult fromJson(const QJsonObject& object);
};

using CheckResults = QList<CheckResult>;

// The worst status of a set: what an overall verdict or an exit code is built from.
[[nodiscard]] CheckStatus worstStatus(const CheckResults& results);

} // namespace pw::diag
