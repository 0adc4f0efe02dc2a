#include "shared/diag/checks/HostnameCheck.h"

#include "shared/diag/checks/HostIdentitySupport.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pw::diag {

using namespace identity;

namespace {

const QString kFqdnId = QStringLiteral("hostname.fqdn");
const QString kResolvesId = QStringLiteral("hostname.resolves");

QString fqdnTitle()
{
    return QCoreApplication::translate("pw::diag", "Host name is a full domain name");
}

QString resolvesTitle()
{
    return QCoreApplication::translate("pw::diag", "Host name points to the server");
}

QString joined(const QList<QHostAddress>& addresses)
{
    QStringList texts;
    for (const QHostAddress& address : addresses)
        texts << addressText(address);
    return texts.join(QStringLiteral(", "));
}

} // namespace

QString HostnameCheck::id() const
{
    return QStringLiteral("hostname");
}

QString HostnameCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "Mail host name");
}

QString HostnameCheck::fqdnProblem(const QString& input)
{
    QString name = input.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty())
        return QCoreApplication::translate("pw::diag", "no host name is set");
    const std::optional<QString> ace = dns::toAceName(name);
    if (!ace)
        return QCoreApplication::translate("pw::diag", "it is not a valid domain name");
    const QString lower = ace->toLower();
    if (lower == QLatin1String("localhost") || lower.endsWith(QLatin1String(".localhost")) ||
        lower == QLatin1String("localhost.localdomain"))
        return QCoreApplication::translate("pw::diag", "\"localhost\" only ever means this machine itself");
    const QStringList labels = lower.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return QCoreApplication::translate("pw::diag", "it has only one label; a full name looks like "
                                                       "mail.example.org");
    // RFC 1123 2.1 / RFC 952: letters, digits and hyphens, no hyphen at either end.
    static const QRegularExpression ldh(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    for (const QString& label : labels) {
        if (!ldh.match(label).hasMatch())
            return QCoreApplication::translate("pw::diag",
                                               "the label \"%1\" may only hold letters, digits and "
                                               "inner hyphens")
                .arg(label);
    }
    // RFC 3696 2: a top-level domain is never all-numeric (that would be an IP address).
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(labels.last()).hasMatch())
        return QCoreApplication::translate("pw::diag", "it is an IP address, not a name");
    // RFC 6762: .local belongs to multicast DNS on the local network; RFC 6761 reserved names.
    const QString tld = labels.last();
    if (tld == QLatin1String("local") || tld == QLatin1String("localdomain") || tld == QLatin1String("lan") ||
        tld == QLatin1String("home") || tld == QLatin1String("internal") || tld == QLatin1String("invalid") ||
        tld == QLatin1String("test"))
        return QCoreApplication::translate("pw::diag", "\".%1\" names exist only inside a local network")
            .arg(tld);
    return {};
}

void HostnameCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const QString hostname = environment.input.hostname.trimmed();
    const QString problem = fqdnProblem(hostname);
    CheckResults results;
    if (!problem.isEmpty()) {
        results << result(
            kFqdnId, CheckStatus::Fail, fqdnTitle(),
            QCoreApplication::translate("pw::diag", "The host name \"%1\" is not usable: %2.")
                .arg(hostname, problem),
            QCoreApplication::translate(
                "pw::diag", "Your server introduces itself to other mail servers by its host name "
                            "(in the EHLO greeting), and they look that name up in the DNS. It must "
                            "be a full domain name that exists on the internet, such as "
                            "mail.example.org."),
            QCoreApplication::translate(
                "pw::diag", "Choose a name under your own domain, for example mail.%1, enter it as "
                            "the host name, and publish an A record for it with the server's "
                            "public address.")
                .arg(environment.input.domain.isEmpty() ? QStringLiteral("example.org")
                                                        : environment.input.domain),
            {});
        results << notEvaluated(
            kResolvesId, resolvesTitle(),
            QCoreApplication::translate("pw::diag", "the host name is not a full domain name."));
        // Never call back from inside run().
        lookupAll(environment.resolver, context, {},
                  [results, done](const QList<dns::LookupResult>&) { done(results); });
        return;
    }
    results << result(
        kFqdnId, CheckStatus::Pass, fqdnTitle(),
        QCoreApplication::translate("pw::diag", "%1 is a full domain name.").arg(hostname),
        QCoreApplication::translate("pw::diag", "Other mail servers can look this name up in the DNS."), {},
        {});
    QList<QHostAddress> configured;
    for (const QHostAddress& address : environment.input.publicAddresses)
        configured << normalized(address);
    lookupAll(
        environment.resolver, context, {{hostname, dns::RecordType::A}, {hostname, dns::RecordType::AAAA}},
        [=](const QList<dns::LookupResult>& lookups) {
            CheckResults all = results;
            QStringList evidence;
            QList<QHostAddress> resolved;
            const dns::LookupResult* failure = nullptr;
            bool viaCname = false;
            for (const dns::LookupResult& lookup : lookups) {
                evidence += lookupLines(lookup);
                if (lookup.isTemporaryFailure() && !failure)
                    failure = &lookup;
                viaCname = viaCname || !lookup.cnameChain.isEmpty();
                for (const QHostAddress& address : lookup.addresses())
                    resolved << normalized(address);
            }
            const QString fixPublish =
                QCoreApplication::translate(
                    "pw::diag",
                    "At the DNS host of your domain, publish an A record for %1 with the server's public "
                    "IPv4 address (and an AAAA record with its IPv6 address, if it has one).")
                    .arg(hostname);
            if (failure && (resolved.isEmpty() || !configured.isEmpty())) {
                all << dnsUnknown(kResolvesId, resolvesTitle(), *failure, evidence);
                done(all);
                return;
            }
            if (resolved.isEmpty()) {
                all << result(
                    kResolvesId, CheckStatus::Fail, resolvesTitle(),
                    QCoreApplication::translate("pw::diag", "%1 has no address in the DNS.").arg(hostname),
                    QCoreApplication::translate(
                        "pw::diag", "Other mail servers look up the host name your server greets them "
                                    "with, and your MX record points to it. Without an A or AAAA record "
                                    "they cannot find the server and distrust its greeting."),
                    fixPublish, evidence);
                done(all);
                return;
            }
            QList<QHostAddress> missing;
            QList<QHostAddress> extra;
            for (const QHostAddress& address : configured) {
                if (!resolved.contains(address))
                    missing << address;
            }
            if (!configured.isEmpty()) {
                for (const QHostAddress& address : resolved) {
                    if (!configured.contains(address))
                        extra << address;
                }
            }
            if (!missing.isEmpty()) {
                all << result(kResolvesId, CheckStatus::Fail, resolvesTitle(),
                              QCoreApplication::translate("pw::diag", "%1 does not point to %2.")
                                  .arg(hostname, joined(missing)),
                              QCoreApplication::translate(
                                  "pw::diag",
                                  "The host name resolves to %1, but the server's public address is "
                                  "%2. Mail for the host name goes elsewhere, and receivers cannot "
                                  "confirm that the server is who it says it is.")
                                  .arg(joined(resolved), joined(configured)),
                              fixPublish, evidence);
            } else if (!extra.isEmpty()) {
                all << result(
                    kResolvesId, CheckStatus::Warn, resolvesTitle(),
                    QCoreApplication::translate("pw::diag", "%1 also points to %2, which is not a "
                                                            "configured address of the server.")
                        .arg(hostname, joined(extra)),
                    QCoreApplication::translate(
                        "pw::diag", "Some mail servers will connect to an address that is not yours, or "
                                    "one the server does not listen on, and fail to deliver."),
                    QCoreApplication::translate(
                        "pw::diag", "Remove the records for %1 from %2, or add those addresses to the "
                                    "server's configured public addresses if they are its own.")
                        .arg(joined(extra), hostname),
                    evidence);
            } else if (viaCname) {
                all << result(
                    kResolvesId, CheckStatus::Warn, resolvesTitle(),
                    QCoreApplication::translate("pw::diag", "%1 is an alias (CNAME).").arg(hostname),
                    QCoreApplication::translate(
                        "pw::diag", "A mail host name should have its own address records: an MX record "
                                    "must not point to an alias (RFC 2181 10.3), and some receivers "
                                    "distrust a greeting name that is one."),
                    QCoreApplication::translate(
                        "pw::diag", "Replace the CNAME record of %1 with A/AAAA records holding the "
                                    "server's addresses.")
                        .arg(hostname),
                    evidence);
            } else {
                all << result(kResolvesId, CheckStatus::Pass, resolvesTitle(),
                              QCoreApplication::translate("pw::diag", "%1 points to %2.")
                                  .arg(hostname, joined(resolved)),
                              QCoreApplication::translate(
                                  "pw::diag", "Other mail servers find your server by this name."),
                              {}, evidence);
            }
            done(all);
        });
}

} // namespace pw::diag
