#include "shared/dns/ServerAddress.h"

#include <QFile>
#include <QRegularExpression>

namespace pw::dns {

QString ServerAddress::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

std::optional<ServerAddress> ServerAddress::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    QString host = trimmed;
    QString portText;
    if (trimmed.startsWith(QLatin1Char('['))) {
        const qsizetype close = trimmed.indexOf(QLatin1Char(']'));
        if (close < 0)
            return std::nullopt;
        host = trimmed.mid(1, close - 1);
        const QString rest = trimmed.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return std::nullopt;
            portText = rest.mid(1);
        }
    } else if (trimmed.count(QLatin1Char(':')) == 1) {
        const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
        host = trimmed.left(colon);
        portText = trimmed.mid(colon + 1);
    }

    ServerAddress server;
    if (!server.address.setAddress(host))
        return std::nullopt;
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        server.port = static_cast<quint16>(port);
    }
    return server;
}

QList<ServerAddress> ServerAddress::fromResolvConf(const QString& text)
{
    QList<ServerAddress> servers;
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QStringList words = line.trimmed().split(whitespace, Qt::SkipEmptyParts);
        if (words.size() < 2 || words.first() != QLatin1String("nameserver"))
            continue;
        // resolv.conf names an address only; the port is always 53. A scope id ("fe80::1%eth0")
        // is kept by QHostAddress.
        ServerAddress server;
        if (server.address.setAddress(words.at(1)))
            servers.append(server);
    }
    if (servers.isEmpty())
        servers.append(ServerAddress{QHostAddress(QHostAddress::LocalHost), 53});
    return servers;
}

QList<ServerAddress> ServerAddress::systemServers()
{
    QFile file(QStringLiteral("/etc/resolv.conf"));
    QString text;
    if (file.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(file.readAll());
    return fromResolvConf(text);
}

} // namespace pw::dns
