#include "shared/diag/checks/PtrCheck.h"

#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <memory>

namespace pw::diag {

using namespace identity;

namespace {

const QString kV4 = QStringLiteral("ptr.v4");
const QString kV6 = QStringLiteral("ptr.v6");
const QString kFcrdns = QStringLiteral("ptr.fcrdns");
const QString kHostname = QStringLiteral("ptr.hostname");

QString titleFor(const QString& id)
{
    if (id == kV4)
        return QCoreApplication::translate("pw::diag", "Reverse DNS (PTR) for IPv4");
    if (id == kV6)
        return QCoreApplication::translate("pw::diag", "Reverse DNS (PTR) for IPv6");
    if (id == kFcrdns)
        return QCoreApplication::translate("pw::diag", "Reverse DNS confirmed by forward DNS");
    return QCoreApplication::translate("pw::diag", "Reverse DNS matches the host name");
}

QString whereToSet()
{
    return QCoreApplication::translate(
        "pw::diag", "The PTR record is set at your hosting or internet provider, the owner of the IP address "
                    "block (often in its control panel as \"reverse DNS\" or \"rDNS\", or by asking its "
                    "support), not at the DNS host of your domain.");
}

// What was found for one address.
struct Reverse
{
    QHostAddress address;
    dns::LookupResult ptr;
    QList<dns::LookupResult> forward; // A/AAAA of each PTR name, in the PTR's order
};

bool confirmed(const Reverse& reverse)
{
    for (const dns::LookupResult& lookup : reverse.forward) {
        for (const QHostAddress& address : lookup.addresses()) {
            if (normalized(address) == reverse.address)
                return true;
        }
    }
    return false;
}

const dns::LookupResult* forwardFailure(const Reverse& reverse)
{
    for (const dns::LookupResult& lookup : reverse.forward) {
        if (lookup.isTemporaryFailure())
            return &lookup;
    }
    return nullptr;
}

// The first PTR lookup that failed temporarily: without a PTR, that is "could not tell".
const dns::LookupResult* ptrFailure(const QList<Reverse>& reverses)
{
    for (const Reverse& reverse : reverses) {
        if (reverse.ptr.isTemporaryFailure())
            return &reverse.ptr;
    }
    return nullptr;
}

CheckResult presence(const QString& id, const QList<Reverse>& reverses, bool v6, const QStringList& hostAaaa,
                     const QString& hostname)
{
    const QString title = titleFor(id);
    QStringList evidence;
    QStringList missing;
    QStringList present;
    const dns::LookupResult* failure = nullptr;
    for (const Reverse& reverse : reverses) {
        evidence += lookupLines(reverse.ptr);
        if (reverse.ptr.isOk())
            present << addressText(reverse.address);
        else if (reverse.ptr.isNegative())
            missing << addressText(reverse.address);
        else if (!failure)
            failure = &reverse.ptr;
    }
    if (reverses.isEmpty()) {
        return result(
            id, CheckStatus::Info, title,
            v6 ? QCoreApplication::translate("pw::diag", "The server has no IPv6 address; nothing to check.")
               : QCoreApplication::translate("pw::diag", "The server has no IPv4 address; nothing to check."),
            QCoreApplication::translate("pw::diag", "Reverse DNS is only needed for addresses the server "
                                                    "sends mail from."),
            {}, {});
    }
    if (!missing.isEmpty()) {
        QString explanation = QCoreApplication::translate(
            "pw::diag", "A PTR record turns an IP address back into a name. Large mail providers (Gmail, "
                        "Outlook, Yahoo) reject or junk mail from addresses without one, because spam often "
                        "comes from such addresses.");
        if (v6 && !hostAaaa.isEmpty()) {
            explanation += QLatin1Char(' ') +
                           QCoreApplication::translate("pw::diag",
                                                       "Because %1 has an IPv6 address (AAAA), your server "
                                                       "will send mail over IPv6, and large providers reject "
                                                       "it outright when that address has no PTR.")
                               .arg(hostname);
        }
        QString fix = QCoreApplication::translate("pw::diag", "Ask for a PTR record for %1 pointing to %2. ")
                          .arg(missing.join(QStringLiteral(", ")), hostname) +
                      whereToSet();
        if (v6) {
            fix += QLatin1Char(' ') + QCoreApplication::translate(
                                          "pw::diag", "If you cannot get one, remove the AAAA record of the "
                                                      "host name and do not send mail over IPv6.");
        }
        return result(id, CheckStatus::Fail, title,
                      QCoreApplication::translate("pw::diag", "No PTR record for %1.")
                          .arg(missing.join(QStringLiteral(", "))),
                      explanation, fix, evidence);
    }
    if (failure)
        return dnsUnknown(id, title, *failure, evidence);
    return result(
        id, CheckStatus::Pass, title,
        QCoreApplication::translate("pw::diag", "PTR records found for %1.")
            .arg(present.join(QStringLiteral(", "))),
        QCoreApplication::translate("pw::diag", "Receiving servers can turn the address back into a name."),
        {}, evidence);
}

CheckResult forwardConfirmed(const QList<Reverse>& reverses, const QString& hostname)
{
    const QString title = titleFor(kFcrdns);
    QStringList evidence;
    QStringList broken;
    QStringList good;
    const dns::LookupResult* failure = nullptr;
    bool anyPtr = false;
    for (const Reverse& reverse : reverses) {
        if (!reverse.ptr.isOk())
            continue;
        anyPtr = true;
        evidence += lookupLines(reverse.ptr);
        for (const dns::LookupResult& lookup : reverse.forward)
            evidence += lookupLines(lookup);
        if (confirmed(reverse))
            good << addressText(reverse.address);
        else if (const dns::LookupResult* failed = forwardFailure(reverse))
            failure = failure ? failure : failed;
        else
            broken << addressText(reverse.address);
    }
    if (!anyPtr && ptrFailure(reverses))
        return dnsUnknown(kFcrdns, title, *ptrFailure(reverses));
    if (!anyPtr) {
        return notEvaluated(kFcrdns, title,
                            QCoreApplication::translate("pw::diag", "no address has a PTR record."));
    }
    if (!broken.isEmpty()) {
        return result(
            kFcrdns, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag", "The PTR name of %1 does not lead back to it.")
                .arg(broken.join(QStringLiteral(", "))),
            QCoreApplication::translate(
                "pw::diag", "Receivers check that the name in the PTR record has an A or AAAA record "
                            "with the same address (forward-confirmed reverse DNS). Anyone can put any "
                            "name in a PTR record; only this round trip proves it. Mail from an "
                            "address that fails it is often rejected."),
            QCoreApplication::translate(
                "pw::diag", "Make the PTR record point to %1, and publish an A/AAAA record for %1 with "
                            "the server's address at the DNS host of your domain. ")
                    .arg(hostname) +
                whereToSet(),
            evidence);
    }
    if (failure)
        return dnsUnknown(kFcrdns, title, *failure, evidence);
    return result(kFcrdns, CheckStatus::Pass, title,
                  QCoreApplication::translate("pw::diag", "The PTR names lead back to %1.")
                      .arg(good.join(QStringLiteral(", "))),
                  QCoreApplication::translate("pw::diag", "The reverse and forward DNS of the server agree."),
                  {}, evidence);
}

CheckResult matchesHostname(const QList<Reverse>& reverses, const QString& hostname)
{
    const QString title = titleFor(kHostname);
    QStringList evidence;
    QStringList differing;
    QStringList names;
    bool unconfirmedDiffering = false;
    bool anyPtr = false;
    for (const Reverse& reverse : reverses) {
        if (!reverse.ptr.isOk())
            continue;
        anyPtr = true;
        evidence += lookupLines(reverse.ptr);
        bool same = false;
        for (const QString& target : reverse.ptr.targets()) {
            same = same || dns::sameName(target, hostname);
            if (!names.contains(target))
                names << target;
        }
        if (!same) {
            differing << addressText(reverse.address);
            unconfirmedDiffering = unconfirmedDiffering || !confirmed(reverse);
        }
    }
    if (!anyPtr && ptrFailure(reverses))
        return dnsUnknown(kHostname, title, *ptrFailure(reverses));
    if (!anyPtr) {
        return notEvaluated(kHostname, title,
                            QCoreApplication::translate("pw::diag", "no address has a PTR record."));
    }
    if (differing.isEmpty()) {
        return result(kHostname, CheckStatus::Pass, title,
                      QCoreApplication::translate("pw::diag", "The PTR records name %1.").arg(hostname),
                      QCoreApplication::translate("pw::diag",
                                                  "The reverse DNS matches the name the server greets "
                                                  "with."),
                      {}, evidence);
    }
    const QString fix = QCoreApplication::translate("pw::diag", "Change the PTR record of %1 to %2. ")
                            .arg(differing.join(QStringLiteral(", ")), hostname) +
                        whereToSet();
    return result(kHostname, unconfirmedDiffering ? CheckStatus::Fail : CheckStatus::Warn, title,
                  QCoreApplication::translate("pw::diag", "The PTR record names %1, not %2.")
                      .arg(names.join(QStringLiteral(", ")), hostname),
                  QCoreApplication::translate(
                      "pw::diag",
                      "Your server greets other servers as %1, but its address says it is %2. Many "
                      "receivers accept this when the PTR name leads back to the address, but spam "
                      "filters score a mismatch, and a generic provider name looks like a home "
                      "connection.")
                      .arg(hostname, names.join(QStringLiteral(", "))),
                  fix, evidence);
}

} // namespace

QString PtrCheck::id() const
{
    return QStringLiteral("ptr");
}

QString PtrCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "Reverse DNS (PTR)");
}

void PtrCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    dns::Resolver* resolver = &environment.resolver;
    const QString hostname = environment.input.hostname.trimmed();
    resolvePublicAddresses(
        environment.input, *resolver, context, true,
        [resolver, context, hostname, done = std::move(done)](const PublicAddresses& found) {
            // IPv6: the configured addresses and every AAAA of the host name (a sender picks those).
            QList<QHostAddress> addresses = found.addresses;
            QStringList hostAaaa;
            for (const dns::LookupResult& lookup : found.hostLookups) {
                if (lookup.type != dns::RecordType::AAAA)
                    continue;
                for (const QHostAddress& address : lookup.addresses()) {
                    hostAaaa << addressText(address);
                    if (!addresses.contains(normalized(address)))
                        addresses << normalized(address);
                }
            }
            if (addresses.isEmpty()) {
                CheckResults results;
                for (const QString& id : {kV4, kV6, kFcrdns, kHostname}) {
                    if (found.failure)
                        results << dnsUnknown(id, titleFor(id), *found.failure, found.evidence);
                    else
                        results << notEvaluated(id, titleFor(id),
                                                QCoreApplication::translate("pw::diag",
                                                                            "the server's public address "
                                                                            "is not known."),
                                                found.evidence);
                }
                done(results);
                return;
            }
            QList<Query> queries;
            for (const QHostAddress& address : addresses)
                queries.append({dns::reverseName(address), dns::RecordType::PTR});
            lookupAll(*resolver, context, queries,
                      [resolver, context, hostname, hostAaaa, addresses,
                       done](const QList<dns::LookupResult>& ptrs) {
                          auto reverses = std::make_shared<QList<Reverse>>();
                          QList<Query> forward;
                          QList<std::pair<qsizetype, qsizetype>> owners; // (reverse index, forward index)
                          for (qsizetype i = 0; i < addresses.size(); ++i) {
                              Reverse reverse{addresses[i], ptrs[i], {}};
                              if (ptrs[i].isOk()) {
                                  for (const QString& target : ptrs[i].targets()) {
                                      owners.append({i, forward.size()});
                                      forward.append({target, isIpv4(addresses[i]) ? dns::RecordType::A
                                                                                   : dns::RecordType::AAAA});
                                  }
                              }
                              reverses->append(reverse);
                          }
                          lookupAll(*resolver, context, forward,
                                    [reverses, owners, hostname, hostAaaa,
                                     done](const QList<dns::LookupResult>& answers) {
                                        for (const auto& [reverseIndex, forwardIndex] : owners)
                                            (*reverses)[reverseIndex].forward.append(answers[forwardIndex]);
                                        QList<Reverse> v4;
                                        QList<Reverse> v6;
                                        for (const Reverse& reverse : *reverses)
                                            (isIpv4(reverse.address) ? v4 : v6).append(reverse);
                                        done({presence(kV4, v4, false, hostAaaa, hostname),
                                              presence(kV6, v6, true, hostAaaa, hostname),
                                              forwardConfirmed(*reverses, hostname),
                                              matchesHostname(*reverses, hostname)});
                                    });
                      });
        });
}

} // namespace pw::diag
