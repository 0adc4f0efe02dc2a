#include "shared/diag/checks/OutboundSmtpCheck.h"

#include "shared/diag/checks/NetworkCheckSupport.h"
#include "shared/dns/Resolver.h"

namespace pw::diag {

using namespace network;

namespace {

CheckResult outboundResult(const QString& target, quint16 port, const MailProbeResult& probe)
{
    CheckResult result;
    result.id = QStringLiteral("port.outbound25");
    result.title = tr("Outgoing SMTP (port %1)").arg(port);
    result.evidence = probe.transcript;
    const QString where = QStringLiteral("%1:%2").arg(target).arg(port);
    switch (probe.outcome) {
    case MailProbeResult::Outcome::Open:
    case MailProbeResult::Outcome::Protocol:
        // Any answer proves the path is open; an odd one is the other side's business.
        result.status = CheckStatus::Pass;
        result.summary = tr("This host can reach %1 and got its greeting.").arg(where);
        result.evidence = QStringList{tr("banner: %1").arg(probe.banner)} + probe.transcript;
        return result;
    case MailProbeResult::Outcome::Timeout:
        result.status = CheckStatus::Fail;
        result.summary = tr("Blocked: no answer from %1 (%2).").arg(where, probe.error);
        result.explanation = tr("Many providers block outgoing port %1 so that infected machines cannot send "
                                "spam; without it this server cannot deliver mail to other domains.")
                                 .arg(port);
        result.fix = tr("Ask your provider to unblock outgoing port %1 for this server, or send through a "
                        "relay (smart host) on port 587.")
                         .arg(port);
        return result;
    case MailProbeResult::Outcome::Refused:
        result.status = CheckStatus::Fail;
        result.summary = tr("The connection to %1 was refused.").arg(where);
        result.explanation = tr("A firewall on this host or at your provider rejects outgoing connections to "
                                "port %1, or that server is down.")
                                 .arg(port);
        result.fix = tr("Check this host's outgoing firewall rules; if they allow port %1, ask your provider "
                        "to unblock it, or use a relay (smart host).")
                         .arg(port);
        return result;
    case MailProbeResult::Outcome::TlsFailed:
    case MailProbeResult::Outcome::Failed:
        break;
    }
    result.status = CheckStatus::Fail;
    result.summary = tr("Cannot connect to %1: %2.").arg(where, probe.error);
    result.explanation = tr("This host has no working route to the internet, or its name resolution fails.");
    result.fix = tr("Check the network configuration of this host (default route, DNS servers).");
    return result;
}

void probeOutbound(const QString& target, const QHostAddress& address, const DiagnosticsInput& input,
                   QObject* context, const Check::Done& done)
{
    MailProbeOptions options;
    options.host = address.toString();
    options.port = input.outboundPort;
    options.timeout = input.tcpTimeout;
    options.ehloName = input.hostname.isEmpty() ? options.ehloName : input.hostname;
    const quint16 port = input.outboundPort;
    probeMailPort(options, context, [target, port, done](const MailProbeResult& probe) {
        done({outboundResult(target, port, probe)});
    });
}

CheckResult unknownResult(const QString& title, const QString& summary)
{
    CheckResult result;
    result.id = QStringLiteral("port.outbound25");
    result.status = CheckStatus::Unknown;
    result.title = title;
    result.summary = summary;
    result.fix = tr("Check this host's DNS servers, or give a target with --outbound-target.");
    return result;
}

// Names are resolved through the resolver like every other lookup, so tests can serve them.
void resolveAndProbe(const QString& target, const DiagnosticsInput& input, dns::Resolver& resolver,
                     QObject* context, const QString& title, const Check::Done& done)
{
    const QHostAddress literal(target);
    if (!literal.isNull()) {
        probeOutbound(target, literal, input, context, done);
        return;
    }
    const DiagnosticsInput* inputPointer = &input;
    resolver.lookup(target, dns::RecordType::A, context, [=](const dns::LookupResult& answer) {
        const QList<QHostAddress> addresses = answer.addresses();
        if (addresses.isEmpty()) {
            done({unknownResult(title, tr("Could not tell: %1 has no address (%2).")
                                           .arg(target, answer.isTemporaryFailure() ? answer.errorString
                                                                                    : tr("no A record")))});
            return;
        }
        probeOutbound(target, addresses.first(), *inputPointer, context, done);
    });
}

} // namespace

QString OutboundSmtpCheck::id() const
{
    return QStringLiteral("port.outbound25");
}

QString OutboundSmtpCheck::title() const
{
    return tr("Outgoing SMTP");
}

void OutboundSmtpCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput& input = environment.input;
    const QString title = this->title();
    if (!input.outboundTarget.isEmpty()) {
        resolveAndProbe(input.outboundTarget, input, environment.resolver, context, title, done);
        return;
    }
    // The input and the resolver outlive the check (CheckEnvironment's contract; the environment
    // itself does not), and the callback runs only while `context` lives.
    const DiagnosticsInput* inputPointer = &input;
    dns::Resolver* resolver = &environment.resolver;
    const QString domain = input.outboundProbeDomain;
    environment.resolver.lookup(
        domain, dns::RecordType::MX, context,
        [inputPointer, resolver, context, done, domain, title](const dns::LookupResult& answer) {
            const dns::Record* best = nullptr;
            for (const dns::Record& record : answer.records) {
                if (!record.exchange.isEmpty() && (best == nullptr || record.preference < best->preference))
                    best = &record;
            }
            if (best == nullptr) {
                done({unknownResult(title,
                                    tr("Could not tell: no mail server of %1 was found to try (%2).")
                                        .arg(domain, answer.isTemporaryFailure() ? answer.errorString
                                                                                 : tr("no MX record")))});
                return;
            }
            resolveAndProbe(best->exchange, *inputPointer, *resolver, context, title, done);
        });
}

} // namespace pw::diag
