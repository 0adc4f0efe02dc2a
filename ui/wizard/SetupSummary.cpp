#include "ui/wizard/SetupSummary.h"

#include "shared/core/HostPort.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>

namespace pw::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::ui::SetupSummary", text);
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString row(const QStringList& cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString& cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(tag, cell);
    return html + QStringLiteral("</tr>");
}

QString orNotSet(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("<i>%1</i>").arg(esc(tr("not set"))) : esc(text);
}

struct Role
{
    const char* name;
    const char* service;
    bool implicitTls;
};

} // namespace

QList<ClientSetting> clientSettingsFromStatus(const QJsonObject& status, const QString& hostname,
                                              const QString& userName)
{
    static const Role roles[] = {
        {"imaps", QT_TRANSLATE_NOOP("pw::ui::SetupSummary", "Incoming mail (IMAP)"), true},
        {"imap", QT_TRANSLATE_NOOP("pw::ui::SetupSummary", "Incoming mail (IMAP)"), false},
        {"submissions", QT_TRANSLATE_NOOP("pw::ui::SetupSummary", "Outgoing mail (SMTP)"), true},
        {"submission", QT_TRANSLATE_NOOP("pw::ui::SetupSummary", "Outgoing mail (SMTP)"), false},
    };
    const QJsonArray listeners = status.value(QStringLiteral("listeners")).toArray();
    QList<ClientSetting> settings;
    for (const Role& role : roles) {
        for (const QJsonValue& value : listeners) {
            const QJsonObject listener = value.toObject();
            if (listener.value(QStringLiteral("role")).toString() != QLatin1String(role.name) ||
                listener.value(QStringLiteral("state")).toString() != QLatin1String("listening"))
                continue;
            const auto address = core::HostPort::parse(listener.value(QStringLiteral("address")).toString());
            if (!address)
                continue;
            settings.append(ClientSetting{
                QLatin1String(role.name), tr(role.service), hostname, address->port,
                role.implicitTls ? QStringLiteral("SSL/TLS") : QStringLiteral("STARTTLS"), userName});
        }
    }
    return settings;
}

QString setupSummaryHtml(const SetupSummary& s)
{
    QString html;
    const QString title = tr("Mail server for %1").arg(s.domain);
    html +=
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "<style>body{font-family:sans-serif} table{border-collapse:collapse;margin-bottom:1em}"
                       "th,td{border:1px solid #888;padding:3px 6px;text-align:left;vertical-align:top}"
                       "td.value{font-family:monospace;word-break:break-all}</style></head><body>\n")
            .arg(esc(title));
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    const QDateTime created = s.created.isValid() ? s.created : QDateTime::currentDateTime();
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(tr("Summary of the setup made with Postwarden on %1. It contains no passwords.")
                             .arg(QLocale().toString(created, QLocale::LongFormat))));

    html += QStringLiteral("<h2>%1</h2>\n<table>").arg(esc(tr("Server")));
    html += row({esc(tr("Mail domain")), orNotSet(s.domain)});
    html += row({esc(tr("Mail server name")), orNotSet(s.hostname)});
    html += row({esc(tr("Public addresses")), orNotSet(s.publicAddresses.join(QStringLiteral(", ")))});
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("DNS records")));
    const auto required = std::count_if(s.records.cbegin(), s.records.cend(),
                                        [](const SummaryRecord& record) { return record.required; });
    const auto found = std::count_if(s.records.cbegin(), s.records.cend(), [](const SummaryRecord& record) {
        return record.required && record.found;
    });
    if (s.records.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(tr("The records were not loaded.")));
    else if (!s.recordsChecked)
        html += QStringLiteral("<p>%1</p>\n").arg(esc(tr("The records have not been checked in DNS yet.")));
    else if (found == required)
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("All %1 required records were found in DNS.").arg(required)));
    else
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(tr("%1 of %2 required records were found in DNS at the last check.")
                                 .arg(found)
                                 .arg(required)));
    if (!s.records.isEmpty()) {
        html += QStringLiteral("<table>") + row({esc(tr("Name")), esc(tr("Type")), esc(tr("Value")),
                                                 esc(tr("Needed")), esc(tr("Status"))},
                                                true);
        for (const SummaryRecord& record : s.records)
            html += QStringLiteral(
                        "<tr><td>%1</td><td>%2</td><td class=\"value\">%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(esc(record.name), esc(record.type), esc(record.value),
                             esc(record.required ? tr("required") : tr("optional")), esc(record.status));
        html += QStringLiteral("</table>\n");
    }

    html += QStringLiteral("<h2>%1</h2>\n<table>").arg(esc(tr("Accounts")));
    html += row({esc(tr("Your mailbox")), orNotSet(s.mailbox)});
    for (const QString& route : s.routing)
        html += row({esc(tr("Forwarding")), esc(route)});
    html += QStringLiteral("</table>\n");

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Settings for mail programs")));
    if (s.clientSettings.isEmpty()) {
        html +=
            QStringLiteral("<p>%1</p>\n").arg(esc(tr("The mail service has no listener for mail programs.")));
    } else {
        html += QStringLiteral("<table>") + row({esc(tr("What")), esc(tr("Server")), esc(tr("Port")),
                                                 esc(tr("Security")), esc(tr("User name"))},
                                                true);
        for (const ClientSetting& setting : s.clientSettings)
            html += row({esc(setting.service), esc(setting.host), QString::number(setting.port),
                         esc(setting.security), esc(setting.userName)});
        html +=
            QStringLiteral("</table>\n<p>%1</p>\n")
                .arg(esc(tr("Password: the one chosen for the mailbox. Authentication: normal password.")));
    }

    html += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                .arg(esc(tr("Checks")), s.checkVerdict.isEmpty() ? esc(tr("The checks have not been run."))
                                                                 : esc(s.checkVerdict));
    html += QStringLiteral("</body></html>\n");
    return html;
}

} // namespace pw::ui
