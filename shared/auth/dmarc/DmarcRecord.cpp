#include "shared/auth/dmarc/DmarcRecord.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace pw::auth {

QString dmarcPolicyName(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::None:
        return QStringLiteral("none");
    case DmarcPolicy::Quarantine:
        return QStringLiteral("quarantine");
    case DmarcPolicy::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

std::optional<DmarcPolicy> dmarcPolicyFromName(const QString& text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("none"))
        return DmarcPolicy::None;
    if (word == QLatin1String("quarantine"))
        return DmarcPolicy::Quarantine;
    if (word == QLatin1String("reject"))
        return DmarcPolicy::Reject;
    return std::nullopt;
}

namespace {

struct Tag
{
    QString name; // lower case
    QString value;
};

// RFC 7489 6.4: tag-value pairs separated by ";" with optional whitespace around both.
QList<Tag> splitTags(const QString& text)
{
    QList<Tag> tags;
    for (const QString& part : text.split(QLatin1Char(';'))) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq < 0)
            tags.append({item.toLower(), QString()}); // a tag without "=": reported by the caller
        else
            tags.append({item.left(eq).trimmed().toLower(), item.mid(eq + 1).trimmed()});
    }
    return tags;
}

// RFC 7489 6.2: URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
std::optional<DmarcReportUri> parseReportUri(const QString& text, QString* error)
{
    static const QRegularExpression sizePattern(QStringLiteral("^(.*)!([0-9]+)([kmgtKMGT]?)$"));
    DmarcReportUri result;
    QString uri = text;
    if (const QRegularExpressionMatch m = sizePattern.match(text); m.hasMatch()) {
        uri = m.captured(1);
        bool ok = false;
        quint64 size = m.captured(2).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("the size limit of \"%1\" is too large").arg(text);
            return std::nullopt;
        }
        const QString unit = m.captured(3).toLower();
        const int shift = unit == QLatin1String("k")   ? 10
                          : unit == QLatin1String("m") ? 20
                          : unit == QLatin1String("g") ? 30
                          : unit == QLatin1String("t") ? 40
                                                       : 0;
        if (shift > 0 && size > (~quint64(0) >> shift)) {
            *error = QStringLiteral("the size limit of \"%1\" is too large").arg(text);
            return std::nullopt;
        }
        result.maxSizeBytes = size << shift;
    } else if (text.contains(QLatin1Char('!'))) {
        *error = QStringLiteral("\"%1\" has an invalid size limit after \"!\"").arg(text);
        return std::nullopt;
    }
    const QUrl url(uri, QUrl::StrictMode);
    if (uri.isEmpty() || !url.isValid() || url.scheme().isEmpty()) {
        *error = QStringLiteral("\"%1\" is not a URI").arg(text);
        return std::nullopt;
    }
    if (url.scheme().compare(QLatin1String("mailto"), Qt::CaseInsensitive) == 0) {
        const QString address = url.path();
        const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
        if (at <= 0 || at == address.size() - 1) {
            *error = QStringLiteral("\"%1\" does not name a mail address").arg(text);
            return std::nullopt;
        }
    }
    result.uri = uri;
    return result;
}

QList<DmarcReportUri> parseUriList(const QString& tag, const QString& value, QStringList* errors)
{
    QList<DmarcReportUri> uris;
    for (const QString& part : value.split(QLatin1Char(','))) {
        QString error;
        if (const auto uri = parseReportUri(part.trimmed(), &error))
            uris.append(*uri);
        else
            errors->append(QStringLiteral("%1: %2; it is ignored").arg(tag, error));
    }
    return uris;
}

std::optional<QStringList> parseKeywordList(const QString& value, const QSet<QString>& allowed)
{
    QStringList words;
    for (const QString& part : value.split(QLatin1Char(':'))) {
        const QString word = part.trimmed().toLower();
        if (!allowed.contains(word))
            return std::nullopt;
        words.append(word);
    }
    return words;
}

std::optional<DmarcAlignment> parseAlignment(const QString& value)
{
    const QString word = value.toLower();
    if (word == QLatin1String("r"))
        return DmarcAlignment::Relaxed;
    if (word == QLatin1String("s"))
        return DmarcAlignment::Strict;
    return std::nullopt;
}

} // namespace

bool DmarcRecordParser::isDmarcRecord(const QString& text)
{
    const QList<Tag> tags = splitTags(text.section(QLatin1Char(';'), 0, 0));
    return !tags.isEmpty() && tags.first().name == QLatin1String("v") &&
           tags.first().value.compare(QLatin1String("DMARC1"), Qt::CaseInsensitive) == 0;
}

DmarcParseResult DmarcRecordParser::parse(const QString& text)
{
    DmarcParseResult result;
    QStringList& errors = result.errors;
    QStringList& warnings = result.warnings;

    const QList<Tag> tags = splitTags(text);
    // RFC 7489 6.3: "v" must be the first tag, with the value "DMARC1".
    if (!isDmarcRecord(text)) {
        errors.append(QStringLiteral("the record does not start with \"v=DMARC1\""));
        return result;
    }

    DmarcRecord record;
    bool policyValid = false;
    bool subdomainPolicyValid = true;
    QSet<QString> seen;
    for (qsizetype i = 1; i < tags.size(); ++i) {
        const Tag& tag = tags.at(i);
        if (seen.contains(tag.name)) {
            warnings.append(
                QStringLiteral("the tag \"%1\" appears more than once; only the first counts").arg(tag.name));
            continue;
        }
        seen.insert(tag.name);
        if (tag.name == QLatin1String("v")) {
            errors.append(QStringLiteral("\"v\" may appear only once, at the start"));
        } else if (tag.name == QLatin1String("p")) {
            record.policy = dmarcPolicyFromName(tag.value);
            policyValid = record.policy.has_value();
            if (!policyValid)
                errors.append(QStringLiteral("p=%1 is not none, quarantine or reject").arg(tag.value));
        } else if (tag.name == QLatin1String("sp")) {
            record.subdomainPolicy = dmarcPolicyFromName(tag.value);
            subdomainPolicyValid = record.subdomainPolicy.has_value();
            if (!subdomainPolicyValid)
                errors.append(QStringLiteral("sp=%1 is not none, quarantine or reject").arg(tag.value));
        } else if (tag.name == QLatin1String("np")) {
            // RFC 9091 3.1; an invalid np falls back to sp like an absent one.
            record.nonExistentPolicy = dmarcPolicyFromName(tag.value);
            if (!record.nonExistentPolicy)
                errors.append(
                    QStringLiteral("np=%1 is not none, quarantine or reject; it is ignored").arg(tag.value));
        } else if (tag.name == QLatin1String("adkim") || tag.name == QLatin1String("aspf")) {
            const std::optional<DmarcAlignment> mode = parseAlignment(tag.value);
            if (!mode)
                errors.append(
                    QStringLiteral("%1=%2 is not r or s; relaxed is used").arg(tag.name, tag.value));
            else if (tag.name == QLatin1String("adkim"))
                record.dkimAlignment = *mode;
            else
                record.spfAlignment = *mode;
        } else if (tag.name == QLatin1String("pct")) {
            bool ok = false;
            const int pct = tag.value.toInt(&ok);
            static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
            if (!digits.match(tag.value).hasMatch() || !ok || pct > 100)
                errors.append(
                    QStringLiteral("pct=%1 is not a whole number from 0 to 100; 100 is used").arg(tag.value));
            else
                record.percent = pct;
        } else if (tag.name == QLatin1String("rua")) {
            record.aggregateReports = parseUriList(tag.name, tag.value, &errors);
        } else if (tag.name == QLatin1String("ruf")) {
            record.failureReports = parseUriList(tag.name, tag.value, &errors);
        } else if (tag.name == QLatin1String("fo")) {
            static const QSet<QString> options{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("d"),
                                               QStringLiteral("s")};
            if (const auto words = parseKeywordList(tag.value, options))
                record.failureOptions = *words;
            else
                errors.append(
                    QStringLiteral("fo=%1 is not a list of 0, 1, d and s; 0 is used").arg(tag.value));
        } else if (tag.name == QLatin1String("rf")) {
            static const QSet<QString> formats{QStringLiteral("afrf")};
            if (const auto words = parseKeywordList(tag.value, formats))
                record.reportFormats = *words;
            else
                errors.append(
                    QStringLiteral("rf=%1 names an unknown report format; afrf is used").arg(tag.value));
        } else if (tag.name == QLatin1String("ri")) {
            bool ok = false;
            const uint interval = tag.value.toUInt(&ok);
            if (!ok)
                errors.append(
                    QStringLiteral("ri=%1 is not a number of seconds; 86400 is used").arg(tag.value));
            else
                record.reportInterval = interval;
        } else {
            // RFC 7489 6.3: unknown tags MUST be ignored.
            warnings.append(QStringLiteral("the unknown tag \"%1\" is ignored").arg(tag.name));
        }
    }

    if (!seen.contains(QStringLiteral("p")))
        errors.append(QStringLiteral("the required tag \"p\" is missing"));
    if (!policyValid || !subdomainPolicyValid) {
        // RFC 7489 6.6.3 step 6: without a valid p (or with an invalid sp) the record counts as
        // p=none only if it names somewhere to send reports; otherwise it is not used.
        if (record.aggregateReports.isEmpty())
            return result;
        record.policy.reset();
        record.subdomainPolicy.reset();
        warnings.append(QStringLiteral("the record is treated as p=none because \"rua\" is valid"));
    }

    if (record.policy == DmarcPolicy::None)
        warnings.append(
            QStringLiteral("p=none only monitors: receivers deliver mail that fails DMARC as usual. Once "
                           "the reports show that all your mail passes, move to p=quarantine, "
                           "then p=reject"));
    if (record.percent < 100)
        warnings.append(
            QStringLiteral("pct=%1: the policy applies to only %1% of failing mail").arg(record.percent));
    if (record.aggregateReports.isEmpty())
        warnings.append(
            QStringLiteral("without \"rua\" you receive no reports about who sends mail as your domain"));
    result.record = record;
    return result;
}

} // namespace pw::auth
