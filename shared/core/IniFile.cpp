#include "shared/core/IniFile.h"

#include <QObject>

namespace pw::core {

IniFile IniFile::parse(const QString& text)
{
    IniFile ini;
    QString section;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')) || line.size() < 3) {
                ini.m_errors
                    << QObject::tr("line %1: malformed section header \"%2\"").arg(lineNumber).arg(line);
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            ini.m_errors
                << QObject::tr("line %1: expected key = value, found \"%2\"").arg(lineNumber).arg(line);
            continue;
        }
        if (section.isEmpty()) {
            ini.m_errors << QObject::tr("line %1: key outside of any [section]").arg(lineNumber);
            continue;
        }
        Entry entry{section, line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed(), lineNumber};
        if (ini.find(entry.section, entry.key)) {
            ini.m_errors
                << QObject::tr("line %1: [%2] %3 is set twice").arg(lineNumber).arg(section, entry.key);
            continue;
        }
        ini.m_entries.append(entry);
    }
    return ini;
}

const IniFile::Entry* IniFile::find(const QString& section, const QString& key) const
{
    for (const Entry& entry : m_entries) {
        if (entry.section == section && entry.key == key)
            return &entry;
    }
    return nullptr;
}

} // namespace pw::core
