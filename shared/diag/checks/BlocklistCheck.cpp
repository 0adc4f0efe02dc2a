#include "shared/diag/checks/BlocklistCheck.h"

#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <memory>

namespace pw::diag {

using namespace identity;

namespace {

bool isSpamhaus(const QString& zone)
{
    const QString lower = zone.toLower();
    return lower.endsWith(QLatin1String("spamhaus.org")) || lower.endsWith(QLatin1String("spamhaus.net")) ||
           lower.endsWith(QLatin1String("spamhaus.org.")) || lower.endsWith(QLatin1String("spamhaus.net."));
}

QString zoneName(QString zone)
{
    zone = zone.trimmed().toLower();
    if (zone.endsWith(QLatin1Char('.')))
        zone.chop(1);
    return zone;
}

using Decoded = BlocklistCheck::Decoded;
using Verdict = BlocklistCheck::Verdict;

Decoded listed(const QString& meaning)
{
    return {Verdict::Listed, meaning};
}

Decoded refused(const QString& meaning)
{
    return {Verdict::Refused, meaning};
}

// https://docs.spamhaus.com/datasets/docs/source/40-real-world-usage/PublicMirrors/MTAs/020-Postfix.html
// and the return codes of zen and dbl: 127.255.255.x are errors of the query, not listings.
Decoded spamhausError(quint32 code)
{
    switch (code & 0xff) {
    case 252:
        return refused(
            QCoreApplication::translate("pw::diag", "Spamhaus: typing error in the blocklist name"));
    case 254:
        return refused(QCoreApplication::translate("pw::diag", "Spamhaus: query via a public/open resolver "
                                                               "refused"));
    case 255:
        return refused(QCoreApplication::translate("pw::diag", "Spamhaus: excessive number of queries"));
    default:
        return refused(QCoreApplication::translate("pw::diag", "Spamhaus: query refused"));
    }
}

Decoded spamhausIp(quint32 code)
{
    switch (code & 0xff) {
    case 2:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus SBL: a known source of spam"));
    case 3:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus SBL CSS: sent spam recently (snowshoe "
                                                  "spam or a compromised server)"));
    case 4:
    case 5:
    case 6:
    case 7:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus XBL/CBL: the address sends from "
                                                              "malware-infected or hijacked machines"));
    case 9:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus DROP: a hijacked network controlled by "
                                                  "criminals"));
    case 10:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus PBL (listed by the provider): an end-user "
                                                  "address that should not send mail directly"));
    case 11:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus PBL (listed by Spamhaus): an end-user "
                                                  "address that should not send mail directly"));
    default:
        return listed(
            QCoreApplication::translate("pw::diag", "Spamhaus: listed (code 127.0.0.%1)").arg(code & 0xff));
    }
}

Decoded spamhausDomain(quint32 code)
{
    switch (code & 0xff) {
    case 2:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus DBL: a spam domain"));
    case 4:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus DBL: a phishing domain"));
    case 5:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus DBL: a malware domain"));
    case 6:
        return listed(
            QCoreApplication::translate("pw::diag", "Spamhaus DBL: a botnet command and control domain"));
    case 102:
        return listed(
            QCoreApplication::translate("pw::diag", "Spamhaus DBL: abused legitimate domain (spam)"));
    case 103:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus DBL: abused legitimate domain (spammed "
                                                  "redirector)"));
    case 104:
        return listed(
            QCoreApplication::translate("pw::diag", "Spamhaus DBL: abused legitimate domain (phishing)"));
    case 105:
        return listed(
            QCoreApplication::translate("pw::diag", "Spamhaus DBL: abused legitimate domain (malware)"));
    case 106:
        return listed(QCoreApplication::translate("pw::diag",
                                                  "Spamhaus DBL: abused legitimate domain (botnet "
                                                  "command and control)"));
    case 255:
        return refused(QCoreApplication::translate("pw::diag", "Spamhaus DBL: IP queries prohibited"));
    default:
        return listed(QCoreApplication::translate("pw::diag", "Spamhaus DBL: listed (code 127.0.1.%1)")
                          .arg(code & 0xff));
    }
}

QString joined(const QStringList& list)
{
    return list.join(QStringLiteral(", "));
}

QString refusedFix()
{
    return QCoreApplication::translate("pw::diag",
                                       "Use your own resolver (not a large public one such as 8.8.8.8 "
                                       "or 1.1.1.1), or a Spamhaus DQS key, and run the check again.");
}

// One query of the plan: which result it belongs to and what it asks about.
struct Planned
{
    qsizetype group = 0; // index into the groups (IP zones, then domain zones)
    QString subject;     // the address or domain asked about
    qsizetype query = 0; // index of the A query
    qsizetype txt = -1;  // index of the TXT query, if listed
};

struct Group
{
    QString id;
    QString zone;
    bool domain = false;
    QStringList skipped; // IPv6 addresses the list does not support
};

CheckResult judgeGroup(const Group& group, const QList<Planned>& plan,
                       const QList<dns::LookupResult>& answers, const QList<dns::LookupResult>& texts,
                       qsizetype groupIndex)
{
    const QString title = group.domain
                              ? QCoreApplication::translate("pw::diag", "Domain blocklist %1").arg(group.zone)
                              : QCoreApplication::translate("pw::diag", "IP blocklist %1").arg(group.zone);
    QStringList evidence;
    QStringList listedLines;
    QStringList refusedLines;
    QStringList clean;
    const dns::LookupResult* failure = nullptr;
    for (const Planned& item : plan) {
        if (item.group != groupIndex)
            continue;
        const dns::LookupResult& answer = answers[item.query];
        evidence += lookupLines(answer);
        if (item.txt >= 0)
            evidence += lookupLines(texts[item.txt]);
        if (answer.isNegative()) {
            clean << item.subject;
            continue;
        }
        if (answer.isTemporaryFailure()) {
            failure = failure ? failure : &answer;
            continue;
        }
        bool isListed = false;
        for (const QHostAddress& code : answer.addresses()) {
            const Decoded decoded = BlocklistCheck::decode(group.zone, code, group.domain);
            if (decoded.verdict == Verdict::Listed) {
                isListed = true;
                QString line = QStringLiteral("%1: %2").arg(item.subject, decoded.meaning);
                if (item.txt >= 0 && texts[item.txt].isOk())
                    line += QStringLiteral(" (%1)").arg(texts[item.txt].texts().join(QStringLiteral("; ")));
                listedLines << line;
            } else if (decoded.verdict == Verdict::Refused) {
                refusedLines << QStringLiteral("%1: %2").arg(item.subject, decoded.meaning);
            }
        }
        if (!isListed && refusedLines.isEmpty())
            clean << item.subject;
    }
    for (const QString& address : group.skipped) {
        evidence << QCoreApplication::translate("pw::diag", "%1: not checked, %2 only lists IPv4 addresses")
                        .arg(address, group.zone);
    }
    const QString id = group.id;
    if (!listedLines.isEmpty()) {
        const QString explanation =
            group.domain
                ? QCoreApplication::translate(
                      "pw::diag",
                      "Receiving servers look up the domains in a message on this list and reject or "
                      "junk mail that mentions a listed one. %1")
                      .arg(joined(listedLines))
                : QCoreApplication::translate(
                      "pw::diag",
                      "Receiving servers ask this list about the address that connects to them, and "
                      "many refuse mail from a listed address. %1")
                      .arg(joined(listedLines));
        const QString fix =
            group.domain
                ? QCoreApplication::translate(
                      "pw::diag",
                      "Find and stop what got the domain listed (a hacked website or mailbox, a "
                      "compromised form), then request removal at the list's website (for Spamhaus: "
                      "https://check.spamhaus.org/).")
                : QCoreApplication::translate(
                      "pw::diag",
                      "Find the cause first (an infected machine or a hacked account behind the same "
                      "address, an open relay), then request removal at the list's website (for "
                      "Spamhaus: https://check.spamhaus.org/). For a PBL listing, use a relay or get "
                      "a static business address.");
        return result(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag", "Listed on %1: %2.").arg(group.zone, joined(listedLines)),
            explanation, fix, evidence);
    }
    if (!refusedLines.isEmpty()) {
        return result(
            id, CheckStatus::Unknown, title,
            QCoreApplication::translate("pw::diag", "Could not tell: %1 refused the query from your "
                                                    "resolver.")
                .arg(group.zone),
            QCoreApplication::translate("pw::diag", "Your resolver is refused, the result is unknown. %1")
                .arg(joined(refusedLines)),
            refusedFix(), evidence);
    }
    if (failure)
        return dnsUnknown(id, title, *failure, evidence);
    if (clean.isEmpty() && !group.skipped.isEmpty()) {
        return result(id, CheckStatus::Info, title,
                      QCoreApplication::translate("pw::diag", "Not checked: %1 only lists IPv4 addresses.")
                          .arg(group.zone),
                      QCoreApplication::translate("pw::diag",
                                                  "The server has only IPv6 addresses, which this list "
                                                  "does not cover."),
                      {}, evidence);
    }
    return result(id, CheckStatus::Pass, title,
                  QCoreApplication::translate("pw::diag", "Not listed on %1.").arg(group.zone),
                  QCoreApplication::translate("pw::diag", "The list does not name %1.").arg(joined(clean)),
                  {}, evidence);
}

} // namespace

BlocklistCheck::Decoded BlocklistCheck::decode(const QString& zone, const QHostAddress& answer,
                                               bool domainList)
{
    bool ok = false;
    const quint32 code = normalized(answer).toIPv4Address(&ok);
    if (!ok || (code >> 24) != 127) {
        return refused(QCoreApplication::translate("pw::diag",
                                                   "unexpected answer %1 (not 127.x.x.x: your resolver "
                                                   "may rewrite negative answers)")
                           .arg(answer.toString()));
    }
    if ((code & 0xffffff00) == 0x7fffff00) // 127.255.255.x
        return isSpamhaus(zone) ? spamhausError(code)
                                : refused(QCoreApplication::translate("pw::diag", "error code %1 of the list")
                                              .arg(answer.toString()));
    if (isSpamhaus(zone))
        return domainList ? spamhausDomain(code) : spamhausIp(code);
    // RFC 5782 5: a list never contains 127.0.0.1; lists answer it to say a query is not allowed.
    if (code == 0x7f000001)
        return refused(
            QCoreApplication::translate("pw::diag", "the list answered 127.0.0.1 (query not allowed)"));
    return listed(QCoreApplication::translate("pw::diag", "listed (code %1)").arg(answer.toString()));
}

bool BlocklistCheck::supportsIpv6(const QString& zone)
{
    return isSpamhaus(zone);
}

QString BlocklistCheck::id() const
{
    return QStringLiteral("blocklist");
}

QString BlocklistCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "Blocklists");
}

void BlocklistCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    dns::Resolver* resolver = &environment.resolver;
    const QStringList ipZones = environment.input.ipBlocklists;
    const QStringList domainZones = environment.input.domainBlocklists;
    QString domain = environment.input.domain.trimmed();
    if (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    resolvePublicAddresses(
        environment.input, *resolver, context, false,
        [=, done = std::move(done)](const PublicAddresses& found) {
            QList<Group> groups;
            QList<Planned> plan;
            QList<Query> queries;
            CheckResults early; // results known before any blocklist query
            for (const QString& rawZone : ipZones) {
                const QString zone = zoneName(rawZone);
                if (zone.isEmpty())
                    continue;
                Group group{QStringLiteral("blocklist.") + zone, zone, false, {}};
                if (found.addresses.isEmpty()) {
                    const QString title =
                        QCoreApplication::translate("pw::diag", "IP blocklist %1").arg(zone);
                    early << (found.failure
                                  ? dnsUnknown(group.id, title, *found.failure, found.evidence)
                                  : notEvaluated(group.id, title,
                                                 QCoreApplication::translate(
                                                     "pw::diag", "the server's public address is not known."),
                                                 found.evidence));
                    continue;
                }
                for (const QHostAddress& address : found.addresses) {
                    if (!isIpv4(address) && !supportsIpv6(zone)) {
                        group.skipped << addressText(address);
                        continue;
                    }
                    plan.append({groups.size(), addressText(address), queries.size(), -1});
                    queries.append({blocklistQueryName(address, zone), dns::RecordType::A});
                }
                groups.append(group);
            }
            for (const QString& rawZone : domainZones) {
                const QString zone = zoneName(rawZone);
                if (zone.isEmpty())
                    continue;
                Group group{QStringLiteral("dbl.") + zone, zone, true, {}};
                if (domain.isEmpty()) {
                    early << notEvaluated(
                        group.id, QCoreApplication::translate("pw::diag", "Domain blocklist %1").arg(zone),
                        QCoreApplication::translate("pw::diag", "no mail domain is set."));
                    continue;
                }
                plan.append({groups.size(), domain, queries.size(), -1});
                queries.append({domain + QLatin1Char('.') + zone, dns::RecordType::A});
                groups.append(group);
            }
            lookupAll(*resolver, context, queries, [=](const QList<dns::LookupResult>& answers) {
                // RFC 5782 2.1: a listed entry's TXT record gives the reason; ask it for the evidence.
                QList<Planned> withText = plan;
                QList<Query> textQueries;
                for (Planned& item : withText) {
                    const Group& group = groups[item.group];
                    bool isListed = false;
                    for (const QHostAddress& code : answers[item.query].addresses())
                        isListed =
                            isListed || decode(group.zone, code, group.domain).verdict == Verdict::Listed;
                    if (isListed) {
                        item.txt = textQueries.size();
                        textQueries.append({answers[item.query].name, dns::RecordType::TXT});
                    }
                }
                lookupAll(*resolver, context, textQueries, [=](const QList<dns::LookupResult>& texts) {
                    CheckResults results = early;
                    for (qsizetype i = 0; i < groups.size(); ++i)
                        results << judgeGroup(groups[i], withText, answers, texts, i);
                    done(results);
                });
            });
        });
}

} // namespace pw::diag
