#include "shared/auth/dmarc/DmarcVerdict.h"

namespace pw::auth {

QString dmarcStatusName(DmarcStatus status)
{
    switch (status) {
    case DmarcStatus::None:
        return QStringLiteral("none");
    case DmarcStatus::Pass:
        return QStringLiteral("pass");
    case DmarcStatus::Fail:
        return QStringLiteral("fail");
    case DmarcStatus::TempError:
        return QStringLiteral("temperror");
    case DmarcStatus::PermError:
        return QStringLiteral("permerror");
    }
    return {};
}

QString dmarcDispositionName(DmarcDisposition disposition)
{
    switch (disposition) {
    case DmarcDisposition::None:
        return QStringLiteral("none");
    case DmarcDisposition::Quarantine:
        return QStringLiteral("quarantine");
    case DmarcDisposition::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

bool DmarcVerdict::isAligned(const QString& authenticatedDomain, const QString& fromDomain,
                             DmarcAlignment mode, const PublicSuffixList& psl)
{
    const QString a = normalizedDomain(authenticatedDomain);
    const QString b = normalizedDomain(fromDomain);
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (mode == DmarcAlignment::Strict) // RFC 7489 3.1.1, 3.1.2: exact match
        return a == b;
    return psl.organizationalDomain(a) == psl.organizationalDomain(b);
}

namespace {

DmarcDisposition dispositionOf(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::None:
        return DmarcDisposition::None;
    case DmarcPolicy::Quarantine:
        return DmarcDisposition::Quarantine;
    case DmarcPolicy::Reject:
        return DmarcDisposition::Reject;
    }
    return DmarcDisposition::None;
}

// RFC 7489 6.6.4: a message outside the pct sample gets the next less strict policy.
DmarcPolicy milder(DmarcPolicy policy)
{
    return policy == DmarcPolicy::Reject ? DmarcPolicy::Quarantine : DmarcPolicy::None;
}

QString policyTag(DmarcPolicySource source)
{
    switch (source) {
    case DmarcPolicySource::Domain:
        return QStringLiteral("p");
    case DmarcPolicySource::Subdomain:
        return QStringLiteral("sp");
    case DmarcPolicySource::NonExistent:
        return QStringLiteral("np");
    }
    return {};
}

} // namespace

void DmarcVerdict::decide(const DmarcInput& input, const PublicSuffixList& psl,
                          const DmarcRandomSource& random, DmarcEvaluation* evaluation)
{
    Q_ASSERT(evaluation && evaluation->record);
    const DmarcRecord& record = *evaluation->record;
    DmarcEvaluation& e = *evaluation;

    // RFC 7489 6.6.2: an identifier aligns only if its mechanism passed.
    e.spfAligned = input.spfPass && isAligned(input.spfDomain, e.fromDomain, record.spfAlignment, psl);
    for (const DmarcDkimInput& dkim : input.dkim) {
        if (dkim.pass && isAligned(dkim.domain, e.fromDomain, record.dkimAlignment, psl)) {
            e.dkimAligned = true;
            e.alignedDkimDomain = normalizedDomain(dkim.domain);
            break;
        }
    }

    switch (e.policySource) {
    case DmarcPolicySource::Domain:
        e.appliedPolicy = record.effectivePolicy();
        break;
    case DmarcPolicySource::Subdomain:
        e.appliedPolicy = record.effectiveSubdomainPolicy();
        break;
    case DmarcPolicySource::NonExistent:
        e.appliedPolicy = record.effectiveNonExistentPolicy();
        break;
    }

    const QString where = e.recordName;
    const QString policyText =
        QStringLiteral("%1=%2 of %3").arg(policyTag(e.policySource), dmarcPolicyName(e.appliedPolicy), where);

    if (e.spfAligned || e.dkimAligned) {
        e.status = DmarcStatus::Pass;
        e.disposition = DmarcDisposition::None;
        QStringList how;
        if (e.dkimAligned)
            how.append(QStringLiteral("a DKIM signature of %1 verified").arg(e.alignedDkimDomain));
        if (e.spfAligned)
            how.append(QStringLiteral("SPF passed for %1").arg(normalizedDomain(input.spfDomain)));
        e.explanation = QStringLiteral("DMARC passed for %1: %2, which aligns with the From domain.")
                            .arg(e.fromDomain, how.join(QStringLiteral(" and ")));
        return;
    }

    e.status = DmarcStatus::Fail;
    DmarcPolicy policy = e.appliedPolicy;
    if (record.percent < 100 && policy != DmarcPolicy::None) {
        const quint32 draw = random ? random(100) : 0;
        if (draw >= static_cast<quint32>(record.percent)) {
            e.sampledOut = true;
            policy = milder(policy);
        }
    }
    e.disposition = dispositionOf(policy);

    QStringList why;
    if (!input.spfPass)
        why.append(QStringLiteral("SPF did not pass"));
    else
        why.append(QStringLiteral("SPF passed for %1, which does not align (%2)")
                       .arg(normalizedDomain(input.spfDomain), record.spfAlignment == DmarcAlignment::Strict
                                                                   ? QStringLiteral("strict")
                                                                   : QStringLiteral("relaxed")));
    QStringList passedDkim;
    for (const DmarcDkimInput& dkim : input.dkim)
        if (dkim.pass)
            passedDkim.append(normalizedDomain(dkim.domain));
    if (passedDkim.isEmpty())
        why.append(QStringLiteral("no DKIM signature verified"));
    else
        why.append(QStringLiteral("DKIM verified only for %1, which does not align (%2)")
                       .arg(passedDkim.join(QStringLiteral(", ")),
                            record.dkimAlignment == DmarcAlignment::Strict ? QStringLiteral("strict")
                                                                           : QStringLiteral("relaxed")));
    e.explanation = QStringLiteral("DMARC failed for %1: %2. The domain's policy is %3")
                        .arg(e.fromDomain, why.join(QStringLiteral("; ")), policyText);
    if (e.sampledOut)
        e.explanation += QStringLiteral(", but this message fell outside pct=%1, so it gets %2")
                             .arg(record.percent)
                             .arg(dmarcDispositionName(e.disposition));
    e.explanation += QStringLiteral(".");
}

} // namespace pw::auth
