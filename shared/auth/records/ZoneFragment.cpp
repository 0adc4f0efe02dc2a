#include "shared/auth/records/ZoneFragment.h"

namespace pw::auth {

QString ZoneFragment::toBindZone(const QList<GeneratedRecord>& records)
{
    QString zone;
    for (const GeneratedRecord& record : records) {
        const QString need = record.requirement == RecordRequirement::Required ? QStringLiteral("required")
                                                                               : QStringLiteral("optional");
        QString purpose = record.purpose;
        purpose.replace(QLatin1Char('\n'), QLatin1Char(' '));
        zone += QStringLiteral("; %1 (%2)\n").arg(purpose, need);
        zone += QStringLiteral("%1.\t%2\tIN\t%3\t%4\n")
                    .arg(record.name)
                    .arg(record.ttl)
                    .arg(dns::recordTypeName(record.type), record.value);
    }
    return zone;
}

QStringList ZoneFragment::toList(const QList<GeneratedRecord>& records)
{
    QStringList lines;
    for (const GeneratedRecord& record : records)
        lines.append(
            QStringLiteral("%1. %2 %3").arg(record.name, dns::recordTypeName(record.type), record.value));
    return lines;
}

} // namespace pw::auth
