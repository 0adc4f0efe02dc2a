#pragma once

#include "shared/dns/RecordType.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pw::auth {

enum class RecordRequirement
{
    Required, // mail to or from the domain fails or lands in spam without it
    Optional, // helps clients, security or reporting
};

// One record the owner has to publish.
struct GeneratedRecord
{
    QString name; // absolute, A-label form, without the final dot
    dns::RecordType type = dns::RecordType::TXT;
    // The rdata in zone-file presentation form: targets end in ".", TXT is quoted and split into
    // strings of at most 255 bytes (RFC 1035 3.3.14).
    QString value;
    QString text; // TXT only: the whole text, before splitting and quoting
    QString purpose;
    RecordRequirement requirement = RecordRequirement::Required;
    quint32 ttl = 3600;
};

struct GeneratedRecords
{
    QList<GeneratedRecord> records;
    QString mtaStsPolicy; // the text of https://mta-sts.<domain>/.well-known/mta-sts.txt; empty if no MTA-STS
    QStringList errors;   // every reason the setup could not give a record
    QStringList warnings;

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

// TXT presentation form: the UTF-8 bytes of text cut into strings of at most 255 bytes
// (RFC 1035 3.3.14; RFC 7208 3.3 and RFC 6376 3.6.2.2 join them again without separator), each
// in double quotes with '"' and '\' escaped.
[[nodiscard]] QString txtPresentation(const QString& text);

} // namespace pw::auth
