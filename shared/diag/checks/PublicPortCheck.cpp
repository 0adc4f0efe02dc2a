#include "shared/diag/checks/PublicPortCheck.h"

#include "shared/diag/checks/NetworkCheckSupport.h"
#include "shared/dns/Resolver.h"

#include <QNetworkInterface>

namespace pw::diag {

using namespace network;

namespace {

struct PortAttempt
{
    QHostAddress address;
    MailProbeResult probe;
};

bool isLocalAddress(const QHostAddress& address)
{
    if (address.isLoopback())
        return true;
    const QList<QHostAddress> local = QNetworkInterface::allAddresses();
    return std::any_of(local.cbegin(), local.cend(), [&](const QHostAddress& mine) {
        return mine.isEqual(address, QHostAddress::TolerantConversion);
    });
}

QString endpoint(const QHostAddress& address, quint16 port)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
               : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

CheckResult portResult(quint16 port, const QList<PortAttempt>& attempts,
                       const PublicPortCheck::IsLocalAddress& isLocal)
{
    CheckResult result;
    result.id = QStringLiteral("port.public.%1").arg(port);
    result.title = tr("Public port %1").arg(port);
    result.status = CheckStatus::Pass;
    QStringList open;
    QStringList closedHere;
    QStringList behindNat;
    QHostAddress outsideAddress; // the first address we could not judge from inside
    for (const PortAttempt& attempt : attempts) {
        const QString where = endpoint(attempt.address, port);
        result.evidence.append(
            QStringLiteral("%1: %2").arg(where, attempt.probe.outcome == MailProbeResult::Outcome::Open
                                                    ? mailProbeOutcomeName(attempt.probe.outcome)
                                                    : attempt.probe.error));
        if (attempt.probe.outcome == MailProbeResult::Outcome::Open) {
            open.append(where);
            continue;
        }
        if (isLocal(attempt.address)) {
            closedHere.append(where);
            continue;
        }
        behindNat.append(where);
        if (outsideAddress.isNull())
            outsideAddress = attempt.address;
    }
    if (!closedHere.isEmpty()) {
        result.status = CheckStatus::Fail;
        result.summary =
            tr("Port %1 is closed on %2.").arg(QString::number(port), closedHere.join(QStringLiteral(", ")));
        result.explanation =
            tr("This host owns the address, but a connection to port %1 is refused or dropped: "
               "no listener is bound to it, or a firewall blocks it. Other mail servers and "
               "your mail programs cannot reach the service there.")
                .arg(port);
        result.fix = tr("Make postwardend listen on port %1 of this address, open the port in the host's "
                        "firewall (for example \"ufw allow %1/tcp\"), and, if your provider filters traffic, "
                        "open it in their control panel as well.")
                         .arg(port);
    } else if (!behindNat.isEmpty()) {
        result.status = CheckStatus::Unknown;
        result.summary = tr("Cannot tell from inside whether port %1 of %2 is open.")
                             .arg(QString::number(port), behindNat.join(QStringLiteral(", ")));
        result.explanation =
            tr("The address is not on any interface of this host, so it sits behind a router "
               "(NAT); many routers do not let a host reach its own public address from the "
               "inside, so a failure here proves nothing.");
        result.fix =
            tr("Run \"postwardenctl probe %1\" from another machine outside this network, and forward "
               "port %2 on the router to this host.")
                .arg(outsideAddress.toString())
                .arg(port);
    } else {
        result.summary = tr("Port %1 accepts connections on %2.")
                             .arg(QString::number(port), open.join(QStringLiteral(", ")));
    }
    return result;
}

void probePorts(const QList<QHostAddress>& addresses, const DiagnosticsInput& input, QObject* context,
                const PublicPortCheck::IsLocalAddress& isLocal, Check::Done done)
{
    const QList<quint16> ports = input.publicPorts;
    auto gather = std::make_shared<Gather>(static_cast<int>(ports.size()), std::move(done));
    for (int p = 0; p < ports.size(); ++p) {
        const quint16 port = ports.at(p);
        auto attempts = std::make_shared<QList<PortAttempt>>();
        auto missing = std::make_shared<qsizetype>(addresses.size());
        for (const QHostAddress& address : addresses) {
            MailProbeOptions options;
            options.host = address.toString();
            options.port = port;
            options.greeting = MailProbeOptions::Greeting::None;
            options.timeout = input.tcpTimeout;
            probeMailPort(options, context, [=](const MailProbeResult& probe) {
                attempts->append({address, probe});
                if (--*missing == 0)
                    gather->set(p, {portResult(port, *attempts, isLocal)});
            });
        }
    }
}

CheckResult unknownResult(const QString& id, const QString& title, const QString& summary)
{
    CheckResult result;
    result.id = id;
    result.status = CheckStatus::Unknown;
    result.title = title;
    result.summary = summary;
    result.fix = tr("Give the server's public address (--ip in postwardenctl check).");
    return result;
}

} // namespace

PublicPortCheck::PublicPortCheck(IsLocalAddress isLocal)
    : m_isLocal(isLocal ? std::move(isLocal) : IsLocalAddress(isLocalAddress))
{}

QString PublicPortCheck::id() const
{
    return QStringLiteral("port.public");
}

QString PublicPortCheck::title() const
{
    return tr("Public ports");
}

void PublicPortCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput& input = environment.input;
    if (input.publicPorts.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    if (!input.publicAddresses.isEmpty()) {
        probePorts(input.publicAddresses, input, context, m_isLocal, std::move(done));
        return;
    }
    if (input.hostname.isEmpty()) {
        const CheckResult result =
            unknownResult(id(), title(), tr("Could not tell: no public address or host name was given."));
        QMetaObject::invokeMethod(
            context, [done, result] { done({result}); }, Qt::QueuedConnection);
        return;
    }
    // No address given: the host name's A and AAAA records say where the world connects to.
    const DiagnosticsInput* inputPointer = &input;
    auto addresses = std::make_shared<QList<QHostAddress>>();
    auto missing = std::make_shared<int>(2);
    const QString checkId = id();
    const IsLocalAddress isLocal = m_isLocal;
    const QString checkTitle = title();
    const auto collect = [=](const dns::LookupResult& answer) {
        *addresses += answer.addresses();
        if (--*missing > 0)
            return;
        if (addresses->isEmpty()) {
            done({unknownResult(checkId, checkTitle,
                                tr("Could not tell: %1 has no A or AAAA record to connect to.")
                                    .arg(inputPointer->hostname))});
            return;
        }
        probePorts(*addresses, *inputPointer, context, isLocal, done);
    };
    environment.resolver.lookup(input.hostname, dns::RecordType::A, context, collect);
    environment.resolver.lookup(input.hostname, dns::RecordType::AAAA, context, collect);
}

} // namespace pw::diag
