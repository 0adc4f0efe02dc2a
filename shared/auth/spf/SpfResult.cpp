#include "shared/auth/spf/SpfResult.h"

#include <array>
#include <utility>

namespace pw::auth {

namespace {

constexpr std::array<std::pair<SpfResult::Result, const char*>, 7> kNames{{
    {SpfResult::None, "none"},
    {SpfResult::Neutral, "neutral"},
    {SpfResult::Pass, "pass"},
    {SpfResult::Fail, "fail"},
    {SpfResult::SoftFail, "softfail"},
    {SpfResult::TempError, "temperror"},
    {SpfResult::PermError, "permerror"},
}};

} // namespace

QString SpfResult::resultName(Result result)
{
    for (const auto& [value, name] : kNames) {
        if (value == result)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("none");
}

std::optional<SpfResult::Result> SpfResult::resultFromName(const QString& name)
{
    for (const auto& [value, text] : kNames) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace pw::auth
