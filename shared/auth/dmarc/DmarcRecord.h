#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace pw::auth {

// RFC 7489 6.3 "p", "sp"; RFC 9091 3.1 "np".
enum class DmarcPolicy
{
    None,
    Quarantine,
    Reject,
};

// RFC 7489 6.3 "adkim", "aspf".
enum class DmarcAlignment
{
    Relaxed,
    Strict,
};

[[nodiscard]] QString dmarcPolicyName(DmarcPolicy policy);
[[nodiscard]] std::optional<DmarcPolicy> dmarcPolicyFromName(const QString& text);

// One entry of "rua" or "ruf" (RFC 7489 6.2, 6.3): a URI with an optional size limit
// ("mailto:a@b!10m").
struct DmarcReportUri
{
    QString uri;
    std::optional<quint64> maxSizeBytes; // none: no limit given

    friend bool operator==(const DmarcReportUri&, const DmarcReportUri&) = default;
};

// A DMARC policy record as published at _dmarc.<domain> (RFC 7489 6.3). Defaults are those
// of the RFC for tags that are absent.
struct DmarcRecord
{
    // nullopt when "p" is missing or invalid but the record was kept for its valid "rua"
    // (RFC 7489 6.6.3 step 6.1: act as p=none); see effectivePolicy().
    std::optional<DmarcPolicy> policy;
    std::optional<DmarcPolicy> subdomainPolicy;   // sp; defaults to p
    std::optional<DmarcPolicy> nonExistentPolicy; // np (RFC 9091); defaults to sp
    DmarcAlignment dkimAlignment = DmarcAlignment::Relaxed;
    DmarcAlignment spfAlignment = DmarcAlignment::Relaxed;
    int percent = 100;
    QList<DmarcReportUri> aggregateReports;            // rua
    QList<DmarcReportUri> failureReports;              // ruf
    QStringList failureOptions{QStringLiteral("0")};   // fo: "0", "1", "d", "s"
    QStringList reportFormats{QStringLiteral("afrf")}; // rf
    quint32 reportInterval = 86400;                    // ri, seconds

    [[nodiscard]] DmarcPolicy effectivePolicy() const { return policy.value_or(DmarcPolicy::None); }
    [[nodiscard]] DmarcPolicy effectiveSubdomainPolicy() const
    {
        return subdomainPolicy.value_or(effectivePolicy());
    }
    [[nodiscard]] DmarcPolicy effectiveNonExistentPolicy() const
    {
        return nonExistentPolicy.value_or(effectiveSubdomainPolicy());
    }
};

struct DmarcParseResult
{
    std::optional<DmarcRecord> record; // set unless errors make the record unusable
    QStringList errors;                // every problem found, in plain words
    QStringList warnings;              // valid but probably not what the owner wants

    [[nodiscard]] bool ok() const { return record.has_value(); }
};

// Pure: the TXT text in, the record or the reasons out.
class DmarcRecordParser
{
public:
    // Whether text is a DMARC record at all: it begins with the tag "v=DMARC1" (RFC 7489 6.6.3
    // step 4 discards other TXT records at _dmarc).
    [[nodiscard]] static bool isDmarcRecord(const QString& text);

    // "v=DMARC1" must come first and "p" must be valid (RFC 7489 6.3). With an invalid or
    // missing "p" (or invalid "sp") the record is still returned, policy unset, when "rua" holds
    // a valid URI (RFC 7489 6.6.3 step 6.1). Invalid values of the other tags are reported as
    // errors and replaced by their defaults (RFC 7489 6.6.3 step 6); unknown tags are ignored
    // (RFC 7489 6.3).
    [[nodiscard]] static DmarcParseResult parse(const QString& text);
};

} // namespace pw::auth
