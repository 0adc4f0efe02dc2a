#include "shared/diag/checks/PublicIpCheck.h"

#include "shared/diag/checks/HostIdentitySupport.h"

#include <QCoreApplication>
#include <QNetworkInterface>

namespace pw::diag {

using namespace identity;

namespace {

const QString kId = QStringLiteral("ip.public");

struct Verdict
{
    CheckStatus status = CheckStatus::Pass;
    QString line;        // evidence: what the address is
    QString explanation; // empty for a usable address
};

QString portList(const QList<quint16>& ports)
{
    QStringList list;
    for (quint16 port : ports)
        list << QString::number(port);
    return list.join(QStringLiteral(", "));
}

Verdict judge(const QHostAddress& address, const QList<QHostAddress>& interfaces, const QList<quint16>& ports)
{
    const QString text = addressText(address);
    Verdict verdict;
    verdict.status = CheckStatus::Fail;
    switch (classifyAddress(address)) {
    case AddressKind::Private:
        verdict.line = QCoreApplication::translate("pw::diag", "%1: private address (RFC 1918)").arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is a private address: it only works inside your own network, nobody on the "
                            "internet can reach it or send mail to it.")
                .arg(text);
        return verdict;
    case AddressKind::SharedCgnat:
        verdict.line =
            QCoreApplication::translate("pw::diag", "%1: shared carrier-grade NAT address (RFC 6598)")
                .arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is in 100.64.0.0/10: your provider shares one address among customers. You "
                            "cannot run a mail server behind it, because nothing from the internet can reach "
                            "you and the shared address is not yours.")
                .arg(text);
        return verdict;
    case AddressKind::Loopback:
        verdict.line = QCoreApplication::translate("pw::diag", "%1: loopback address").arg(text);
        verdict.explanation = QCoreApplication::translate(
                                  "pw::diag", "%1 is a loopback address: it always means \"this machine "
                                              "itself\" and is never reachable from elsewhere.")
                                  .arg(text);
        return verdict;
    case AddressKind::LinkLocal:
        verdict.line = QCoreApplication::translate("pw::diag", "%1: link-local address").arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is a link-local address: it is only valid on one network segment.")
                .arg(text);
        return verdict;
    case AddressKind::Documentation:
        verdict.line = QCoreApplication::translate("pw::diag", "%1: documentation example address").arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is reserved for examples in documentation (RFC 5737, RFC 3849); it was "
                            "probably copied from a guide and is nobody's real address.")
                .arg(text);
        return verdict;
    case AddressKind::UniqueLocal:
        verdict.line =
            QCoreApplication::translate("pw::diag", "%1: unique local IPv6 address (RFC 4193)").arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is a unique local IPv6 address (fc00::/7): like a private IPv4 address it is "
                            "not routed on the internet.")
                .arg(text);
        return verdict;
    case AddressKind::Unspecified:
    case AddressKind::Multicast:
    case AddressKind::Reserved:
        verdict.line = QCoreApplication::translate("pw::diag", "%1: special-purpose address").arg(text);
        verdict.explanation =
            QCoreApplication::translate(
                "pw::diag", "%1 is a special-purpose address, not one a server can be reached at.")
                .arg(text);
        return verdict;
    case AddressKind::Public:
        break;
    }
    bool local = false;
    for (const QHostAddress& own : interfaces)
        local = local || normalized(own) == normalized(address);
    if (local) {
        verdict.status = CheckStatus::Pass;
        verdict.line =
            QCoreApplication::translate("pw::diag", "%1: public, on an interface of this machine").arg(text);
        return verdict;
    }
    verdict.status = CheckStatus::Info;
    verdict.line = QCoreApplication::translate("pw::diag", "%1: public, not on any interface of this machine "
                                                           "(behind NAT)")
                       .arg(text);
    verdict.explanation =
        QCoreApplication::translate(
            "pw::diag",
            "%1 is a public address, but not one of this machine's own: the machine sits behind a "
            "router that translates addresses (NAT). Mail reaches it only if the router forwards "
            "ports %2 to it.")
            .arg(text, portList(ports));
    return verdict;
}

} // namespace

PublicIpCheck::PublicIpCheck(std::optional<QList<QHostAddress>> interfaceAddresses)
    : m_interfaceAddresses(std::move(interfaceAddresses))
{}

QString PublicIpCheck::id() const
{
    return kId;
}

QString PublicIpCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "Public IP address");
}

void PublicIpCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const QList<QHostAddress> interfaces =
        m_interfaceAddresses ? *m_interfaceAddresses : QNetworkInterface::allAddresses();
    const QString title = this->title();
    const QList<quint16> ports = environment.input.publicPorts;
    const QString hostname = environment.input.hostname;
    resolvePublicAddresses(
        environment.input, environment.resolver, context, false,
        [=, done = std::move(done)](const PublicAddresses& found) {
            QStringList evidence;
            for (const QHostAddress& own : interfaces)
                evidence
                    << QCoreApplication::translate("pw::diag", "interface address %1").arg(addressText(own));
            evidence += found.evidence;
            if (found.addresses.isEmpty()) {
                if (found.failure) {
                    done({dnsUnknown(kId, title, *found.failure, evidence)});
                    return;
                }
                done({result(
                    kId, CheckStatus::Fail, title,
                    QCoreApplication::translate("pw::diag",
                                                "No public address is configured, and %1 has no address "
                                                "in the DNS.")
                        .arg(hostname.isEmpty() ? QCoreApplication::translate("pw::diag", "the host name")
                                                : hostname),
                    QCoreApplication::translate(
                        "pw::diag", "Other mail servers find yours by its public IP address. None is "
                                    "configured, and the host name has no A or AAAA record to take it "
                                    "from."),
                    QCoreApplication::translate(
                        "pw::diag", "Enter the server's public IP address in the settings (your "
                                    "provider tells you which it is), and publish it as the A record "
                                    "(AAAA for IPv6) of the host name."),
                    evidence)});
                return;
            }
            CheckStatus status = CheckStatus::Pass;
            QStringList problems;
            QStringList lines;
            bool behindNat = false;
            for (const QHostAddress& address : found.addresses) {
                const Verdict verdict = judge(address, interfaces, ports);
                lines << verdict.line;
                if (!verdict.explanation.isEmpty())
                    problems << verdict.explanation;
                behindNat = behindNat || verdict.status == CheckStatus::Info;
                status = worse(status, verdict.status);
            }
            evidence = lines + evidence;
            QString origin;
            if (found.fromHostname) {
                origin = QCoreApplication::translate(
                             "pw::diag", "No public address is configured, so the addresses were taken "
                                         "from the A/AAAA records of %1.")
                             .arg(hostname);
            }
            const QString list = [&] {
                QStringList texts;
                for (const QHostAddress& address : found.addresses)
                    texts << addressText(address);
                return texts.join(QStringLiteral(", "));
            }();
            QString summary;
            QString fix;
            if (status == CheckStatus::Fail) {
                summary = QCoreApplication::translate("pw::diag",
                                                      "The address %1 cannot receive mail from the internet.")
                              .arg(list);
                fix = QCoreApplication::translate(
                    "pw::diag",
                    "Use a public IP address that belongs to you: ask your provider for one (a static "
                    "business address), rent a server or VPS with a public address, or send and "
                    "receive mail through a relay service. Then enter that address in the settings.");
            } else if (behindNat) {
                summary = QCoreApplication::translate(
                              "pw::diag", "The public address %1 is behind NAT: forward ports %2.")
                              .arg(list, portList(ports));
                fix = QCoreApplication::translate(
                          "pw::diag",
                          "In your router, forward TCP ports %1 from the public address to this machine's "
                          "local address, and give this machine a fixed local address.")
                          .arg(portList(ports));
            } else {
                summary = QCoreApplication::translate("pw::diag", "The public address %1 is on this machine.")
                              .arg(list);
            }
            QStringList explanation;
            if (!origin.isEmpty())
                explanation << origin;
            explanation += problems;
            if (explanation.isEmpty()) {
                explanation << QCoreApplication::translate(
                    "pw::diag",
                    "Other mail servers connect to this address, and it is one of this machine's own.");
            }
            done({result(kId, status, title, summary, explanation.join(QLatin1Char(' ')), fix, evidence)});
        });
}

} // namespace pw::diag
