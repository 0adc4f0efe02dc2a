#include "service/store/MessageFlags.h"

#include <algorithm>

namespace pw::service {

namespace {

const QStringList& systemFlags()
{
    static const QStringList flags{QStringLiteral("\\Answered"), QStringLiteral("\\Flagged"),
                                   QStringLiteral("\\Deleted"), QStringLiteral("\\Seen"),
                                   QStringLiteral("\\Draft")};
    return flags;
}

bool storable(const QString& flag)
{
    if (flag.isEmpty())
        return false;
    return std::none_of(flag.cbegin(), flag.cend(),
                        [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; });
}

} // namespace

QStringList MessageFlags::normalize(const QStringList& flags)
{
    QStringList result;
    for (const QString& flag : flags) {
        QString canonical = flag;
        if (flag.startsWith(QLatin1Char('\\'))) {
            const auto known =
                std::find_if(systemFlags().cbegin(), systemFlags().cend(),
                             [&](const QString& f) { return f.compare(flag, Qt::CaseInsensitive) == 0; });
            if (known == systemFlags().cend())
                continue; // \Recent and system flags we do not know
            canonical = *known;
        }
        if (storable(canonical) && !contains(result, canonical))
            result.append(canonical);
    }
    return result;
}

QStringList MessageFlags::parse(const QString& stored)
{
    return stored.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList MessageFlags::apply(const QStringList& current, Mode mode, const QStringList& flags)
{
    const QStringList given = normalize(flags);
    switch (mode) {
    case Mode::Replace:
        return given;
    case Mode::Add: {
        QStringList result = current;
        for (const QString& flag : given) {
            if (!contains(result, flag))
                result.append(flag);
        }
        return result;
    }
    case Mode::Remove: {
        QStringList result;
        for (const QString& flag : current) {
            if (!contains(given, flag))
                result.append(flag);
        }
        return result;
    }
    }
    return current;
}

bool MessageFlags::sameSet(const QStringList& a, const QStringList& b)
{
    if (a.size() != b.size())
        return false;
    return std::all_of(a.cbegin(), a.cend(), [&b](const QString& flag) { return contains(b, flag); });
}

} // namespace pw::service
