#pragma once

#include "shared/auth/dmarc/DmarcRecord.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw::auth {

// What DMARC needs from SPF and DKIM, kept as plain values so that this module does not depend
// on theirs.
struct DmarcDkimInput
{
    QString domain; // d= of the signature
    bool pass = false;
};

struct DmarcInput
{
    QString fromDomain; // the RFC5322.From domain (RFC 7489 3.1)
    bool spfPass = false;
    // The domain SPF authenticated: the MAIL FROM domain, or the HELO domain for a null
    // reverse-path (RFC 7489 4.1, RFC 7208 2.4).
    QString spfDomain;
    QList<DmarcDkimInput> dkim; // every signature, verified or not
};

// RFC 7489 11.2 / RFC 8601 2.7.1 method results.
enum class DmarcStatus
{
    None,      // no policy published for the domain (or several records)
    Pass,      // SPF or DKIM passed, aligned with the From domain
    Fail,      // neither did
    TempError, // a DNS lookup failed temporarily; try again later
    PermError, // the From domain is unusable, or the record is broken beyond use
};

// What the receiver should do with the message (RFC 7489 6.3, 6.6.4).
enum class DmarcDisposition
{
    None,
    Quarantine,
    Reject,
};

// Which of the record's policies applies (RFC 7489 6.6.3 step 6, RFC 9091 4).
enum class DmarcPolicySource
{
    Domain,      // p: the record belongs to the From domain itself
    Subdomain,   // sp: the record came from the organizational domain
    NonExistent, // np: the From domain does not exist
};

[[nodiscard]] QString dmarcStatusName(DmarcStatus status);
[[nodiscard]] QString dmarcDispositionName(DmarcDisposition disposition);

struct DmarcEvaluation
{
    DmarcStatus status = DmarcStatus::None;
    QString fromDomain;           // normalised (A-labels, lower case)
    QString organizationalDomain; // of fromDomain
    // The record used, its text and where it was found ("_dmarc.example.com").
    std::optional<DmarcRecord> record;
    QString recordText;
    QString recordName;
    DmarcPolicySource policySource = DmarcPolicySource::Domain;
    DmarcPolicy appliedPolicy = DmarcPolicy::None; // p, sp or np, before pct
    bool spfAligned = false;
    bool dkimAligned = false;
    QString alignedDkimDomain; // the d= that passed and aligned, if any
    // pct < 100 and this message fell outside the sample: the disposition is one step milder
    // (RFC 7489 6.6.4).
    bool sampledOut = false;
    DmarcDisposition disposition = DmarcDisposition::None;
    QString explanation; // plain words for logs, the admin console and reports
    QStringList warnings;
};

} // namespace pw::auth
