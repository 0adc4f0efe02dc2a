#include "shared/diag/checks/MxCheck.h"

#include "shared/diag/checks/CheckSupport.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <algorithm>

namespace pw::diag {

namespace {

const QString kPresent = QStringLiteral("mx.present");
const QString kTarget = QStringLiteral("mx.target");
const QString kResolves = QStringLiteral("mx.resolves");

QString presentTitle()
{
    return QCoreApplication::translate("pw::diag", "Mail exchanger (MX) record");
}
QString targetTitle()
{
    return QCoreApplication::translate("pw::diag", "MX target is a host name");
}
QString resolvesTitle()
{
    return QCoreApplication::translate("pw::diag", "MX points to this server");
}

QString mxFix(const DiagnosticsInput& input)
{
    return publishText(input.domain, dns::RecordType::MX, QStringLiteral("10 %1.").arg(input.hostname));
}

// RFC 7505 3: a single MX with preference 0 and the root as exchange.
bool isNullMx(const QList<dns::Record>& records)
{
    return records.size() == 1 && records[0].preference == 0 &&
           (records[0].exchange.isEmpty() || records[0].exchange == QLatin1String("."));
}

bool isRoot(const QString& name)
{
    return name.isEmpty() || name == QLatin1String(".");
}

bool isAddressLiteral(QString name)
{
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return !QHostAddress(name).isNull();
}

struct Target
{
    QString name;
    int a = -1; // indexes into the batch
    int aaaa = -1;
};

void evaluate(const DiagnosticsInput& input, const dns::LookupResult& mx, const QList<Target>& targets,
              int ownA, int ownAaaa, const QList<dns::LookupResult>& lookups, const Check::Done& done)
{
    CheckResults results;
    QStringList evidence = lookupEvidence(mx);
    results.append(makeResult(
        kPresent, CheckStatus::Pass, presentTitle(),
        QCoreApplication::translate("pw::diag", "%1 has %n MX record(s).", nullptr,
                                    static_cast<int>(mx.records.size()))
            .arg(input.domain),
        QCoreApplication::translate("pw::diag",
                                    "Other mail servers look up the MX records of your domain to find out "
                                    "where to deliver mail for it."),
        QString(), evidence));

    // RFC 5321 5.1: the exchange is a domain name; RFC 2181 10.3: it must not be an alias.
    QStringList literals;
    QStringList roots;
    QStringList aliases;
    QStringList targetEvidence;
    for (const Target& target : targets) {
        if (target.a < 0) {
            (isRoot(target.name) ? roots : literals).append(target.name);
            continue;
        }
        for (int index : {target.a, target.aaaa}) {
            if (!lookups[index].cnameChain.isEmpty() && !aliases.contains(target.name))
                aliases.append(target.name);
            targetEvidence += lookupEvidence(lookups[index]);
        }
    }
    const QString explainTarget =
        QCoreApplication::translate(
            "pw::diag",
            "An MX record must name a host (like %1), not an IP address (RFC 5321 5.1), and that name must "
            "have its own A/AAAA records rather than be an alias (CNAME) of another name (RFC 2181 10.3). "
            "Many mail servers refuse or mishandle MX records that break these rules, so mail to you is lost "
            "or delayed.")
            .arg(input.hostname);
    if (!roots.isEmpty()) {
        // RFC 7505 3: a null MX must be the only MX record of the domain.
        results.append(makeResult(
            kTarget, CheckStatus::Fail, targetTitle(),
            QCoreApplication::translate("pw::diag", "A \"null MX\" (0 .) is mixed with other MX records."),
            QCoreApplication::translate(
                "pw::diag", "The MX record \"0 .\" says the domain receives no mail (RFC 7505); next "
                            "to other MX records it contradicts them and senders may bounce mail."),
            QCoreApplication::translate("pw::diag", "Delete the MX record \"0 .\". %1").arg(mxFix(input)),
            evidence));
    } else if (!literals.isEmpty()) {
        results.append(makeResult(
            kTarget, CheckStatus::Fail, targetTitle(),
            QCoreApplication::translate("pw::diag",
                                        "The MX record points to an IP address (%1) instead of a host name.")
                .arg(literals.join(QStringLiteral(", "))),
            explainTarget,
            QCoreApplication::translate(
                "pw::diag", "Replace the MX record. %1\nand make sure %2 has an A record with the address.")
                .arg(mxFix(input), input.hostname),
            evidence));
    } else if (!aliases.isEmpty()) {
        results.append(makeResult(
            kTarget, CheckStatus::Fail, targetTitle(),
            QCoreApplication::translate("pw::diag", "The MX record points to an alias (CNAME): %1.")
                .arg(aliases.join(QStringLiteral(", "))),
            explainTarget,
            QCoreApplication::translate(
                "pw::diag", "Point the MX at the real host name instead of the alias. %1\nand give "
                            "%2 its own A/AAAA records instead of a CNAME.")
                .arg(mxFix(input), input.hostname),
            evidence + targetEvidence));
    } else {
        results.append(makeResult(kTarget, CheckStatus::Pass, targetTitle(),
                                  QCoreApplication::translate("pw::diag", "Every MX record names a host."),
                                  explainTarget, QString(), evidence));
    }

    // Where do the MX hosts lead?
    QList<QHostAddress> ours = input.publicAddresses;
    QStringList ownEvidence;
    bool ownTemporary = false;
    if (ours.isEmpty() && ownA >= 0) {
        ours = addressesOf({lookups[ownA], lookups[ownAaaa]}, &ownTemporary);
        ownEvidence = lookupEvidence(lookups[ownA]) + lookupEvidence(lookups[ownAaaa]);
    }
    QStringList resolvingTargets;
    QStringList ourTargets;
    bool temporary = false;
    const dns::LookupResult* failed = nullptr;
    for (const Target& target : targets) {
        if (target.a < 0)
            continue;
        bool targetTemporary = false;
        const QList<QHostAddress> addresses =
            addressesOf({lookups[target.a], lookups[target.aaaa]}, &targetTemporary);
        if (targetTemporary) {
            temporary = true;
            failed = firstTemporaryFailure({lookups[target.a], lookups[target.aaaa]});
        }
        if (!addresses.isEmpty())
            resolvingTargets.append(target.name);
        const bool matches = std::any_of(addresses.begin(), addresses.end(),
                                         [&](const QHostAddress& address) { return ours.contains(address); });
        if (matches ||
            (input.publicAddresses.isEmpty() && ours.isEmpty() && dns::sameName(target.name, input.hostname)))
            ourTargets.append(target.name);
    }
    const QString explainResolves =
        QCoreApplication::translate("pw::diag", "Senders deliver your mail to the addresses of the MX hosts. "
                                                "If none of them is this server (%1), "
                                                "the mail for %2 goes somewhere else, or nowhere.")
            .arg(input.hostname, input.domain);
    const QStringList allEvidence = evidence + targetEvidence + ownEvidence;
    if (!ourTargets.isEmpty()) {
        results.append(
            makeResult(kResolves, CheckStatus::Pass, resolvesTitle(),
                       QCoreApplication::translate("pw::diag", "The MX host %1 leads to this server.")
                           .arg(ourTargets.join(QStringLiteral(", "))),
                       explainResolves, QString(), allEvidence));
    } else if (temporary || (ownTemporary && !resolvingTargets.isEmpty())) {
        CheckResult unknown =
            dnsUnknown(kResolves, resolvesTitle(),
                       failed ? *failed : *firstTemporaryFailure({lookups[ownA], lookups[ownAaaa]}));
        unknown.evidence = allEvidence;
        results.append(unknown);
    } else if (resolvingTargets.isEmpty()) {
        results.append(makeResult(
            kResolves, CheckStatus::Fail, resolvesTitle(),
            QCoreApplication::translate("pw::diag", "No MX host of %1 has an IP address.").arg(input.domain),
            explainResolves,
            QCoreApplication::translate("pw::diag", "%1\nand give %2 an A record with this server's address.")
                .arg(mxFix(input), input.hostname),
            allEvidence));
    } else {
        QStringList ourTexts;
        for (const QHostAddress& address : ours)
            ourTexts.append(address.toString());
        results.append(makeResult(
            kResolves, CheckStatus::Fail, resolvesTitle(),
            QCoreApplication::translate("pw::diag",
                                        "The MX records of %1 lead to another server, not to this one (%2).")
                .arg(input.domain, ourTexts.isEmpty() ? input.hostname : ourTexts.join(QStringLiteral(", "))),
            explainResolves, mxFix(input), allEvidence));
    }
    done(results);
}

} // namespace

QString MxCheck::id() const
{
    return QStringLiteral("mx");
}

QString MxCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "MX records");
}

void MxCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput input = environment.input;
    dns::Resolver* resolver = &environment.resolver;
    LookupBatch first;
    first.add(input.domain, dns::RecordType::MX);
    first.run(*resolver, context, [input, resolver, context, done](const QList<dns::LookupResult>& answers) {
        const dns::LookupResult& mx = answers[0];
        if (mx.isTemporaryFailure()) {
            done({dnsUnknown(kPresent, presentTitle(), mx), dnsUnknown(kTarget, targetTitle(), mx),
                  dnsUnknown(kResolves, resolvesTitle(), mx)});
            return;
        }
        const QString notChecked =
            QCoreApplication::translate("pw::diag", "Not checked: %1 has no usable MX record.")
                .arg(input.domain);
        if (!mx.isOk()) {
            done({makeResult(
                      kPresent, CheckStatus::Fail, presentTitle(),
                      QCoreApplication::translate("pw::diag", "%1 has no MX record.").arg(input.domain),
                      QCoreApplication::translate(
                          "pw::diag", "Without an MX record other mail servers do not know that this server "
                                      "receives the mail for %1; most will not deliver to it at all.")
                          .arg(input.domain),
                      mxFix(input), lookupEvidence(mx)),
                  skipped(kTarget, targetTitle(), notChecked),
                  skipped(kResolves, resolvesTitle(), notChecked)});
            return;
        }
        if (isNullMx(mx.records)) {
            done({makeResult(
                      kPresent, CheckStatus::Fail, presentTitle(),
                      QCoreApplication::translate("pw::diag",
                                                  "%1 publishes a \"null MX\": it says it accepts no mail.")
                          .arg(input.domain),
                      QCoreApplication::translate(
                          "pw::diag",
                          "The MX record \"0 .\" is the way to announce that a domain receives no mail at "
                          "all (RFC 7505). Senders give up at once and bounce every message to %1.")
                          .arg(input.domain),
                      QCoreApplication::translate("pw::diag", "Delete the MX record \"0 .\". %1")
                          .arg(mxFix(input)),
                      lookupEvidence(mx)),
                  skipped(kTarget, targetTitle(), notChecked),
                  skipped(kResolves, resolvesTitle(), notChecked)});
            return;
        }
        QList<dns::Record> records = mx.records;
        std::stable_sort(records.begin(), records.end(), [](const dns::Record& a, const dns::Record& b) {
            return a.preference < b.preference;
        });
        LookupBatch second;
        QList<Target> targets;
        for (const dns::Record& record : records) {
            Target target{record.exchange};
            if (!isRoot(record.exchange) && !isAddressLiteral(record.exchange)) {
                target.a = second.add(record.exchange, dns::RecordType::A);
                target.aaaa = second.add(record.exchange, dns::RecordType::AAAA);
            }
            targets.append(target);
        }
        int ownA = -1;
        int ownAaaa = -1;
        if (input.publicAddresses.isEmpty() && !input.hostname.isEmpty()) {
            ownA = second.add(input.hostname, dns::RecordType::A);
            ownAaaa = second.add(input.hostname, dns::RecordType::AAAA);
        }
        second.run(*resolver, context,
                   [input, mx, targets, ownA, ownAaaa, done](const QList<dns::LookupResult>& lookups) {
                       evaluate(input, mx, targets, ownA, ownAaaa, lookups, done);
                   });
    });
}

} // namespace pw::diag
