#include "shared/diag/checks/TlsCertificateCheck.h"

#include "shared/diag/checks/NetworkCheckSupport.h"

#include <QDateTime>
#include <QMultiMap>

namespace pw::diag {

using namespace network;

namespace {

constexpr qint64 kWarnDays = 14;

// RFC 6125 6.4: a DNS-ID matches exactly or by a wildcard in the left-most label only; the
// CN is looked at only when the certificate has no DNS-ID.
bool nameMatches(const QString& pattern, const QString& hostname)
{
    const QString p = pattern.toLower().chopped(pattern.endsWith(QLatin1Char('.')) ? 1 : 0);
    const QString h = hostname.toLower().chopped(hostname.endsWith(QLatin1Char('.')) ? 1 : 0);
    if (p == h)
        return true;
    if (!p.startsWith(QLatin1String("*.")))
        return false;
    const qsizetype dot = h.indexOf(QLatin1Char('.'));
    return dot > 0 && h.mid(dot) == p.mid(1) && p.count(QLatin1Char('.')) >= 2;
}

QStringList certificateNames(const QSslCertificate& certificate)
{
    QStringList names = certificate.subjectAlternativeNames().values(QSsl::DnsEntry);
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names;
}

bool roleIsForClients(const QString& role)
{
    return role != QLatin1String("smtp");
}

void raise(CheckResult& result, CheckStatus status)
{
    CheckResult other;
    other.status = status;
    if (worstStatus({result, other}) == status)
        result.status = status;
}

CheckResult certificateResult(const LocalListener& listener, const QString& hostname,
                              const MailProbeResult& probe)
{
    CheckResult result;
    result.id = QStringLiteral("tls.") + listener.role;
    result.title = tr("TLS certificate: %1").arg(listener.role);
    if (!probe.encrypted || probe.chain.isEmpty()) {
        const bool connectionProblem = probe.outcome == MailProbeResult::Outcome::Refused ||
                                       probe.outcome == MailProbeResult::Outcome::Timeout ||
                                       probe.outcome == MailProbeResult::Outcome::Failed;
        result.status = connectionProblem ? CheckStatus::Unknown : CheckStatus::Fail;
        result.summary = connectionProblem
                             ? tr("Could not tell: no connection to %1 (%2); see port.local.%3.")
                                   .arg(listener.address.toString(), probe.error, listener.role)
                             : tr("No TLS on %1: %2.").arg(listener.address.toString(), probe.error);
        if (!connectionProblem) {
            result.explanation =
                tr("Without TLS, passwords and mail cross the network readable by anyone on the "
                   "way, and many servers and mail programs refuse to continue.");
            result.fix = tr("Set a certificate and key in the [tls] section (or leave them empty for a "
                            "generated one) and restart postwardend.");
        }
        result.evidence = probe.transcript;
        return result;
    }

    const QSslCertificate& leaf = probe.chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 daysLeft = now.daysTo(leaf.expiryDate().toUTC());
    const QStringList names = certificateNames(leaf);
    result.evidence = {
        tr("subject: %1").arg(leaf.subjectDisplayName()),
        tr("issuer: %1").arg(leaf.issuerDisplayName()),
        tr("names: %1").arg(names.join(QStringLiteral(", "))),
        tr("valid: %1 to %2 (%3 days left)")
            .arg(leaf.effectiveDate().toUTC().toString(Qt::ISODate),
                 leaf.expiryDate().toUTC().toString(Qt::ISODate))
            .arg(daysLeft),
        tr("protocol: %1").arg(probe.tlsProtocol),
    };
    for (const QSslError& error : probe.sslErrors)
        result.evidence.append(tr("verification: %1").arg(error.errorString()));

    result.status = CheckStatus::Pass;
    QStringList problems;
    QStringList fixes;
    const bool selfSigned = leaf.isSelfSigned();
    if (leaf.expiryDate().toUTC() < now) {
        raise(result, CheckStatus::Fail);
        problems << tr("it expired on %1").arg(leaf.expiryDate().toUTC().toString(Qt::ISODate));
        fixes << tr("Renew the certificate (certbot renew, or your CA's panel) and restart postwardend.");
    } else if (leaf.effectiveDate().toUTC() > now) {
        raise(result, CheckStatus::Fail);
        problems << tr("it is not valid before %1").arg(leaf.effectiveDate().toUTC().toString(Qt::ISODate));
        fixes << tr("Check this host's clock.");
    } else if (daysLeft < kWarnDays) {
        raise(result, CheckStatus::Warn);
        problems << tr("it expires in %1 days").arg(daysLeft);
        fixes << tr("Renew the certificate now; automate renewal (certbot's timer) so it never lapses.");
    }
    if (!hostname.isEmpty() && std::none_of(names.cbegin(), names.cend(), [&](const QString& name) {
            return nameMatches(name, hostname);
        })) {
        raise(result, roleIsForClients(listener.role) ? CheckStatus::Fail : CheckStatus::Warn);
        problems << tr("it is for %1, not for %2").arg(names.join(QStringLiteral(", ")), hostname);
        fixes << tr("Get a certificate for %1 (for example from Let's Encrypt) and set it in the [tls] "
                    "section.")
                     .arg(hostname);
    }
    if (selfSigned) {
        raise(result, CheckStatus::Warn);
        problems << tr("it is self-signed");
        fixes << tr("Mail programs warn about a self-signed certificate and servers that insist on TLS "
                    "(MTA-STS, DANE without a TLSA record) refuse it: get one from a public CA such as "
                    "Let's Encrypt for %1.")
                     .arg(hostname.isEmpty() ? tr("your mail host name") : hostname);
    }
    if (problems.isEmpty()) {
        result.summary = tr("The certificate on %1 is valid for %2 more days.")
                             .arg(listener.address.toString())
                             .arg(daysLeft);
        return result;
    }
    result.summary = tr("The certificate on %1 has problems: %2.")
                         .arg(listener.address.toString(), problems.join(QStringLiteral("; ")));
    result.explanation =
        tr("Servers and mail programs check the certificate before they trust the connection; "
           "a bad one makes them warn, fall back to plain text or refuse to connect.");
    result.fix = fixes.join(QLatin1Char(' '));
    return result;
}

std::optional<MailProbeOptions::Tls> tlsModeFor(const LocalListener& listener)
{
    if (listener.implicitTls)
        return MailProbeOptions::Tls::Implicit;
    static const QStringList startTlsRoles{QStringLiteral("smtp"), QStringLiteral("submission"),
                                           QStringLiteral("imap")};
    if (startTlsRoles.contains(listener.role))
        return MailProbeOptions::Tls::StartTls;
    return std::nullopt;
}

} // namespace

QString TlsCertificateCheck::id() const
{
    return QStringLiteral("tls");
}

QString TlsCertificateCheck::title() const
{
    return tr("TLS certificates");
}

void TlsCertificateCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    QList<LocalListener> listeners;
    for (const LocalListener& listener : environment.input.localListeners) {
        if (tlsModeFor(listener))
            listeners.append(listener);
    }
    if (listeners.isEmpty()) {
        CheckResult none;
        none.id = id();
        none.status = CheckStatus::Info;
        none.title = title();
        none.summary = tr("No TLS-capable listener was given, so no certificate was looked at.");
        QMetaObject::invokeMethod(
            context, [done, none] { done({none}); }, Qt::QueuedConnection);
        return;
    }
    const QString hostname = environment.input.hostname;
    auto gather = std::make_shared<Gather>(static_cast<int>(listeners.size()), std::move(done));
    for (int i = 0; i < listeners.size(); ++i) {
        const LocalListener& listener = listeners.at(i);
        MailProbeOptions options;
        options.host = listener.address.host;
        options.port = listener.address.port;
        options.greeting = roleProtocol(listener.role).greeting;
        options.tls = *tlsModeFor(listener);
        options.timeout = environment.input.tcpTimeout;
        if (!hostname.isEmpty())
            options.ehloName = hostname;
        probeMailPort(options, context, [gather, i, listener, hostname](const MailProbeResult& probe) {
            gather->set(i, {certificateResult(listener, hostname, probe)});
        });
    }
}

} // namespace pw::diag
