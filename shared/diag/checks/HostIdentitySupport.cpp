#include "shared/diag/checks/HostIdentitySupport.h"

#include "shared/diag/DiagnosticsInput.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <QTimer>
#include <memory>

namespace pw::diag::identity {

namespace {

bool inSubnet(const QHostAddress& address, const char* subnet)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QLatin1String(subnet)));
}

QString absolute(const QString& name)
{
    return name.endsWith(QLatin1Char('.')) ? name : name + QLatin1Char('.');
}

QString recordData(const dns::Record& record)
{
    switch (record.type) {
    case dns::RecordType::A:
    case dns::RecordType::AAAA:
        return record.address.toString();
    case dns::RecordType::PTR:
    case dns::RecordType::CNAME:
    case dns::RecordType::NS:
        return absolute(record.target);
    case dns::RecordType::TXT:
        return QLatin1Char('"') + record.text + QLatin1Char('"');
    case dns::RecordType::MX:
        return QString::number(record.preference) + QLatin1Char(' ') + absolute(record.exchange);
    default:
        return {};
    }
}

} // namespace

void lookupAll(dns::Resolver& resolver, QObject* context, const QList<Query>& queries, LookupsDone done)
{
    struct State
    {
        QList<dns::LookupResult> results;
        qsizetype remaining = 0;
        LookupsDone done;
    };
    auto state = std::make_shared<State>();
    state->results.resize(queries.size());
    state->remaining = queries.size();
    state->done = std::move(done);
    if (queries.isEmpty()) {
        // Never call back from inside lookupAll(); the context guards the timer.
        QTimer::singleShot(0, context, [state] { state->done(state->results); });
        return;
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        resolver.lookup(queries[i].first, queries[i].second, context,
                        [state, i](const dns::LookupResult& answer) {
                            state->results[i] = answer;
                            if (--state->remaining == 0)
                                state->done(state->results);
                        });
    }
}

void resolvePublicAddresses(const DiagnosticsInput& input, dns::Resolver& resolver, QObject* context,
                            bool lookUpHost, AddressesDone done)
{
    PublicAddresses configured;
    for (const QHostAddress& address : input.publicAddresses) {
        const QHostAddress plain = normalized(address);
        if (!configured.addresses.contains(plain))
            configured.addresses.append(plain);
    }
    const bool needHost = configured.addresses.isEmpty() || lookUpHost;
    QList<Query> queries;
    if (needHost && !input.hostname.trimmed().isEmpty()) {
        queries.append({input.hostname.trimmed(), dns::RecordType::A});
        queries.append({input.hostname.trimmed(), dns::RecordType::AAAA});
    }
    lookupAll(resolver, context, queries,
              [configured, done = std::move(done)](const QList<dns::LookupResult>& lookups) {
                  PublicAddresses found = configured;
                  found.hostLookups = lookups;
                  const bool derive = found.addresses.isEmpty();
                  for (const dns::LookupResult& lookup : lookups) {
                      found.evidence += lookupLines(lookup);
                      if (lookup.isTemporaryFailure() && !found.failure)
                          found.failure = lookup;
                      if (!derive)
                          continue;
                      for (const QHostAddress& address : lookup.addresses()) {
                          if (!found.addresses.contains(normalized(address)))
                              found.addresses.append(normalized(address));
                      }
                  }
                  if (derive)
                      found.fromHostname = !found.addresses.isEmpty();
                  // With configured addresses a failed host lookup is not "no address"; a
                  // derived set with a failure may be short, so callers still see it.
                  if (!derive)
                      found.failure.reset();
                  done(found);
              });
}

QHostAddress normalized(const QHostAddress& address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (ok && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    return address;
}

bool isIpv4(const QHostAddress& address)
{
    return normalized(address).protocol() == QAbstractSocket::IPv4Protocol;
}

QString addressText(const QHostAddress& address)
{
    return normalized(address).toString();
}

AddressKind classifyAddress(const QHostAddress& input)
{
    const QHostAddress address = normalized(input);
    if (address.isNull())
        return AddressKind::Unspecified;
    if (isIpv4(address)) {
        if (inSubnet(address, "0.0.0.0/8"))
            return AddressKind::Unspecified;
        if (inSubnet(address, "127.0.0.0/8"))
            return AddressKind::Loopback;
        if (inSubnet(address, "10.0.0.0/8") || inSubnet(address, "172.16.0.0/12") ||
            inSubnet(address, "192.168.0.0/16"))
            return AddressKind::Private;
        if (inSubnet(address, "100.64.0.0/10"))
            return AddressKind::SharedCgnat;
        if (inSubnet(address, "169.254.0.0/16"))
            return AddressKind::LinkLocal;
        if (inSubnet(address, "192.0.2.0/24") || inSubnet(address, "198.51.100.0/24") ||
            inSubnet(address, "203.0.113.0/24"))
            return AddressKind::Documentation;
        if (inSubnet(address, "224.0.0.0/4"))
            return AddressKind::Multicast;
        // RFC 6890: IETF protocol assignments, benchmarking (RFC 2544), reserved for future use.
        if (inSubnet(address, "192.0.0.0/24") || inSubnet(address, "198.18.0.0/15") ||
            inSubnet(address, "240.0.0.0/4"))
            return AddressKind::Reserved;
        return AddressKind::Public;
    }
    if (address == QHostAddress(QHostAddress::AnyIPv6))
        return AddressKind::Unspecified;
    if (address.isLoopback())
        return AddressKind::Loopback;
    if (inSubnet(address, "fe80::/10"))
        return AddressKind::LinkLocal;
    if (inSubnet(address, "fc00::/7"))
        return AddressKind::UniqueLocal;
    if (inSubnet(address, "2001:db8::/32") || inSubnet(address, "3fff::/20"))
        return AddressKind::Documentation;
    if (inSubnet(address, "ff00::/8"))
        return AddressKind::Multicast;
    // RFC 4291 2.4: only 2000::/3 is global unicast today.
    if (!inSubnet(address, "2000::/3"))
        return AddressKind::Reserved;
    return AddressKind::Public;
}

QString blocklistQueryName(const QHostAddress& address, const QString& zone)
{
    QString name = dns::reverseName(normalized(address));
    for (const QLatin1String suffix : {QLatin1String(".in-addr.arpa"), QLatin1String(".ip6.arpa")}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive)) {
            name.chop(suffix.size());
            break;
        }
    }
    QString base = zone.trimmed();
    if (base.endsWith(QLatin1Char('.')))
        base.chop(1);
    return name + QLatin1Char('.') + base;
}

QString failureWords(const dns::LookupResult& lookup)
{
    switch (lookup.status) {
    case dns::Status::ServFail:
        return QCoreApplication::translate("pw::diag", "the DNS server failed to answer (SERVFAIL)");
    case dns::Status::Refused:
        return QCoreApplication::translate("pw::diag", "the DNS server refused to answer (REFUSED)");
    case dns::Status::Timeout:
        return QCoreApplication::translate("pw::diag", "no DNS answer in time (timeout)");
    case dns::Status::NoData:
        return QCoreApplication::translate("pw::diag", "the name exists but has no such record");
    case dns::Status::NxDomain:
        return QCoreApplication::translate("pw::diag", "the name does not exist (NXDOMAIN)");
    case dns::Status::Ok:
    case dns::Status::Error:
        break;
    }
    return QCoreApplication::translate("pw::diag", "the DNS lookup failed");
}

QStringList lookupLines(const dns::LookupResult& lookup)
{
    QStringList lines;
    const QString type = dns::recordTypeName(lookup.type);
    for (const dns::Record& record : lookup.cnameChain)
        lines << QStringLiteral("%1 CNAME %2").arg(absolute(record.owner), absolute(record.target));
    if (lookup.isOk()) {
        for (const dns::Record& record : lookup.records) {
            lines << QStringLiteral("%1 %2 %3")
                         .arg(absolute(record.owner), dns::recordTypeName(record.type), recordData(record));
        }
        return lines;
    }
    QString words = failureWords(lookup);
    if (!lookup.errorString.isEmpty() && lookup.isTemporaryFailure())
        words += QStringLiteral(" (%1)").arg(lookup.errorString);
    lines << QStringLiteral("%1 %2: %3").arg(absolute(lookup.name), type, words);
    return lines;
}

CheckStatus worse(CheckStatus a, CheckStatus b)
{
    CheckResult first;
    first.status = a;
    CheckResult second;
    second.status = b;
    return worstStatus({first, second});
}

CheckResult result(const QString& id, CheckStatus status, const QString& title, const QString& summary,
                   const QString& explanation, const QString& fix, const QStringList& evidence)
{
    CheckResult out;
    out.id = id;
    out.status = status;
    out.title = title;
    out.summary = summary;
    out.explanation = explanation;
    out.fix = fix;
    out.evidence = evidence;
    return out;
}

CheckResult dnsUnknown(const QString& id, const QString& title, const dns::LookupResult& lookup,
                       const QStringList& evidence)
{
    QStringList lines = evidence;
    if (lines.isEmpty())
        lines = lookupLines(lookup);
    return result(id, CheckStatus::Unknown, title,
                  QCoreApplication::translate("pw::diag", "Could not tell: the DNS lookup of %1 failed.")
                      .arg(lookup.name),
                  QCoreApplication::translate(
                      "pw::diag", "The DNS did not give a definite answer (%1). This says nothing "
                                  "about your setup yet; the check has to be run again.")
                      .arg(failureWords(lookup)),
                  QCoreApplication::translate(
                      "pw::diag", "Run the check again in a few minutes. If it keeps failing, check "
                                  "that this machine's DNS resolver works."),
                  lines);
}

CheckResult notEvaluated(const QString& id, const QString& title, const QString& reason,
                         const QStringList& evidence)
{
    return result(id, CheckStatus::Unknown, title,
                  QCoreApplication::translate("pw::diag", "Not checked: %1").arg(reason),
                  QCoreApplication::translate(
                      "pw::diag", "This check builds on another one that did not succeed. Fix that "
                                  "one first, then run the checks again."),
                  {}, evidence);
}

} // namespace pw::diag::identity
