#include "shared/auth/records/DnsRecordGenerator.h"

#include "shared/auth/records/CertificateSpki.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/dns/DnsName.h"

namespace pw::auth {

namespace {

QString absolute(const QString& name)
{
    return name + QLatin1Char('.');
}

QString ace(const QString& name)
{
    const std::optional<QString> converted = dns::toAceName(name.trimmed());
    return converted ? converted->toLower() : QString();
}

// Collects records with the setup's TTL.
class Builder
{
public:
    explicit Builder(quint32 ttl)
        : m_ttl(ttl)
    {}

    void add(const QString& name, dns::RecordType type, const QString& value, const QString& purpose,
             RecordRequirement requirement)
    {
        m_records.append({name, type, value, QString(), purpose, requirement, m_ttl});
    }
    void addTxt(const QString& name, const QString& text, const QString& purpose,
                RecordRequirement requirement)
    {
        m_records.append(
            {name, dns::RecordType::TXT, txtPresentation(text), text, purpose, requirement, m_ttl});
    }
    [[nodiscard]] QList<GeneratedRecord> records() const { return m_records; }

private:
    const quint32 m_ttl;
    QList<GeneratedRecord> m_records;
};

} // namespace

QString DnsRecordGenerator::spfText(const QList<QHostAddress>& addresses)
{
    // "mx" covers the server while the MX points at it; the explicit addresses keep SPF passing
    // if the MX moves, and "-all" says nothing else sends for the domain (RFC 7208 5.1, 5.6).
    QStringList terms{QStringLiteral("v=spf1"), QStringLiteral("mx")};
    for (const QHostAddress& address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            terms.append(QStringLiteral("ip4:") + address.toString());
    }
    for (const QHostAddress& address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv6Protocol)
            terms.append(QStringLiteral("ip6:") + address.toString());
    }
    terms.append(QStringLiteral("-all"));
    return terms.join(QLatin1Char(' '));
}

QString DnsRecordGenerator::dkimText(const DkimKeyInfo& key)
{
    const QString type =
        key.type == crypto::KeyType::Ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa");
    return QStringLiteral("v=DKIM1; k=%1; p=%2")
        .arg(type, QString::fromLatin1(crypto::Base64::encode(key.publicKey)));
}

QString DnsRecordGenerator::dmarcText(DmarcStage stage, const QString& reportAddress)
{
    const QString policy = stage == DmarcStage::Reject       ? QStringLiteral("reject")
                           : stage == DmarcStage::Quarantine ? QStringLiteral("quarantine")
                                                             : QStringLiteral("none");
    QString text = QStringLiteral("v=DMARC1; p=") + policy;
    if (!reportAddress.trimmed().isEmpty())
        text += QStringLiteral("; rua=mailto:") + reportAddress.trimmed();
    return text;
}

QString DnsRecordGenerator::mtaStsPolicy(const QString& mailHost, MtaStsMode mode, quint32 maxAgeSeconds)
{
    return QStringLiteral("version: STSv1\nmode: %1\nmx: %2\nmax_age: %3\n")
        .arg(mode == MtaStsMode::Enforce ? QStringLiteral("enforce") : QStringLiteral("testing"), mailHost)
        .arg(maxAgeSeconds);
}

QString DnsRecordGenerator::tlsaValue(const QByteArray& certificateDer)
{
    const QByteArray spki = certificateSpki(certificateDer);
    if (spki.isEmpty())
        return {};
    const QByteArray digest = crypto::Digest::sha256(spki);
    if (digest.isEmpty())
        return {};
    return QStringLiteral("3 1 1 ") + QString::fromLatin1(digest.toHex());
}

GeneratedRecords DnsRecordGenerator::generate(const MailDomainSetup& setup)
{
    GeneratedRecords out;
    const QString domain = ace(setup.domain);
    const QString host = ace(setup.mailHost);
    if (domain.isEmpty())
        out.errors.append(QStringLiteral("\"%1\" is not a valid domain name").arg(setup.domain));
    if (host.isEmpty())
        out.errors.append(
            QStringLiteral("\"%1\" is not a valid host name for the mail server").arg(setup.mailHost));
    if (!out.errors.isEmpty())
        return out;

    Builder b(setup.ttl);
    const RecordRequirement required = RecordRequirement::Required;
    const RecordRequirement optional = RecordRequirement::Optional;

    // RFC 5321 5.1
    b.add(domain, dns::RecordType::MX, QStringLiteral("10 ") + absolute(host),
          QStringLiteral("Tells other mail servers that %1 receives the mail for %2.").arg(host, domain),
          required);

    QList<QHostAddress> addresses;
    for (const QHostAddress& address : setup.addresses) {
        if (address.isNull()) {
            out.errors.append(QStringLiteral("an empty server address was given"));
            continue;
        }
        const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
        addresses.append(address);
        b.add(host, v4 ? dns::RecordType::A : dns::RecordType::AAAA, address.toString(),
              QStringLiteral("The %1 address of the mail server %2.").arg(v4 ? u"IPv4" : u"IPv6", host),
              required);
    }
    if (addresses.isEmpty())
        out.errors.append(
            QStringLiteral("no address of the mail server was given: no A/AAAA record and no SPF"));
    else
        b.addTxt(
            domain, spfText(addresses),
            QStringLiteral("SPF: only this server may send mail as %1; receivers reject mail from elsewhere.")
                .arg(domain),
            required);

    if (setup.dkimKeys.isEmpty())
        out.errors.append(
            QStringLiteral("no DKIM key was given: mail from %1 would not be signed").arg(domain));
    for (const DkimKeyInfo& key : setup.dkimKeys) {
        const QString selector = ace(key.selector);
        if (selector.isEmpty() || key.publicKey.isEmpty()) {
            out.errors.append(
                QStringLiteral("the DKIM key \"%1\" has no valid selector or public key").arg(key.selector));
            continue;
        }
        // RFC 6376 3.6.2.1
        b.addTxt(
            selector + QStringLiteral("._domainkey.") + domain, dkimText(key),
            QStringLiteral(
                "DKIM: the public key (selector %1) that receivers verify this server's signatures with.")
                .arg(selector),
            required);
    }

    // RFC 7489 6.1
    if (setup.dmarcReportAddress.trimmed().isEmpty())
        out.warnings.append(
            QStringLiteral("no DMARC report address: you will not learn who sends mail as %1").arg(domain));
    b.addTxt(
        QStringLiteral("_dmarc.") + domain, dmarcText(setup.dmarcStage, setup.dmarcReportAddress),
        QStringLiteral("DMARC: what receivers do with mail that claims to be from %1 but fails SPF and DKIM, "
                       "and where they send reports. Start with p=none, then quarantine, then reject.")
            .arg(domain),
        required);

    if (setup.mtaStsId.trimmed().isEmpty()) {
        out.warnings.append(QStringLiteral("no MTA-STS id: the MTA-STS records are left out"));
    } else {
        // RFC 8461 3.1, 3.3
        b.addTxt(
            QStringLiteral("_mta-sts.") + domain, QStringLiteral("v=STSv1; id=") + setup.mtaStsId.trimmed(),
            QStringLiteral("MTA-STS: tells senders to require TLS to your server; change the id whenever the "
                           "policy changes."),
            optional);
        b.add(
            QStringLiteral("mta-sts.") + domain, dns::RecordType::CNAME, absolute(host),
            QStringLiteral(
                "The web host that serves the MTA-STS policy at https://mta-sts.%1/.well-known/mta-sts.txt.")
                .arg(domain),
            optional);
        out.mtaStsPolicy = mtaStsPolicy(host, setup.mtaStsMode, setup.mtaStsMaxAgeSeconds);
    }

    const QString tlsReport = setup.tlsReportAddress.trimmed().isEmpty() ? setup.dmarcReportAddress.trimmed()
                                                                         : setup.tlsReportAddress.trimmed();
    if (!tlsReport.isEmpty()) {
        // RFC 8460 3
        b.addTxt(
            QStringLiteral("_smtp._tls.") + domain, QStringLiteral("v=TLSRPTv1; rua=mailto:") + tlsReport,
            QStringLiteral("TLS-RPT: where senders report failed TLS connections to your server."), optional);
    }

    // RFC 6186 3.1, 3.2 and RFC 8314 5.1: let mail clients find the server.
    const struct
    {
        const char* service;
        int port;
        const char* what;
    } services[] = {
        {"_submissions._tcp.", 465, "sending mail over TLS"},
        {"_submission._tcp.", 587, "sending mail with STARTTLS"},
        {"_imaps._tcp.", 993, "reading mail over TLS"},
        {"_imap._tcp.", 143, "reading mail with STARTTLS"},
    };
    for (const auto& service : services) {
        b.add(QString::fromLatin1(service.service) + domain, dns::RecordType::SRV,
              QStringLiteral("0 1 %1 %2").arg(service.port).arg(absolute(host)),
              QStringLiteral("Lets mail clients find the server for %1.").arg(QLatin1String(service.what)),
              optional);
    }
    b.add(QStringLiteral("autoconfig.") + domain, dns::RecordType::CNAME, absolute(host),
          QStringLiteral("Lets Thunderbird and similar clients find their settings."), optional);
    b.add(QStringLiteral("autodiscover.") + domain, dns::RecordType::CNAME, absolute(host),
          QStringLiteral("Lets Outlook and similar clients find their settings."), optional);

    if (!setup.certificateDer.isEmpty()) {
        const QString tlsa = tlsaValue(setup.certificateDer);
        if (tlsa.isEmpty())
            out.errors.append(
                QStringLiteral("the certificate could not be read, so no TLSA record is given"));
        else
            // RFC 7672 2.2: the TLSA base domain is the MX host, port 25.
            b.add(QStringLiteral("_25._tcp.") + host, dns::RecordType::TLSA, tlsa,
                  QStringLiteral(
                      "DANE: pins the server's key, so that senders that check DNSSEC insist on TLS with "
                      "it. Publish it only in a DNSSEC-signed zone, and update it before the key changes."),
                  optional);
    }

    out.records = b.records();
    return out;
}

} // namespace pw::auth
