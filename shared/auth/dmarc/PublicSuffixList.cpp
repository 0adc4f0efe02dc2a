#include "shared/auth/dmarc/PublicSuffixList.h"

#include "shared/dns/DnsName.h"

#include <QFile>
#include <QStringList>

namespace pw::auth {

QString normalizedDomain(const QString& domain)
{
    const std::optional<QString> ace = dns::toAceName(domain.trimmed());
    return ace ? ace->toLower() : QString();
}

std::shared_ptr<const PublicSuffixList> PublicSuffixList::load(const QString& path, Sections sections,
                                                               QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("cannot read the public suffix list %1: %2").arg(path, file.errorString());
        return nullptr;
    }
    std::shared_ptr<const PublicSuffixList> list = fromText(file.readAll(), sections);
    if (list->ruleCount() == 0) {
        if (error)
            *error = QStringLiteral("the public suffix list %1 holds no rule").arg(path);
        return nullptr;
    }
    return list;
}

std::shared_ptr<const PublicSuffixList> PublicSuffixList::fromText(const QByteArray& text, Sections sections)
{
    std::shared_ptr<PublicSuffixList> list(new PublicSuffixList);
    for (const QByteArray& rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.startsWith(QLatin1String("//"))) {
            if (sections == Sections::IcannOnly &&
                line.contains(QLatin1String("===BEGIN PRIVATE DOMAINS===")))
                break;
            continue;
        }
        // The rule is the line up to the first whitespace (publicsuffix.org format).
        const QString rule = line.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('\t'), 0, 0);
        if (!rule.isEmpty())
            list->addRule(rule);
    }
    return list;
}

std::shared_ptr<const PublicSuffixList> PublicSuffixList::system()
{
    // Built once, thread-safely (C++11 static initialisation), and never changed afterwards.
    static const std::shared_ptr<const PublicSuffixList> instance = load();
    return instance;
}

void PublicSuffixList::addRule(const QString& rule)
{
    if (rule.startsWith(QLatin1Char('!'))) {
        const QString name = normalizedDomain(rule.mid(1));
        if (!name.isEmpty())
            m_exceptions.insert(name);
    } else if (rule.startsWith(QLatin1String("*."))) {
        const QString name = normalizedDomain(rule.mid(2));
        if (!name.isEmpty())
            m_wildcards.insert(name);
    } else if (!rule.contains(QLatin1Char('*'))) {
        const QString name = normalizedDomain(rule);
        if (!name.isEmpty())
            m_rules.insert(name);
    }
}

qsizetype PublicSuffixList::suffixLabelCount(const QStringList& labels) const
{
    const qsizetype n = labels.size();
    // Walk the suffixes from the longest; the first match is the longest rule, except that an
    // exception rule, wherever it matches, prevails and drops its leftmost label.
    for (qsizetype i = 0; i < n; ++i) {
        const QString suffix = labels.mid(i).join(QLatin1Char('.'));
        if (m_exceptions.contains(suffix))
            return n - i - 1;
    }
    for (qsizetype i = 0; i < n; ++i) {
        const QString suffix = labels.mid(i).join(QLatin1Char('.'));
        if (m_rules.contains(suffix))
            return n - i;
        if (i + 1 < n && m_wildcards.contains(labels.mid(i + 1).join(QLatin1Char('.'))))
            return n - i;
    }
    return 1; // the implicit "*" rule
}

QString PublicSuffixList::publicSuffix(const QString& domain) const
{
    const QString name = normalizedDomain(domain);
    if (name.isEmpty())
        return {};
    const QStringList labels = name.split(QLatin1Char('.'));
    return labels.mid(labels.size() - suffixLabelCount(labels)).join(QLatin1Char('.'));
}

QString PublicSuffixList::organizationalDomain(const QString& domain) const
{
    const QString name = normalizedDomain(domain);
    if (name.isEmpty())
        return {};
    const QStringList labels = name.split(QLatin1Char('.'));
    // RFC 7489 3.2 steps 3 and 4: x labels match the list, take x + 1.
    const qsizetype take = std::min(labels.size(), suffixLabelCount(labels) + 1);
    return labels.mid(labels.size() - take).join(QLatin1Char('.'));
}

bool PublicSuffixList::isPublicSuffix(const QString& domain) const
{
    const QString name = normalizedDomain(domain);
    return !name.isEmpty() && publicSuffix(name) == name;
}

} // namespace pw::auth
