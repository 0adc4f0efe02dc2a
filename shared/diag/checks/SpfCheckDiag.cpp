#include "shared/diag/checks/SpfCheckDiag.h"

#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/auth/spf/SpfCheck.h"
#include "shared/auth/spf/SpfRecord.h"
#include "shared/diag/checks/CheckSupport.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <memory>

namespace pw::diag {

namespace {

const QString kRecord = QStringLiteral("spf.record");
const QString kPolicy = QStringLiteral("spf.policy");
const QString kOurIp = QStringLiteral("spf.ourip");

// RFC 7208 4.6.4: more than 10 DNS-querying terms is a permerror; warn when close to it.
constexpr int kLookupLimit = 10;
constexpr int kLookupWarning = 8;

QString recordTitle()
{
    return QCoreApplication::translate("pw::diag", "SPF record");
}
QString policyTitle()
{
    return QCoreApplication::translate("pw::diag", "SPF policy for other senders");
}
QString ourIpTitle()
{
    return QCoreApplication::translate("pw::diag", "SPF allows this server");
}

struct Evaluation
{
    DiagnosticsInput input;
    QList<QHostAddress> ours;
    QStringList evidence;
    QString fix;
    std::optional<auth::SpfRecord> record;
    QList<std::pair<QHostAddress, auth::SpfResult>> results;
};

CheckResult policyResult(const Evaluation& e)
{
    const QString explain =
        QCoreApplication::translate(
            "pw::diag",
            "The end of an SPF record says what receivers should do with mail from servers that are not "
            "listed: \"-all\" rejects it, \"~all\" only marks it as suspicious, \"?all\" and \"+all\" accept "
            "it, so anyone could send mail in the name of %1.")
            .arg(e.input.domain);
    const QString fix =
        QCoreApplication::translate("pw::diag", "End the record with \"-all\". %1").arg(e.fix);
    const auth::SpfMechanism* all = nullptr;
    for (const auth::SpfMechanism& mechanism : e.record->mechanisms()) {
        if (mechanism.kind == auth::SpfMechanismKind::All) {
            all = &mechanism;
            break; // RFC 7208 4.6.2: the first match decides; nothing after "all" is reached
        }
    }
    if (!all && e.record->redirect()) {
        return makeResult(
            kPolicy, CheckStatus::Info, policyTitle(),
            QCoreApplication::translate("pw::diag", "The policy comes from the redirected record (%1).")
                .arg(e.record->redirect()->text()),
            explain, QString(), e.evidence);
    }
    // RFC 7208 4.7: no "all" and no redirect is "?all" (neutral).
    const auth::SpfQualifier qualifier = all ? all->qualifier : auth::SpfQualifier::Neutral;
    const QString term = all ? all->text : QStringLiteral("?all");
    switch (qualifier) {
    case auth::SpfQualifier::Fail:
        return makeResult(
            kPolicy, CheckStatus::Pass, policyTitle(),
            QCoreApplication::translate("pw::diag", "Mail from other servers is rejected (%1).").arg(term),
            explain, QString(), e.evidence);
    case auth::SpfQualifier::SoftFail:
        return makeResult(kPolicy, CheckStatus::Warn, policyTitle(),
                          QCoreApplication::translate(
                              "pw::diag", "Mail from other servers is only marked as suspicious (%1).")
                              .arg(term),
                          explain, fix, e.evidence);
    case auth::SpfQualifier::Neutral:
    case auth::SpfQualifier::Pass:
        break;
    }
    return makeResult(kPolicy, CheckStatus::Fail, policyTitle(),
                      QCoreApplication::translate("pw::diag", "Any server may send mail as %1 (%2).")
                          .arg(e.input.domain, term),
                      explain, fix, e.evidence);
}

CheckResults finish(const Evaluation& e)
{
    int lookups = 0;
    for (const auto& [address, result] : e.results)
        lookups = std::max(lookups, result.dnsLookups);
    QStringList evidence = e.evidence;
    if (!e.results.isEmpty())
        evidence.append(
            QCoreApplication::translate("pw::diag", "DNS lookups needed to evaluate the record: %1")
                .arg(lookups));

    CheckResults out;
    const QString explainLookups = QCoreApplication::translate(
        "pw::diag",
        "Receivers stop evaluating an SPF record after 10 DNS lookups (each include, a, mx, ptr, exists "
        "and redirect counts, RFC 7208 4.6.4) and then treat the record as broken, so your mail fails "
        "SPF.");
    if (lookups > kLookupLimit) {
        out.append(makeResult(
            kRecord, CheckStatus::Fail, recordTitle(),
            QCoreApplication::translate("pw::diag",
                                        "The SPF record needs %1 DNS lookups; at most 10 are allowed.")
                .arg(lookups),
            explainLookups,
            QCoreApplication::translate(
                "pw::diag", "Remove includes you do not need, or list addresses with ip4:/ip6:. %1")
                .arg(e.fix),
            evidence));
    } else if (lookups > kLookupWarning) {
        out.append(makeResult(
            kRecord, CheckStatus::Warn, recordTitle(),
            QCoreApplication::translate("pw::diag",
                                        "The SPF record needs %1 DNS lookups, close to the limit of 10.")
                .arg(lookups),
            explainLookups,
            QCoreApplication::translate(
                "pw::diag", "Remove includes you do not need, or list addresses with ip4:/ip6:. %1")
                .arg(e.fix),
            evidence));
    } else {
        out.append(makeResult(
            kRecord, CheckStatus::Pass, recordTitle(),
            QCoreApplication::translate("pw::diag", "%1 has one valid SPF record.").arg(e.input.domain),
            QCoreApplication::translate("pw::diag", "The SPF record lists the servers allowed to send mail "
                                                    "as your domain; receivers use it to spot forgeries."),
            QString(), evidence));
    }
    out.append(policyResult(e));

    const QString explainOurs =
        QCoreApplication::translate(
            "pw::diag",
            "Receivers check that the server sending mail as %1 is listed in its SPF record. If this server "
            "is not, your own mail fails SPF and is likely to land in spam or be rejected.")
            .arg(e.input.domain);
    if (e.ours.isEmpty()) {
        out.append(makeResult(
            kOurIp, CheckStatus::Unknown, ourIpTitle(),
            QCoreApplication::translate("pw::diag",
                                        "Could not tell: the address of this server is not known."),
            explainOurs,
            QCoreApplication::translate("pw::diag",
                                        "Enter the server's public address, or publish an A record for %1.")
                .arg(e.input.hostname),
            evidence));
        return out;
    }
    QStringList failing;
    QStringList temporary;
    for (const auto& [address, result] : e.results) {
        if (result.result == auth::SpfResult::TempError)
            temporary.append(address.toString());
        else if (result.result != auth::SpfResult::Pass || lookups > kLookupLimit)
            failing.append(QStringLiteral("%1 (%2)").arg(address.toString(), lookups > kLookupLimit
                                                                                 ? QStringLiteral("permerror")
                                                                                 : result.toString()));
        evidence.append(
            QStringLiteral("check_host(%1, %2) = %3%4")
                .arg(address.toString(), e.input.domain, result.toString(),
                     result.problem.isEmpty() ? QString() : QStringLiteral(": ") + result.problem));
    }
    if (!failing.isEmpty()) {
        out.append(makeResult(kOurIp, CheckStatus::Fail, ourIpTitle(),
                              QCoreApplication::translate("pw::diag", "SPF does not allow this server: %1.")
                                  .arg(failing.join(QStringLiteral(", "))),
                              explainOurs, e.fix, evidence));
    } else if (!temporary.isEmpty()) {
        out.append(
            makeResult(kOurIp, CheckStatus::Unknown, ourIpTitle(),
                       QCoreApplication::translate(
                           "pw::diag", "Could not tell: a DNS lookup failed while evaluating SPF for %1.")
                           .arg(temporary.join(QStringLiteral(", "))),
                       explainOurs, QString(), evidence));
    } else {
        out.append(
            makeResult(kOurIp, CheckStatus::Pass, ourIpTitle(),
                       QCoreApplication::translate("pw::diag", "SPF allows this server to send mail as %1.")
                           .arg(e.input.domain),
                       explainOurs, QString(), evidence));
    }
    return out;
}

void evaluateAddresses(std::shared_ptr<Evaluation> e, dns::Resolver* resolver, QObject* context,
                       Check::Done done)
{
    auth::SpfOptions options;
    // Count past the limit of RFC 7208 4.6.4 so the owner learns how far over it the record is.
    options.dnsLookupLimit = 100;
    auto remaining = std::make_shared<qsizetype>(e->ours.size());
    e->results.resize(e->ours.size());
    for (qsizetype i = 0; i < e->ours.size(); ++i) {
        auth::SpfRequest request;
        request.clientAddress = e->ours[i];
        request.helo = e->input.hostname;
        request.mailFrom = QStringLiteral("postmaster@") + e->input.domain;
        request.receivingHost = e->input.hostname;
        auth::SpfCheck::checkHost(*resolver, request, options, context,
                                  [e, i, remaining, done](const auth::SpfResult& result) {
                                      e->results[i] = {e->ours[i], result};
                                      if (--*remaining == 0)
                                          done(finish(*e));
                                  });
    }
}

} // namespace

QString SpfCheckDiag::id() const
{
    return QStringLiteral("spf");
}

QString SpfCheckDiag::title() const
{
    return QCoreApplication::translate("pw::diag", "SPF");
}

void SpfCheckDiag::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    auto e = std::make_shared<Evaluation>();
    e->input = environment.input;
    dns::Resolver* resolver = &environment.resolver;
    LookupBatch batch;
    const int txt = batch.add(e->input.domain, dns::RecordType::TXT);
    int a = -1;
    int aaaa = -1;
    if (e->input.publicAddresses.isEmpty() && !e->input.hostname.isEmpty()) {
        a = batch.add(e->input.hostname, dns::RecordType::A);
        aaaa = batch.add(e->input.hostname, dns::RecordType::AAAA);
    }
    batch.run(
        *resolver, context,
        [e, txt, a, aaaa, resolver, context, done](const QList<dns::LookupResult>& answers) {
            const dns::LookupResult& lookup = answers[txt];
            if (lookup.isTemporaryFailure()) {
                done({dnsUnknown(kRecord, recordTitle(), lookup), dnsUnknown(kPolicy, policyTitle(), lookup),
                      dnsUnknown(kOurIp, ourIpTitle(), lookup)});
                return;
            }
            e->ours = e->input.publicAddresses;
            if (a >= 0)
                e->ours = addressesOf({answers[a], answers[aaaa]});
            e->fix = publishText(e->input.domain, dns::RecordType::TXT,
                                 auth::DnsRecordGenerator::spfText(e->ours));

            QList<QByteArray> texts;
            for (const dns::Record& record : lookup.records) {
                texts.append(record.strings.join());
                if (auth::SpfRecord::hasSpfVersion(texts.last()))
                    e->evidence.append(recordLine(record));
            }
            if (!lookup.isOk())
                e->evidence = lookupEvidence(lookup);
            const auth::SpfRecord::Selection selection = auth::SpfRecord::select(texts);
            const QString notChecked =
                QCoreApplication::translate("pw::diag", "Not checked: %1 has no usable SPF record.")
                    .arg(e->input.domain);
            if (selection.outcome == auth::SpfRecord::Selection::NoRecord) {
                e->evidence = lookupEvidence(lookup); // every TXT record seen, none of them SPF
                done({makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                                 QCoreApplication::translate("pw::diag", "%1 has no SPF record.")
                                     .arg(e->input.domain),
                                 QCoreApplication::translate(
                                     "pw::diag", "Without an SPF record receivers cannot tell your mail from "
                                                 "forgeries; many put it in spam or reject it."),
                                 e->fix, e->evidence),
                      skipped(kPolicy, policyTitle(), notChecked),
                      skipped(kOurIp, ourIpTitle(), notChecked)});
                return;
            }
            if (selection.outcome == auth::SpfRecord::Selection::Multiple) {
                // RFC 7208 4.5: more than one record is a permerror.
                done({makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                                 QCoreApplication::translate("pw::diag", "%1 has more than one SPF record.")
                                     .arg(e->input.domain),
                                 QCoreApplication::translate(
                                     "pw::diag",
                                     "A domain may publish only one SPF record (RFC 7208 4.5). With "
                                     "two, receivers treat SPF as broken and your mail fails it."),
                                 QCoreApplication::translate(
                                     "pw::diag", "Merge the records into one and delete the others: keep a "
                                                 "single TXT record starting with v=spf1 that lists every "
                                                 "server allowed to send. %1")
                                     .arg(e->fix),
                                 e->evidence),
                      skipped(kPolicy, policyTitle(), notChecked),
                      skipped(kOurIp, ourIpTitle(), notChecked)});
                return;
            }
            auth::SpfParsedRecord parsed = auth::SpfRecord::parse(selection.text);
            if (!parsed.record) {
                done({makeResult(kRecord, CheckStatus::Fail, recordTitle(),
                                 QCoreApplication::translate("pw::diag", "The SPF record is invalid: %1.")
                                     .arg(parsed.error),
                                 QCoreApplication::translate(
                                     "pw::diag", "Receivers cannot read a record with a syntax error and "
                                                 "treat SPF as broken (permerror, RFC 7208 4.6)."),
                                 e->fix, e->evidence),
                      skipped(kPolicy, policyTitle(), notChecked),
                      skipped(kOurIp, ourIpTitle(), notChecked)});
                return;
            }
            e->record = std::move(parsed.record);
            if (e->ours.isEmpty()) {
                done(finish(*e));
                return;
            }
            evaluateAddresses(e, resolver, context, done);
        });
}

} // namespace pw::diag
