#include "shared/diag/checks/CheckSupport.h"

#include "shared/auth/records/GeneratedRecord.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <QTimer>
#include <memory>

namespace pw::diag {

namespace {

QString absolute(const QString& name)
{
    return name.endsWith(QLatin1Char('.')) ? name : name + QLatin1Char('.');
}

QString statusWords(dns::Status status)
{
    switch (status) {
    case dns::Status::NoData:
        return QCoreApplication::translate("pw::diag", "the name exists but has no such record");
    case dns::Status::NxDomain:
        return QCoreApplication::translate("pw::diag", "the name does not exist (NXDOMAIN)");
    case dns::Status::ServFail:
        return QCoreApplication::translate("pw::diag", "the DNS server failed to answer (SERVFAIL)");
    case dns::Status::Refused:
        return QCoreApplication::translate("pw::diag", "the DNS server refused to answer (REFUSED)");
    case dns::Status::Timeout:
        return QCoreApplication::translate("pw::diag", "no answer in time (timeout)");
    case dns::Status::Ok:
    case dns::Status::Error:
        break;
    }
    return QCoreApplication::translate("pw::diag", "the lookup failed");
}

} // namespace

int LookupBatch::add(const QString& name, dns::RecordType type)
{
    m_queries.append({name, type});
    return static_cast<int>(m_queries.size()) - 1;
}

void LookupBatch::run(dns::Resolver& resolver, QObject* context, Done done) const
{
    struct State
    {
        QList<dns::LookupResult> results;
        qsizetype remaining = 0;
        Done done;
    };
    auto state = std::make_shared<State>();
    state->results.resize(m_queries.size());
    state->remaining = m_queries.size();
    state->done = std::move(done);
    if (m_queries.isEmpty()) {
        // Never call back from inside run(); the context guards the timer like the resolver.
        QTimer::singleShot(0, context, [state] { state->done(state->results); });
        return;
    }
    for (qsizetype i = 0; i < m_queries.size(); ++i) {
        resolver.lookup(m_queries[i].first, m_queries[i].second, context,
                        [state, i](const dns::LookupResult& result) {
                            state->results[i] = result;
                            if (--state->remaining == 0)
                                state->done(state->results);
                        });
    }
}

QString recordLine(const dns::Record& record)
{
    const QString owner = absolute(record.owner);
    const QString type = dns::recordTypeName(record.type);
    QString data;
    switch (record.type) {
    case dns::RecordType::A:
    case dns::RecordType::AAAA:
        data = record.address.toString();
        break;
    case dns::RecordType::MX:
        data = QStringLiteral("%1 %2").arg(record.preference).arg(absolute(record.exchange));
        break;
    case dns::RecordType::TXT: {
        QStringList strings;
        for (const QByteArray& string : record.strings)
            strings.append(QLatin1Char('"') + QString::fromUtf8(string) + QLatin1Char('"'));
        data = strings.isEmpty() ? QLatin1Char('"') + record.text + QLatin1Char('"')
                                 : strings.join(QLatin1Char(' '));
        break;
    }
    case dns::RecordType::CNAME:
    case dns::RecordType::PTR:
    case dns::RecordType::NS:
        data = absolute(record.target);
        break;
    default:
        break;
    }
    return QStringLiteral("%1 %2 %3").arg(owner, type, data);
}

QStringList lookupEvidence(const dns::LookupResult& lookup)
{
    QStringList lines;
    for (const dns::Record& record : lookup.cnameChain)
        lines.append(recordLine(record));
    if (lookup.isOk()) {
        for (const dns::Record& record : lookup.records)
            lines.append(recordLine(record));
        return lines;
    }
    QString line =
        QStringLiteral("%1 %2: %3")
            .arg(absolute(lookup.name), dns::recordTypeName(lookup.type), statusWords(lookup.status));
    if (lookup.isTemporaryFailure() && !lookup.errorString.isEmpty())
        line += QStringLiteral(" (%1)").arg(lookup.errorString);
    lines.append(line);
    return lines;
}

CheckResult makeResult(const QString& id, CheckStatus status, const QString& title, const QString& summary,
                       const QString& explanation, const QString& fix, const QStringList& evidence)
{
    return CheckResult{id, status, title, summary, explanation, fix, evidence};
}

CheckResult dnsUnknown(const QString& id, const QString& title, const dns::LookupResult& lookup)
{
    return makeResult(
        id, CheckStatus::Unknown, title,
        QCoreApplication::translate("pw::diag", "Could not tell: the DNS lookup of %1 %2 failed.")
            .arg(lookup.name, dns::recordTypeName(lookup.type)),
        QCoreApplication::translate("pw::diag",
                                    "The DNS did not give a definite answer, so this cannot be judged either "
                                    "way. This is often a passing problem of a DNS server; it is not a "
                                    "verdict on your records."),
        QCoreApplication::translate(
            "pw::diag", "Run the check again in a few minutes. If it keeps failing, make sure the "
                        "name servers of your domain are up and answer for %1.")
            .arg(lookup.name),
        lookupEvidence(lookup));
}

CheckResult skipped(const QString& id, const QString& title, const QString& reason,
                    const QStringList& evidence)
{
    return makeResult(id, CheckStatus::Info, title, reason,
                      QCoreApplication::translate("pw::diag",
                                                  "This was not checked because an earlier check of the same "
                                                  "record failed; fix that one first."),
                      QString(), evidence);
}

QString publishText(const QString& name, dns::RecordType type, const QString& value)
{
    const QString shown = type == dns::RecordType::TXT ? auth::txtPresentation(value) : value;
    return QCoreApplication::translate("pw::diag",
                                       "Publish this DNS record:\n  name:  %1\n  type:  %2\n  value: %3")
        .arg(absolute(name), dns::recordTypeName(type), shown);
}

QList<QHostAddress> addressesOf(const QList<dns::LookupResult>& lookups, bool* temporary)
{
    QList<QHostAddress> addresses;
    for (const dns::LookupResult& lookup : lookups) {
        if (lookup.isTemporaryFailure() && temporary)
            *temporary = true;
        for (const QHostAddress& address : lookup.addresses()) {
            if (!addresses.contains(address))
                addresses.append(address);
        }
    }
    return addresses;
}

const dns::LookupResult* firstTemporaryFailure(const QList<dns::LookupResult>& lookups)
{
    for (const dns::LookupResult& lookup : lookups) {
        if (lookup.isTemporaryFailure())
            return &lookup;
    }
    return nullptr;
}

} // namespace pw::diag
