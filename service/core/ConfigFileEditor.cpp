#include "service/core/ConfigFileEditor.h"

namespace pw::service {

namespace {

bool isComment(const QString& trimmed)
{
    return trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';'));
}

// The key of a "key = value" line, lower case as IniFile reads it; empty for anything else.
QString keyOf(const QString& trimmed)
{
    const qsizetype eq = trimmed.indexOf(QLatin1Char('='));
    return eq > 0 ? trimmed.left(eq).trimmed().toLower() : QString();
}

} // namespace

ConfigFileEditor::ConfigFileEditor(const QString& text)
{
    if (text.isEmpty()) {
        m_finalNewline = true;
        return;
    }
    m_lines = text.split(QLatin1Char('\n'));
    m_finalNewline = m_lines.last().isEmpty();
    if (m_finalNewline)
        m_lines.removeLast();
    if (!m_lines.isEmpty() && m_lines.first().endsWith(QLatin1Char('\r')))
        m_lineEnd = QStringLiteral("\r");
}

QString ConfigFileEditor::line(const QString& key, const QString& value, const QString& end)
{
    return (value.isEmpty() ? key + QStringLiteral(" =") : key + QStringLiteral(" = ") + value) + end;
}

void ConfigFileEditor::set(const QString& section, const QString& key, const QString& value)
{
    QString current;
    qsizetype commented = -1;  // the last "#key = ..." line of the section
    qsizetype sectionEnd = -1; // the last non-blank line of the (last) section of that name
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const QString trimmed = m_lines.at(i).trimmed();
        if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']'))) {
            current = trimmed.mid(1, trimmed.size() - 2).trimmed().toLower();
            if (current == section)
                sectionEnd = i;
            continue;
        }
        if (current != section || trimmed.isEmpty())
            continue;
        sectionEnd = i;
        if (isComment(trimmed)) {
            if (keyOf(trimmed.mid(1).trimmed()) == key)
                commented = i;
        } else if (keyOf(trimmed) == key) {
            // Rewritten in place with its indentation and line end: the file may be laid out by hand.
            const QString& old = m_lines.at(i);
            qsizetype lead = 0;
            while (lead < old.size() &&
                   (old.at(lead) == QLatin1Char(' ') || old.at(lead) == QLatin1Char('\t')))
                ++lead;
            m_lines[i] = old.left(lead) +
                         line(key, value, old.endsWith(QLatin1Char('\r')) ? QStringLiteral("\r") : QString());
            return;
        }
    }
    if (commented >= 0) {
        m_lines.insert(commented + 1, line(key, value, m_lineEnd));
        return;
    }
    if (sectionEnd >= 0) {
        m_lines.insert(sectionEnd + 1, line(key, value, m_lineEnd));
        return;
    }
    if (!m_lines.isEmpty() && !m_lines.last().trimmed().isEmpty())
        m_lines.append(m_lineEnd);
    m_lines.append(QLatin1Char('[') + section + QLatin1Char(']') + m_lineEnd);
    m_lines.append(line(key, value, m_lineEnd));
}

QString ConfigFileEditor::text() const
{
    QString text = m_lines.join(QLatin1Char('\n'));
    if (m_finalNewline && !m_lines.isEmpty())
        text += QLatin1Char('\n');
    return text;
}

} // namespace pw::service
