#include "shared/diag/checks/DmarcCheck.h"

#include "shared/auth/dmarc/DmarcRecord.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/diag/checks/CheckSupport.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>

namespace pw::diag {

namespace {

const QString kRecord = QStringLiteral("dmarc.record");
const QString kPolicy = QStringLiteral("dmarc.policy");
const QString kReports = QStringLiteral("dmarc.reports");

QString recordTitle()
{
    return QCoreApplication::translate("pw::diag", "DMARC record");
}
QString policyTitle()
{
    return QCoreApplication::translate("pw::diag", "DMARC policy");
}
QString reportsTitle()
{
    return QCoreApplication::translate("pw::diag", "DMARC reports");
}

QString reportAddress(const DiagnosticsInput& input)
{
    return QStringLiteral("postmaster@") + input.domain;
}

QString dmarcFix(const DiagnosticsInput& input, auth::DmarcStage stage)
{
    return publishText(QStringLiteral("_dmarc.") + input.domain, dns::RecordType::TXT,
                       auth::DnsRecordGenerator::dmarcText(stage, reportAddress(input)));
}

auth::DmarcStage stageOf(auth::DmarcPolicy policy)
{
    return policy == auth::DmarcPolicy::Reject       ? auth::DmarcStage::Reject
           : policy == auth::DmarcPolicy::Quarantine ? auth::DmarcStage::Quarantine
                                                     : auth::DmarcStage::None;
}

// RFC 7489 6.3 p: none only monitors, quarantine sends failing mail to spam, reject refuses it.
CheckResult policyResult(const DiagnosticsInput& input, auth::DmarcPolicy policy, const QString& explain,
                         const QStringList& evidence)
{
    switch (policy) {
    case auth::DmarcPolicy::None:
        return makeResult(
            kPolicy, CheckStatus::Warn, policyTitle(),
            QCoreApplication::translate("pw::diag", "The DMARC policy is \"none\": monitoring only."),
            explain, dmarcFix(input, auth::DmarcStage::Quarantine), evidence);
    case auth::DmarcPolicy::Quarantine:
        return makeResult(
            kPolicy, CheckStatus::Pass, policyTitle(),
            QCoreApplication::translate("pw::diag", "Forged mail goes to the spam folder (p=quarantine)."),
            explain,
            QCoreApplication::translate("pw::diag", "When the reports show that all your mail passes, "
                                                    "tighten the policy. %1")
                .arg(dmarcFix(input, auth::DmarcStage::Reject)),
            evidence);
    case auth::DmarcPolicy::Reject:
        return makeResult(kPolicy, CheckStatus::Pass, policyTitle(),
                          QCoreApplication::translate("pw::diag", "Forged mail is refused (p=reject)."),
                          explain, QString(), evidence);
    }
    return {};
}

CheckResults evaluate(const DiagnosticsInput& input, const dns::LookupResult& lookup)
{
    const QString name = QStringLiteral("_dmarc.") + input.domain;
    if (lookup.isTemporaryFailure())
        return {dnsUnknown(kRecord, recordTitle(), lookup), dnsUnknown(kPolicy, policyTitle(), lookup),
                dnsUnknown(kReports, reportsTitle(), lookup)};
    QStringList texts;
    QStringList evidence;
    for (const dns::Record& record : lookup.records) {
        // RFC 7489 6.6.3 step 4: TXT records that are not DMARC records are ignored.
        if (auth::DmarcRecordParser::isDmarcRecord(record.text)) {
            texts.append(record.text);
            evidence.append(recordLine(record));
        }
    }
    if (!lookup.isOk())
        evidence = lookupEvidence(lookup);
    const QString explain =
        QCoreApplication::translate(
            "pw::diag",
            "The DMARC record tells receivers what to do with mail that claims to come from %1 but fails "
            "both SPF and DKIM, and where to send reports about it. Large providers expect one; without "
            "it your mail is more likely to be treated as spam and forgers have an easy time.")
            .arg(input.domain);
    const QString fix = dmarcFix(input, auth::DmarcStage::Quarantine);
    const QString notChecked =
        QCoreApplication::translate("pw::diag", "Not checked: %1 has no usable DMARC record.")
            .arg(input.domain);
    if (texts.isEmpty()) {
        evidence = lookupEvidence(lookup); // every TXT record seen, none of them DMARC
        return {
            makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                       QCoreApplication::translate("pw::diag", "%1 has no DMARC record.").arg(input.domain),
                       explain, fix, evidence),
            skipped(kPolicy, policyTitle(), notChecked), skipped(kReports, reportsTitle(), notChecked)};
    }
    if (texts.size() > 1) // RFC 7489 6.6.3 step 5: several records mean no DMARC at all
        return {makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                           QCoreApplication::translate("pw::diag",
                                                       "%1 has %2 DMARC records; receivers ignore them all.")
                               .arg(name)
                               .arg(texts.size()),
                           explain,
                           QCoreApplication::translate("pw::diag", "Delete all but one record. %1").arg(fix),
                           evidence),
                skipped(kPolicy, policyTitle(), notChecked), skipped(kReports, reportsTitle(), notChecked)};
    const auth::DmarcParseResult parsed = auth::DmarcRecordParser::parse(texts.first());
    if (!parsed.ok())
        return {makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                           QCoreApplication::translate("pw::diag", "The DMARC record is invalid: %1.")
                               .arg(parsed.errors.join(QStringLiteral("; "))),
                           explain, QCoreApplication::translate("pw::diag", "Replace it. %1").arg(fix),
                           evidence),
                skipped(kPolicy, policyTitle(), notChecked), skipped(kReports, reportsTitle(), notChecked)};

    CheckResults out;
    // The parser's advice on p=none, pct and rua is given by dmarc.policy and dmarc.reports.
    QStringList problems = parsed.errors;
    for (const QString& warning : parsed.warnings) {
        if (!warning.startsWith(QLatin1String("p=none")) && !warning.startsWith(QLatin1String("pct=")) &&
            !warning.contains(QLatin1String("\"rua\" you receive no reports")))
            problems.append(warning);
    }
    if (problems.isEmpty())
        out.append(makeResult(
            kRecord, CheckStatus::Pass, recordTitle(),
            QCoreApplication::translate("pw::diag", "%1 has one valid DMARC record.").arg(input.domain),
            explain, QString(), evidence));
    else
        out.append(
            makeResult(kRecord, CheckStatus::Warn, recordTitle(),
                       QCoreApplication::translate("pw::diag", "The DMARC record works, with problems: %1.")
                           .arg(problems.join(QStringLiteral("; "))),
                       explain, QCoreApplication::translate("pw::diag", "Consider replacing it. %1").arg(fix),
                       evidence));

    const auth::DmarcRecord& record = *parsed.record;
    const QString explainPolicy = QCoreApplication::translate(
        "pw::diag",
        "p=none only asks for reports: forged mail in your name is still delivered. p=quarantine sends it "
        "to the spam folder, p=reject refuses it (RFC 7489 6.3). Start with quarantine once your own mail "
        "passes, then move to reject.");
    if (record.percent < 100 && record.effectivePolicy() != auth::DmarcPolicy::None) {
        // RFC 7489 6.3 pct: the policy applies to only that share of failing mail.
        out.append(
            makeResult(kPolicy, CheckStatus::Warn, policyTitle(),
                       QCoreApplication::translate(
                           "pw::diag", "The DMARC policy applies to only %1% of forged mail (pct=%1).")
                           .arg(record.percent),
                       explainPolicy,
                       QCoreApplication::translate("pw::diag", "Remove pct= once your own mail passes. %1")
                           .arg(dmarcFix(input, stageOf(record.effectivePolicy()))),
                       evidence));
    } else {
        out.append(policyResult(input, record.effectivePolicy(), explainPolicy, evidence));
    }

    const QString explainReports = QCoreApplication::translate(
        "pw::diag",
        "With rua= receivers send daily reports of the mail they saw in your name, which shows whether "
        "your own mail passes and whether someone forges it.");
    if (!record.aggregateReports.isEmpty()) {
        QStringList uris;
        for (const auth::DmarcReportUri& uri : record.aggregateReports)
            uris.append(uri.uri);
        out.append(makeResult(kReports, CheckStatus::Pass, reportsTitle(),
                              QCoreApplication::translate("pw::diag", "Reports are sent to %1.")
                                  .arg(uris.join(QStringLiteral(", "))),
                              explainReports, QString(), evidence));
    } else {
        const auth::DmarcStage stage = stageOf(record.effectivePolicy());
        out.append(makeResult(
            kReports, CheckStatus::Info, reportsTitle(),
            QCoreApplication::translate("pw::diag", "No address receives DMARC reports (no rua=)."),
            explainReports,
            QCoreApplication::translate("pw::diag", "Add rua= to the record. %1").arg(dmarcFix(input, stage)),
            evidence));
    }
    return out;
}

} // namespace

QString DmarcCheck::id() const
{
    return QStringLiteral("dmarc");
}

QString DmarcCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "DMARC");
}

void DmarcCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput input = environment.input;
    LookupBatch batch;
    batch.add(QStringLiteral("_dmarc.") + input.domain, dns::RecordType::TXT);
    batch.run(environment.resolver, context,
              [input, done](const QList<dns::LookupResult>& lookups) { done(evaluate(input, lookups[0])); });
}

} // namespace pw::diag
