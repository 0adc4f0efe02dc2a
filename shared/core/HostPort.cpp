#include "shared/core/HostPort.h"

#include <QObject>

namespace pw::core {

std::optional<HostPort> HostPort::parse(const QString& text, QString* error)
{
    const auto fail = [&](const QString& why) -> std::optional<HostPort> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString s = text.trimmed();
    QString host;
    QString portText;
    if (s.startsWith(QLatin1Char('['))) {
        const qsizetype close = s.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return fail(QObject::tr("\"%1\" is not [address]:port").arg(s));
        host = s.mid(1, close - 1);
        portText = s.mid(close + 2);
    } else {
        const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || s.indexOf(QLatin1Char(':')) != colon)
            return fail(QObject::tr("\"%1\" is not host:port").arg(s));
        host = s.left(colon);
        portText = s.mid(colon + 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return fail(QObject::tr("\"%1\" has no valid port (1-65535)").arg(s));
    if (host.isEmpty())
        return fail(QObject::tr("\"%1\" has no host").arg(s));
    return HostPort{host, static_cast<quint16>(port)};
}

QString HostPort::toString() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace pw::core
