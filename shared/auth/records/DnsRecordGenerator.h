#pragma once

#include "shared/auth/records/GeneratedRecord.h"
#include "shared/auth/records/MailDomainSetup.h"

#include <QString>

namespace pw::auth {

// Every DNS record a mail domain served by Postwarden needs, computed from the setup alone
// (pure: no DNS, no clock). The wizard shows them, the diagnostics compare them with what DNS
// holds, and ZoneFragment prints them for a zone file.
class DnsRecordGenerator
{
public:
    // In this order: MX, A/AAAA of the mail host, SPF, DKIM per key, DMARC, MTA-STS, TLS-RPT,
    // SRV (RFC 6186, RFC 8314), autoconfig/autodiscover, TLSA. Records that a missing input
    // makes impossible are left out with an error (required) or a warning (optional).
    [[nodiscard]] static GeneratedRecords generate(const MailDomainSetup& setup);

    // The pieces, for callers that need one record.
    // RFC 7208: "v=spf1 mx ip4:192.0.2.1 ip6:2001:db8::1 -all".
    [[nodiscard]] static QString spfText(const QList<QHostAddress>& addresses);
    // RFC 6376 3.6.1, RFC 8463 4.2: "v=DKIM1; k=rsa; p=<base64>".
    [[nodiscard]] static QString dkimText(const DkimKeyInfo& key);
    // RFC 7489 6.3: "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com".
    [[nodiscard]] static QString dmarcText(DmarcStage stage, const QString& reportAddress);
    // RFC 8461 3.2, lines separated by LF (which its ABNF allows besides CRLF).
    [[nodiscard]] static QString mtaStsPolicy(const QString& mailHost, MtaStsMode mode,
                                              quint32 maxAgeSeconds);
    // RFC 6698 2.1, RFC 7671 5.1: "3 1 1 <hex SHA-256 of the certificate's SubjectPublicKeyInfo>"
    // (DANE-EE, SPKI, SHA-256); empty if the certificate cannot be read.
    [[nodiscard]] static QString tlsaValue(const QByteArray& certificateDer);
};

} // namespace pw::auth
