#pragma once

#include "shared/diag/Check.h"

#include <QHostAddress>
#include <QString>

namespace pw::diag {

// DNS blocklists (RFC 5782):
//   blocklist.<zone>  each public address against each of input.ipBlocklists;
//   dbl.<zone>        the mail domain against each of input.domainBlocklists.
// Spamhaus return codes are decoded, including the ones that mean "your query was refused",
// which give "could not tell", never "listed".
class BlocklistCheck : public Check
{
public:
    // What one answer of a list means.
    enum class Verdict
    {
        NotListed,
        Listed,
        Refused, // the list refused or could not answer the query: unknown
    };
    struct Decoded
    {
        Verdict verdict = Verdict::NotListed;
        QString meaning; // plain words: "Spamhaus SBL: a known spam source"
    };

    [[nodiscard]] QString id() const override;
    [[nodiscard]] QString title() const override;
    void run(const CheckEnvironment& environment, QObject* context, Done done) override;

    // The meaning of one A answer of an IP list (domainList false) or a domain list (true).
    [[nodiscard]] static Decoded decode(const QString& zone, const QHostAddress& code, bool domainList);
    // Spamhaus answers IPv6 queries (zen); most other lists only know IPv4.
    [[nodiscard]] static bool supportsIpv6(const QString& zone);
};

} // namespace pw::diag
