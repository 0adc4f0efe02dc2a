#pragma once

// QTest finds these by ADL, so that a failed QCOMPARE names the value instead of a number.
// Header-only: each test includes what it compares.

#include "shared/auth/dkim/DkimResult.h"
#include "shared/auth/dmarc/DmarcResult.h"
#include "shared/dns/LookupResult.h"
#include "shared/dns/RecordType.h"

#include <QByteArray>

namespace pw::dns {
inline char* toString(Status status)
{
    return qstrdup(qPrintable(statusName(status)));
}
inline char* toString(RecordType type)
{
    return qstrdup(qPrintable(recordTypeName(type)));
}
} // namespace pw::dns

namespace pw::auth {
inline char* toString(DkimStatus status)
{
    return qstrdup(qPrintable(dkimStatusName(status)));
}
inline char* toString(DmarcStatus status)
{
    return qstrdup(qPrintable(dmarcStatusName(status)));
}
inline char* toString(DmarcDisposition disposition)
{
    return qstrdup(qPrintable(dmarcDispositionName(disposition)));
}
} // namespace pw::auth
