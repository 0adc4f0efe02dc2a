#include "shared/auth/spf/SpfDomain.h"

#include "shared/dns/DnsName.h"

namespace pw::auth {

namespace {

constexpr qsizetype kMaxName = 253; // RFC 7208 4.8, RFC 1035 2.3.4 in presentation form

const QString kPostmaster = QStringLiteral("postmaster");

QString withoutFinalDot(const QString& name)
{
    return name.endsWith(QLatin1Char('.')) ? name.chopped(1) : name;
}

} // namespace

SpfSender SpfSender::fromMailFrom(const QString& mailFrom, const QString& helo)
{
    if (mailFrom.isEmpty())
        return SpfSender{kPostmaster, helo};
    // The domain follows the last "@": a quoted local part may contain one.
    const qsizetype at = mailFrom.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return SpfSender{kPostmaster, mailFrom};
    const QString localPart = mailFrom.first(at);
    return SpfSender{localPart.isEmpty() ? kPostmaster : localPart, mailFrom.mid(at + 1)};
}

std::optional<QString> spfCheckableDomain(const QString& domain)
{
    // A domain literal ("[192.0.2.1]") names no SPF record.
    if (domain.startsWith(QLatin1Char('[')))
        return std::nullopt;
    const auto ascii = dns::toAceName(domain);
    if (!ascii || !ascii->contains(QLatin1Char('.')))
        return std::nullopt;
    return ascii;
}

std::optional<QString> spfTargetName(const QString& expanded)
{
    QString name = withoutFinalDot(expanded);
    // RFC 7208 4.8: "the left side is truncated to fit, by removing successive domain labels
    // (and their following dots) until the total length does not exceed 253 characters".
    while (name.size() > kMaxName) {
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        if (dot < 0)
            return std::nullopt;
        name = name.mid(dot + 1);
    }
    return dns::toAceName(name);
}

QString spfQueryName(const QString& name)
{
    QString result;
    result.reserve(name.size());
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u == 0x7f || u == '\\')
            result.append(QStringLiteral("\\%1").arg(uint(u), 3, 10, QLatin1Char('0')));
        else
            result.append(c);
    }
    return result;
}

} // namespace pw::auth
