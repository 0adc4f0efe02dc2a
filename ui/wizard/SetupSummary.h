#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pw::ui {

// A record of the DNS step and what the last check found.
struct SummaryRecord
{
    QString name;
    QString type;
    QString value;
    bool required = true;
    bool found = false;
    QString status; // as the DNS step shows it: "OK", "Missing", "Not checked yet" ...
};

// What a mail program (Thunderbird, a phone) needs to reach one of the service's listeners.
struct ClientSetting
{
    QString role;    // imaps, imap, submissions, submission
    QString service; // "Incoming mail (IMAP)" ...
    QString host;
    quint16 port = 0;
    QString security; // "SSL/TLS" or "STARTTLS", the words mail programs use
    QString userName;
};

// Everything the wizard set up, for the finish page's printable summary.
struct SetupSummary
{
    QString domain;
    QString hostname;
    QStringList publicAddresses;
    QList<SummaryRecord> records;
    bool recordsChecked = false;
    QString mailbox;
    QStringList routing; // "postmaster@example.org → me@example.org"
    QList<ClientSetting> clientSettings;
    QString checkVerdict;
    QDateTime created;
};

// The settings for mail programs, from the service's `status` listeners: implicit TLS first
// (what RFC 8314 recommends), then STARTTLS; port 25 is for other servers, not for clients.
[[nodiscard]] QList<ClientSetting> clientSettingsFromStatus(const QJsonObject& status,
                                                            const QString& hostname, const QString& userName);

// A complete HTML document (UTF-8, no external resources) that prints on paper, saves as a
// PDF and opens in a browser alike. It holds no password.
[[nodiscard]] QString setupSummaryHtml(const SetupSummary& summary);

} // namespace pw::ui
