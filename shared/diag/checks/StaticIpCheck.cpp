#include "shared/diag/checks/StaticIpCheck.h"

#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace pw::diag {

using namespace identity;

namespace {

const QString kStatic = QStringLiteral("ip.static");
const QString kPbl = QStringLiteral("ip.pbl");
const QString kDefaultPblZone = QStringLiteral("zen.spamhaus.org");

QString staticTitle()
{
    return QCoreApplication::translate("pw::diag", "Static, non-residential IP address");
}

QString pblTitle()
{
    return QCoreApplication::translate("pw::diag", "Spamhaus Policy Block List (PBL)");
}

// Words providers put in the names of dynamically assigned and residential addresses (the
// "generic rDNS" conventions, cf. draft-msullivan-dnsop-generic-naming-schemes).
const QSet<QString>& dynamicWords()
{
    static const QSet<QString> words{
        QStringLiteral("dyn"),     QStringLiteral("dynamic"),     QStringLiteral("dynip"),
        QStringLiteral("pool"),    QStringLiteral("dhcp"),        QStringLiteral("ppp"),
        QStringLiteral("pppoe"),   QStringLiteral("dsl"),         QStringLiteral("adsl"),
        QStringLiteral("vdsl"),    QStringLiteral("xdsl"),        QStringLiteral("cable"),
        QStringLiteral("cust"),    QStringLiteral("customer"),    QStringLiteral("client"),
        QStringLiteral("clients"), QStringLiteral("broadband"),   QStringLiteral("dialup"),
        QStringLiteral("dial"),    QStringLiteral("residential"), QStringLiteral("cpe"),
        QStringLiteral("ftth"),    QStringLiteral("fttx"),        QStringLiteral("catv"),
        QStringLiteral("dip"),     QStringLiteral("mobile"),      QStringLiteral("wireless"),
    };
    return words;
}

// The address's digits as providers write them into generic names.
bool containsAddressDigits(const QString& name, const QHostAddress& address, QString* seen)
{
    const QHostAddress plain = normalized(address);
    if (isIpv4(plain)) {
        const quint32 v4 = plain.toIPv4Address();
        QStringList octets;
        for (int shift = 24; shift >= 0; shift -= 8)
            octets << QString::number((v4 >> shift) & 0xff);
        QStringList reversed = octets;
        std::reverse(reversed.begin(), reversed.end());
        QStringList padded;
        for (const QString& octet : octets)
            padded << octet.rightJustified(3, QLatin1Char('0'));
        const QString sep = QStringLiteral("[-._x]");
        const QStringList patterns{
            octets.join(sep),
            reversed.join(sep),
            padded.join(QString()),
            padded.join(sep),
            QStringLiteral("%1").arg(v4, 8, 16, QLatin1Char('0')),
        };
        for (const QString& pattern : patterns) {
            const QRegularExpression expression(QStringLiteral("(^|[^0-9a-f])(%1)([^0-9a-f]|$)").arg(pattern),
                                                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch match = expression.match(name);
            if (match.hasMatch()) {
                if (seen)
                    *seen = match.captured(2);
                return true;
            }
        }
        return false;
    }
    // IPv6: the last 64 bits (the interface identifier) in hex, with or without separators.
    const Q_IPV6ADDR bytes = plain.toIPv6Address();
    QString tail;
    for (int i = 8; i < 16; ++i)
        tail += QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
    QString flat = name.toLower();
    flat.remove(QRegularExpression(QStringLiteral("[-._]")));
    if (tail != QStringLiteral("0000000000000001") && flat.contains(tail)) {
        if (seen)
            *seen = tail;
        return true;
    }
    return false;
}

} // namespace

StaticIpCheck::NameLook StaticIpCheck::classifyPtrName(const QString& name, const QHostAddress& address,
                                                       QString* reason)
{
    const QString lower = name.toLower();
    // Words are runs of letters inside the labels: "dsl-203-0-113-7" gives "dsl".
    static const QRegularExpression nonLetters(QStringLiteral("[^a-z]+"));
    // The last two labels are the provider's own domain ("cable.example" is a company name).
    QStringList labels = lower.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    const qsizetype hostPart = std::max<qsizetype>(0, labels.size() - 2);
    for (qsizetype i = 0; i < hostPart; ++i) {
        for (const QString& word : labels[i].split(nonLetters, Qt::SkipEmptyParts)) {
            if (dynamicWords().contains(word)) {
                if (reason)
                    *reason = word;
                return NameLook::Dynamic;
            }
        }
    }
    QString digits;
    if (containsAddressDigits(lower, address, &digits)) {
        if (reason)
            *reason = digits;
        return NameLook::Generic;
    }
    return NameLook::Custom;
}

QString StaticIpCheck::id() const
{
    return QStringLiteral("ip.static");
}

QString StaticIpCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "Static IP address");
}

namespace {

CheckResult judgeNames(const QList<QHostAddress>& addresses, const QList<dns::LookupResult>& ptrs)
{
    QStringList evidence;
    QStringList dynamicLines;
    QStringList genericLines;
    const dns::LookupResult* failure = nullptr;
    bool anyPtr = false;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        evidence += lookupLines(ptrs[i]);
        if (ptrs[i].isTemporaryFailure() && !failure)
            failure = &ptrs[i];
        for (const QString& target : ptrs[i].targets()) {
            anyPtr = true;
            QString reason;
            switch (StaticIpCheck::classifyPtrName(target, addresses[i], &reason)) {
            case StaticIpCheck::NameLook::Dynamic:
                dynamicLines
                    << QCoreApplication::translate("pw::diag", "%1 (\"%2\" in the name)").arg(target, reason);
                break;
            case StaticIpCheck::NameLook::Generic:
                genericLines << QCoreApplication::translate("pw::diag", "%1 (the address %2 in the name)")
                                    .arg(target, reason);
                break;
            case StaticIpCheck::NameLook::Custom:
                break;
            }
        }
    }
    const QString explanation = QCoreApplication::translate(
        "pw::diag",
        "Large mail providers reject or junk mail sent directly from home connections and "
        "dynamically assigned addresses, because most spam comes from infected home computers. "
        "They recognise such addresses by the provider's generic reverse DNS names, which contain "
        "words like \"dynamic\", \"pool\" or \"dsl\", or the address's own digits.");
    const QString fix = QCoreApplication::translate(
        "pw::diag", "Get a static business IP address with your own reverse DNS name (PTR set to your mail "
                    "host name by your provider), or send outgoing mail through a relay (smart host) such as "
                    "your provider's mail server.");
    if (!dynamicLines.isEmpty()) {
        return result(kStatic, CheckStatus::Fail, staticTitle(),
                      QCoreApplication::translate("pw::diag", "The address looks dynamic or residential: %1.")
                          .arg(dynamicLines.join(QStringLiteral(", "))),
                      explanation, fix, evidence);
    }
    if (!genericLines.isEmpty()) {
        return result(
            kStatic, CheckStatus::Warn, staticTitle(),
            QCoreApplication::translate("pw::diag", "The reverse DNS name is a generic provider name: %1.")
                .arg(genericLines.join(QStringLiteral(", "))),
            explanation, fix, evidence);
    }
    if (failure)
        return dnsUnknown(kStatic, staticTitle(), *failure, evidence);
    if (!anyPtr) {
        return notEvaluated(kStatic, staticTitle(),
                            QCoreApplication::translate("pw::diag",
                                                        "the address has no reverse DNS name to judge "
                                                        "(see the PTR check)."),
                            evidence);
    }
    return result(kStatic, CheckStatus::Pass, staticTitle(),
                  QCoreApplication::translate("pw::diag", "The reverse DNS name does not look like a home or "
                                                          "dynamic connection."),
                  QCoreApplication::translate("pw::diag",
                                              "Nothing in the name suggests a dynamically assigned "
                                              "address."),
                  {}, evidence);
}

CheckResult judgePbl(const QList<QHostAddress>& addresses, const QList<dns::LookupResult>& answers)
{
    QStringList evidence;
    QStringList listed;
    const dns::LookupResult* failure = nullptr;
    bool refused = false;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        const dns::LookupResult& answer = answers[i];
        evidence += lookupLines(answer);
        if (answer.isTemporaryFailure()) {
            failure = failure ? failure : &answer;
            continue;
        }
        for (const QHostAddress& code : answer.addresses()) {
            const QString text = code.toString();
            if (text == QLatin1String("127.0.0.10") || text == QLatin1String("127.0.0.11"))
                listed << addressText(addresses[i]);
            else if (text.startsWith(QLatin1String("127.255.255.")))
                refused = true;
        }
    }
    if (!listed.isEmpty()) {
        listed.removeDuplicates();
        return result(
            kPbl, CheckStatus::Fail, pblTitle(),
            QCoreApplication::translate("pw::diag", "%1 is on the Spamhaus PBL: it should not send mail "
                                                    "directly.")
                .arg(listed.join(QStringLiteral(", "))),
            QCoreApplication::translate(
                "pw::diag", "The Policy Block List holds address ranges that their owners (internet "
                            "providers) or Spamhaus say are meant for end users, not for mail servers. "
                            "Most large providers refuse mail sent directly from them. Being on it is "
                            "not an accusation of spam; it describes the kind of connection."),
            QCoreApplication::translate(
                "pw::diag", "Use a relay (smart host) for outgoing mail, or get a static business "
                            "address from your provider. If the address really is a static server "
                            "address, you can ask for its removal at "
                            "https://check.spamhaus.org/."),
            evidence);
    }
    if (refused) {
        return result(
            kPbl, CheckStatus::Unknown, pblTitle(),
            QCoreApplication::translate("pw::diag", "Could not tell: Spamhaus refused the query from your "
                                                    "resolver."),
            QCoreApplication::translate(
                "pw::diag", "Spamhaus does not answer queries that come through large public resolvers "
                            "(such as 8.8.8.8 or 1.1.1.1) or that exceed its free limits, so the "
                            "result is unknown."),
            QCoreApplication::translate("pw::diag", "Use your own resolver, or a Spamhaus DQS key (enter "
                                                    "the DQS zone as a blocklist)."),
            evidence);
    }
    if (failure)
        return dnsUnknown(kPbl, pblTitle(), *failure, evidence);
    return result(
        kPbl, CheckStatus::Pass, pblTitle(),
        QCoreApplication::translate("pw::diag", "The address is not on the Spamhaus PBL."),
        QCoreApplication::translate("pw::diag", "Spamhaus does not list it as an end-user address."), {},
        evidence);
}

// The Spamhaus zone to ask: a configured one (e.g. a DQS zone with its key) or zen.
QString pblZone(const QStringList& blocklists)
{
    for (const QString& zone : blocklists) {
        if (zone.contains(QLatin1String("spamhaus"), Qt::CaseInsensitive) &&
            zone.contains(QLatin1String("zen"), Qt::CaseInsensitive))
            return zone;
    }
    return kDefaultPblZone;
}

} // namespace

void StaticIpCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    dns::Resolver* resolver = &environment.resolver;
    const QString zone = pblZone(environment.input.ipBlocklists);
    resolvePublicAddresses(
        environment.input, *resolver, context, false,
        [resolver, context, zone, done = std::move(done)](const PublicAddresses& found) {
            if (found.addresses.isEmpty()) {
                const QString reason =
                    QCoreApplication::translate("pw::diag", "the server's public address is not known.");
                if (found.failure) {
                    done({dnsUnknown(kStatic, staticTitle(), *found.failure, found.evidence),
                          dnsUnknown(kPbl, pblTitle(), *found.failure, found.evidence)});
                } else {
                    done({notEvaluated(kStatic, staticTitle(), reason, found.evidence),
                          notEvaluated(kPbl, pblTitle(), reason, found.evidence)});
                }
                return;
            }
            QList<Query> queries;
            for (const QHostAddress& address : found.addresses)
                queries.append({dns::reverseName(address), dns::RecordType::PTR});
            for (const QHostAddress& address : found.addresses)
                queries.append({blocklistQueryName(address, zone), dns::RecordType::A});
            const QList<QHostAddress> addresses = found.addresses;
            lookupAll(*resolver, context, queries,
                      [addresses, done](const QList<dns::LookupResult>& answers) {
                          const qsizetype count = addresses.size();
                          done({judgeNames(addresses, answers.mid(0, count)),
                                judgePbl(addresses, answers.mid(count, count))});
                      });
        });
}

} // namespace pw::diag
