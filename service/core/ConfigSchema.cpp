#include "service/core/ConfigSchema.h"

#include <QCoreApplication>

namespace pw::service {

const QList<SettingDef>& configSchema()
{
    // Defaults are safe for a developer machine: loopback only, unprivileged ports.
    static const QList<SettingDef> schema{
        {"service", "hostname", "", SettingKind::Hostname, 0, 0,
         "Fully qualified host name used in the SMTP banner and EHLO; empty = this machine's name."},
        {"service", "public_addresses", "", SettingKind::AddressList, 0, 0,
         "Public IP addresses of this server, comma separated, for the SPF and other records it prints."},
        {"listen", "smtp", "127.0.0.1:2525", SettingKind::Listener, 0, 0,
         "Inbound mail (MX), port 25 in production; host:port, empty = off."},
        {"listen", "submission", "127.0.0.1:2587", SettingKind::Listener, 0, 0,
         "Mail submission with STARTTLS, port 587 in production; empty = off."},
        {"listen", "submissions", "127.0.0.1:2465", SettingKind::Listener, 0, 0,
         "Mail submission over implicit TLS, port 465 in production; empty = off."},
        {"listen", "imap", "127.0.0.1:2143", SettingKind::Listener, 0, 0,
         "IMAP with STARTTLS, port 143 in production; empty = off."},
        {"listen", "imaps", "127.0.0.1:2993", SettingKind::Listener, 0, 0,
         "IMAP over implicit TLS, port 993 in production; empty = off."},
        {"mail", "max_message_size", "26214400", SettingKind::Integer, 1024, 1073741824,
         "Largest message accepted, in bytes (SIZE); larger ones get 552 5.3.4."},
        {"mail", "max_recipients", "1000", SettingKind::Integer, 1, 100000,
         "Recipients per message; more get 452 4.5.3."},
        {"mail", "subaddress_separator", "+", SettingKind::Text, 0, 0,
         "Separator of subaddresses (user+tag@domain); empty = off."},
        {"mail", "postmaster", "", SettingKind::Text, 0, 0,
         "Mailbox that receives postmaster@ and abuse@ of domains without their own; empty = each domain's "
         "oldest mailbox."},
        {"smtp", "max_line_length", "4096", SettingKind::Integer, 512, 1048576,
         "Longest command line, in bytes; longer ones get 500 5.5.6."},
        {"smtp", "max_connections", "200", SettingKind::Integer, 1, 100000,
         "SMTP connections at once, over all listeners; more are refused with 421 4.7.0."},
        {"smtp", "max_connections_per_ip", "20", SettingKind::Integer, 1, 100000,
         "SMTP connections at once from one client address."},
        {"smtp", "command_timeout", "300", SettingKind::Integer, 1, 3600,
         "Seconds to wait for the next command (RFC 5321 4.5.3.2: at least 5 minutes)."},
        {"smtp", "data_timeout", "180", SettingKind::Integer, 1, 3600,
         "Seconds to wait for the next block of message data."},
        {"smtp", "max_errors", "20", SettingKind::Integer, 1, 1000,
         "Bad commands in one session before it is closed with 421."},
        {"smtp", "auth_failures_per_ip", "10", SettingKind::Integer, 1, 100000,
         "Failed logins from one address within auth_window before that address is locked out."},
        {"smtp", "auth_failures_per_account", "5", SettingKind::Integer, 1, 100000,
         "Failed logins to one account within auth_window before the account is locked out."},
        {"smtp", "auth_window", "900", SettingKind::Integer, 1, 86400,
         "Seconds over which failed logins are counted."},
        {"smtp", "auth_lockout", "900", SettingKind::Integer, 1, 86400,
         "Seconds a locked-out address or account waits before it may try again."},
        {"smtp", "plaintext_auth_on_loopback", "false", SettingKind::Boolean, 0, 0,
         "Allow AUTH without TLS from 127.0.0.0/8 and ::1 (for local scripts); TLS is always required "
         "otherwise."},
        {"imap", "plaintext_auth_on_loopback", "false", SettingKind::Boolean, 0, 0,
         "Allow LOGIN and AUTHENTICATE without TLS from 127.0.0.0/8 and ::1; TLS is always required "
         "otherwise (LOGINDISABLED)."},
        {"imap", "max_connections", "500", SettingKind::Integer, 1, 100000,
         "IMAP connections served at once over all IMAP listeners."},
        {"imap", "max_connections_per_ip", "50", SettingKind::Integer, 1, 100000,
         "IMAP connections served at once from one client address (phones and desktops keep several "
         "open per account)."},
        {"imap", "command_timeout", "1800", SettingKind::Integer, 60, 86400,
         "Seconds a client may stay silent outside IDLE before it is logged out (RFC 9051: at least 30 "
         "minutes)."},
        {"imap", "idle_timeout", "1800", SettingKind::Integer, 60, 86400,
         "Seconds an IDLE may last without the client renewing it."},
        {"imap", "max_line_length", "65536", SettingKind::Integer, 1024, 1048576,
         "Longest command line in bytes, literals not counted."},
        {"dns", "servers", "", SettingKind::ServerList, 0, 0,
         "DNS servers as host:port, comma separated; empty = the system's resolvers."},
        {"dns", "query_timeout", "2000", SettingKind::Integer, 100, 60000,
         "Milliseconds to wait for one DNS answer before retrying."},
        {"dns", "retry_limit", "2", SettingKind::Integer, 0, 10, "DNS retries after the first try."},
        {"tls", "cert", "", SettingKind::Path, 0, 0,
         "PEM certificate chain; empty = a self-signed certificate generated on first start."},
        {"tls", "key", "", SettingKind::Path, 0, 0, "PEM private key for the certificate."},
        {"control", "socket", "", SettingKind::Path, 0, 0,
         "Path of the control socket; empty = control.sock in the data directory."},
        {"log", "buffer_size", "5000", SettingKind::Integer, 100, 1000000,
         "Log records kept in memory for logs.tail and new subscribers."},
        {"log", "level", "info", SettingKind::LogLevel, 0, 0,
         "Lowest level recorded: debug, info, notice, warning or error."},
    };
    return schema;
}

const SettingDef* findSetting(const QString& section, const QString& key)
{
    for (const SettingDef& def : configSchema()) {
        if (section == QLatin1String(def.section) && key == QLatin1String(def.key))
            return &def;
    }
    return nullptr;
}

QString defaultConfigText()
{
    QString text =
        QStringLiteral("# Postwarden service configuration.\n"
                       "# Every setting is shown with its default; remove the leading '#' to change one.\n");
    QString section;
    for (const SettingDef& def : configSchema()) {
        if (section != QLatin1String(def.section)) {
            section = QLatin1String(def.section);
            text += QStringLiteral("\n[%1]\n").arg(section);
        }
        text += QStringLiteral("# %1\n").arg(QLatin1String(def.doc));
        if (def.kind == SettingKind::Integer)
            text += QStringLiteral("# (%1 to %2)\n").arg(def.min).arg(def.max);
        text += QStringLiteral("#%1 = %2\n").arg(QLatin1String(def.key), QLatin1String(def.defaultValue));
    }
    return text;
}

} // namespace pw::service
