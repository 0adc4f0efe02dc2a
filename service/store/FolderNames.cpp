#include "service/store/FolderNames.h"

namespace pw::service {

QString FolderNames::normalize(const QString& given)
{
    QString name = given;
    if (name.endsWith(separator))
        name.chop(1);
    if (name.isEmpty() || name.size() > maxLength)
        return {};
    for (const QChar c : std::as_const(name)) {
        if (c == QLatin1Char('*') || c == QLatin1Char('%') || c.category() == QChar::Other_Control)
            return {};
    }
    QStringList levels = name.split(separator);
    for (const QString& level : std::as_const(levels)) {
        if (level.isEmpty())
            return {};
    }
    if (levels.first().compare(inbox(), Qt::CaseInsensitive) == 0)
        levels.first() = inbox();
    return levels.join(separator);
}

QStringList FolderNames::parents(const QString& name)
{
    QStringList result;
    for (qsizetype at = name.indexOf(separator); at > 0; at = name.indexOf(separator, at + 1))
        result.append(name.left(at));
    return result;
}

} // namespace pw::service
