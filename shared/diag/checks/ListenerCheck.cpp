#include "shared/diag/checks/ListenerCheck.h"

#include "shared/diag/checks/NetworkCheckSupport.h"

#include <optional>

namespace pw::diag {

using namespace network;

namespace {

CheckResult listenerResult(const LocalListener& listener, const MailProbeResult& probe)
{
    CheckResult result;
    result.id = QStringLiteral("port.local.") + listener.role;
    result.title = tr("Local listener: %1").arg(listener.role);
    const QString where = listener.address.toString();
    result.evidence = probe.transcript;
    switch (probe.outcome) {
    case MailProbeResult::Outcome::Open: {
        result.status = CheckStatus::Pass;
        result.summary = tr("The %1 listener answers on %2.").arg(listener.role, where);
        const bool selfSigned = !probe.chain.isEmpty() && probe.chain.first().isSelfSigned();
        if (probe.encrypted && selfSigned)
            result.summary +=
                QLatin1Char(' ') + tr("Its TLS certificate is self-signed (see the TLS checks).");
        result.evidence = QStringList{tr("banner: %1").arg(probe.banner)} + probe.transcript;
        return result;
    }
    case MailProbeResult::Outcome::Refused:
        result.status = CheckStatus::Fail;
        result.summary = tr("Nothing answers on %1: the connection was refused.").arg(where);
        result.explanation = tr("The service is not running, or its %1 listener is off or bound to another "
                                "address or port.")
                                 .arg(listener.role);
        result.fix = tr("Start postwardend, and check \"%1=\" in the [listen] section of its configuration.")
                         .arg(listener.role);
        break;
    case MailProbeResult::Outcome::Timeout:
        result.status = CheckStatus::Fail;
        result.summary =
            tr("The %1 listener on %2 does not answer: %3.").arg(listener.role, where, probe.error);
        result.explanation = tr("Something accepts the connection or drops it silently, but no mail greeting "
                                "arrives: the service hangs, or a firewall drops packets.");
        result.fix =
            tr("Restart postwardend and look at its log; check the local firewall rules for port %1.")
                .arg(listener.address.port);
        break;
    case MailProbeResult::Outcome::Protocol:
        result.status = CheckStatus::Fail;
        result.summary = tr("Something else answers on %1: %2.").arg(where, probe.error);
        result.explanation = tr("Another program holds this port, or the listener speaks another protocol "
                                "than its role (%1) wants.")
                                 .arg(listener.role);
        result.fix = tr("Find the program on port %1 (for example with \"ss -ltnp\") and stop it, or move "
                        "the listener to a free port.")
                         .arg(listener.address.port);
        break;
    case MailProbeResult::Outcome::TlsFailed:
        result.status = CheckStatus::Fail;
        result.summary = tr("The %1 listener on %2 accepts connections, but TLS fails: %3.")
                             .arg(listener.role, where, probe.error);
        result.explanation = tr("Mail programs connect to this port with TLS from the first byte; without a "
                                "working handshake they cannot use it.");
        result.fix =
            tr("Check the certificate and key in the [tls] section of the configuration, then restart "
               "postwardend.");
        break;
    case MailProbeResult::Outcome::Failed:
        result.status = CheckStatus::Fail;
        result.summary = tr("Cannot connect to %1: %2.").arg(where, probe.error);
        result.fix = tr("Check the address of the %1 listener in the [listen] section.").arg(listener.role);
        break;
    }
    return result;
}

// hostname.banner.<role>: the host name an SMTP listener greets with ("220 <name> …", RFC 5321
// 4.3.1) is the one the owner configured. Empty when there is nothing to compare.
std::optional<CheckResult> bannerResult(const LocalListener& listener, const MailProbeResult& probe,
                                        const QString& hostname)
{
    if (!roleProtocol(listener.role).smtp || probe.outcome != MailProbeResult::Outcome::Open ||
        hostname.isEmpty())
        return std::nullopt;
    const QString first = probe.banner.section(QLatin1Char('\n'), 0, 0);
    const QString announced = first.mid(4).section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    CheckResult result;
    result.id = QStringLiteral("hostname.banner.") + listener.role;
    result.title = tr("Greeting host name: %1").arg(listener.role);
    result.evidence = QStringList{tr("banner: %1").arg(first)};
    const QString expected = hostname.endsWith(QLatin1Char('.')) ? hostname.chopped(1) : hostname;
    const QString seen = announced.endsWith(QLatin1Char('.')) ? announced.chopped(1) : announced;
    if (!seen.isEmpty() && seen.compare(expected, Qt::CaseInsensitive) == 0) {
        result.status = CheckStatus::Pass;
        result.summary = tr("The %1 listener greets with the host name %2.").arg(listener.role, expected);
        return result;
    }
    result.status = CheckStatus::Warn;
    result.summary =
        seen.isEmpty()
            ? tr("The %1 listener greets without a host name; %2 was expected.").arg(listener.role, expected)
            : tr("The %1 listener greets as %2, not as %3.").arg(listener.role, seen, expected);
    result.explanation =
        tr("Receiving servers compare the name in the greeting and in EHLO with the reverse "
           "DNS (PTR) of the address and with the host name; a mismatch looks like a "
           "misconfigured or hijacked machine, and mail gets more spam points or is refused.");
    result.fix = tr("Set [service] hostname in postwarden.conf to the mail host name (%1), then restart "
                    "postwardend.")
                     .arg(expected);
    return result;
}

} // namespace

QString ListenerCheck::id() const
{
    return QStringLiteral("port.local");
}

QString ListenerCheck::title() const
{
    return tr("Local listeners");
}

void ListenerCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const QList<LocalListener> listeners = environment.input.localListeners;
    const QString hostname = environment.input.hostname;
    if (listeners.isEmpty()) {
        CheckResult none;
        none.id = id();
        none.status = CheckStatus::Info;
        none.title = title();
        none.summary = tr("No local listeners were given, so none was tried.");
        QMetaObject::invokeMethod(
            context, [done, none] { done({none}); }, Qt::QueuedConnection);
        return;
    }
    auto gather = std::make_shared<Gather>(static_cast<int>(listeners.size()), std::move(done));
    for (int i = 0; i < listeners.size(); ++i) {
        const LocalListener& listener = listeners.at(i);
        MailProbeOptions options;
        options.host = listener.address.host;
        options.port = listener.address.port;
        options.greeting = roleProtocol(listener.role).greeting;
        options.tls = listener.implicitTls ? MailProbeOptions::Tls::Implicit : MailProbeOptions::Tls::None;
        options.timeout = environment.input.tcpTimeout;
        probeMailPort(options, context, [gather, i, listener, hostname](const MailProbeResult& probe) {
            CheckResults results{listenerResult(listener, probe)};
            if (auto banner = bannerResult(listener, probe, hostname))
                results.append(*banner);
            gather->set(i, results);
        });
    }
}

} // namespace pw::diag
