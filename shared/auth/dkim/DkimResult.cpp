#include "shared/auth/dkim/DkimResult.h"

namespace pw::auth {

bool DkimVerification::hasPass() const
{
    for (const DkimResult& result : results) {
        if (result.status == DkimStatus::Pass)
            return true;
    }
    return false;
}

QString dkimStatusName(DkimStatus status)
{
    switch (status) {
    case DkimStatus::None:
        return QStringLiteral("none");
    case DkimStatus::Pass:
        return QStringLiteral("pass");
    case DkimStatus::Fail:
        return QStringLiteral("fail");
    case DkimStatus::Neutral:
        return QStringLiteral("neutral");
    case DkimStatus::TempError:
        return QStringLiteral("temperror");
    case DkimStatus::PermError:
        return QStringLiteral("permerror");
    }
    return QStringLiteral("none");
}

} // namespace pw::auth
