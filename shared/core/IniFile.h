#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pw::core {

// A small INI reader that keeps line numbers for error messages. QSettings is not used: it
// rewrites files without their comments and splits values at commas.
class IniFile
{
public:
    struct Entry
    {
        QString section;
        QString key;
        QString value;
        int line = 0;
    };

    // Parses the whole text; every malformed line is reported, not only the first.
    [[nodiscard]] static IniFile parse(const QString& text);

    [[nodiscard]] const QList<Entry>& entries() const { return m_entries; }
    [[nodiscard]] const QStringList& errors() const { return m_errors; }
    [[nodiscard]] const Entry* find(const QString& section, const QString& key) const;

private:
    QList<Entry> m_entries;
    QStringList m_errors;
};

} // namespace pw::core
