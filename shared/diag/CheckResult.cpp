#include "shared/diag/CheckResult.h"

#include <QJsonArray>
#include <array>

namespace pw::diag {

namespace {
constexpr std::array kNames{"pass", "info", "warn", "fail", "unknown"};

// Fail outranks "could not tell", which outranks a warning: an unknown is not a pass.
int severity(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return 0;
    case CheckStatus::Info:
        return 1;
    case CheckStatus::Warn:
        return 2;
    case CheckStatus::Unknown:
        return 3;
    case CheckStatus::Fail:
        return 4;
    }
    return 4;
}
} // namespace

QString checkStatusName(CheckStatus status)
{
    return QString::fromLatin1(kNames.at(static_cast<size_t>(status)));
}

CheckStatus checkStatusFromName(const QString& name, bool* ok)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (name == QLatin1String(kNames[i])) {
            if (ok)
                *ok = true;
            return static_cast<CheckStatus>(i);
        }
    }
    if (ok)
        *ok = false;
    return CheckStatus::Unknown;
}

QJsonObject CheckResult::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), checkStatusName(status)},
        {QStringLiteral("title"), title},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("explanation"), explanation},
        {QStringLiteral("fix"), fix},
        {QStringLiteral("evidence"), QJsonArray::fromStringList(evidence)},
    };
}

CheckResult CheckResult::fromJson(const QJsonObject& object)
{
    CheckResult result;
    result.id = object.value(QStringLiteral("id")).toString();
    result.status = checkStatusFromName(object.value(QStringLiteral("status")).toString());
    result.title = object.value(QStringLiteral("title")).toString();
    result.summary = object.value(QStringLiteral("summary")).toString();
    result.explanation = object.value(QStringLiteral("explanation")).toString();
    result.fix = object.value(QStringLiteral("fix")).toString();
    for (const QJsonValue& line : object.value(QStringLiteral("evidence")).toArray())
        result.evidence.append(line.toString());
    return result;
}

CheckStatus worstStatus(const CheckResults& results)
{
    CheckStatus worst = CheckStatus::Pass;
    for (const CheckResult& result : results) {
        if (severity(result.status) > severity(worst))
            worst = result.status;
    }
    return worst;
}

} // namespace pw::diag
