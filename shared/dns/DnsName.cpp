#include "shared/dns/DnsName.h"

#include <QStringList>
#include <QUrl>

namespace pw::dns {

namespace {

constexpr qsizetype kMaxLabel = 63;
constexpr qsizetype kMaxName = 253;

bool isAscii(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

QString withoutFinalDot(const QString& name)
{
    if (name.endsWith(QLatin1Char('.')) && !name.endsWith(QLatin1String("\\.")))
        return name.chopped(1);
    return name;
}

} // namespace

std::optional<QString> toAceName(const QString& name)
{
    const QString trimmed = withoutFinalDot(name.trimmed());
    if (trimmed.isEmpty())
        return std::nullopt;

    QStringList labels;
    // UTS 46 treats the ideographic and full-width full stops as dots.
    QString unified = trimmed;
    unified.replace(QChar(0x3002), QLatin1Char('.'))
        .replace(QChar(0xff0e), QLatin1Char('.'))
        .replace(QChar(0xff61), QLatin1Char('.'));
    for (const QString& label : unified.split(QLatin1Char('.'))) {
        if (label.isEmpty())
            return std::nullopt;
        QString ascii = label;
        if (!isAscii(label)) {
            ascii = QString::fromLatin1(QUrl::toAce(label));
            if (ascii.isEmpty())
                return std::nullopt;
        }
        // Escaped labels ("\\.") are rare enough not to be counted exactly; ldns re-checks.
        if (ascii.size() > kMaxLabel && !ascii.contains(QLatin1Char('\\')))
            return std::nullopt;
        labels.append(ascii);
    }
    const QString result = labels.join(QLatin1Char('.'));
    if (result.size() > kMaxName)
        return std::nullopt;
    return result;
}

QString reverseName(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa")
            .arg(v4 & 0xff)
            .arg((v4 >> 8) & 0xff)
            .arg((v4 >> 16) & 0xff)
            .arg((v4 >> 24) & 0xff);
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};

    const Q_IPV6ADDR v6 = address.toIPv6Address();
    static const char kHex[] = "0123456789abcdef";
    QString name;
    name.reserve(72);
    for (int i = 15; i >= 0; --i) {
        name.append(QLatin1Char(kHex[v6[i] & 0x0f]));
        name.append(QLatin1Char('.'));
        name.append(QLatin1Char(kHex[v6[i] >> 4]));
        name.append(QLatin1Char('.'));
    }
    name.append(QLatin1String("ip6.arpa"));
    return name;
}

bool sameName(const QString& a, const QString& b)
{
    return withoutFinalDot(a).compare(withoutFinalDot(b), Qt::CaseInsensitive) == 0;
}

} // namespace pw::dns
