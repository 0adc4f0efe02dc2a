#pragma once

#include <QString>
#include <QStringList>

namespace pw::service {

// Changes settings in the text of postwarden.conf and leaves everything else as it was:
// comments, blank lines, the order of the keys and every line it was not asked to change.
// QSettings is not used for the same reason IniFile exists: it drops comments.
class ConfigFileEditor
{
public:
    explicit ConfigFileEditor(const QString& text);

    // Sets [section] key = value (section and key in lower case, as the schema names them).
    // An active line of the key is rewritten in place; otherwise the line goes right after the
    // commented default ("#key = ...") that a generated config has, so that it stays next to its
    // documentation; otherwise at the end of the section, which is added when missing.
    void set(const QString& section, const QString& key, const QString& value);

    [[nodiscard]] QString text() const;

private:
    [[nodiscard]] static QString line(const QString& key, const QString& value, const QString& end);

    QStringList m_lines;
    QString m_lineEnd; // "\r" when the file's lines end in CRLF: kept on every new line
    bool m_finalNewline = true;
};

} // namespace pw::service
