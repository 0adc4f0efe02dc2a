#include "service/imap/ImapInputReader.h"

#include "service/imap/ImapTokenizer.h"

#include <algorithm>
#include <utility>

namespace pw::service {

namespace {

constexpr qsizetype tailKept = 32;     // enough for "~{" + 19 digits + "+}"
constexpr qsizetype maxTagLength = 64; // a longer "tag" is not echoed back
constexpr qsizetype compactAfter = 4096;
constexpr qint64 fatalLineFactor = 16;

} // namespace

ImapInputReader::ImapInputReader(Limits limits)
    : m_limits(limits)
{}

void ImapInputReader::feed(const QByteArray& bytes)
{
    if (!m_dead)
        m_buffer.append(bytes);
}

void ImapInputReader::setRawLines(bool raw)
{
    m_raw = raw;
}

qint64 ImapInputReader::buffered() const
{
    return m_buffer.size() - m_pos + m_command.size();
}

// A line that ends in "{n}", "{n+}", "~{n}" or "~{n+}" announces a literal of n bytes.
bool ImapInputReader::announcedLiteral(QByteArrayView line, Announced& literal)
{
    if (!line.endsWith('}'))
        return false;
    qsizetype end = line.size() - 1;
    literal.nonSync = end > 0 && line.at(end - 1) == '+';
    if (literal.nonSync)
        --end;
    qsizetype start = end;
    while (start > 0 && line.at(start - 1) >= '0' && line.at(start - 1) <= '9')
        --start;
    if (start == end || start == 0 || line.at(start - 1) != '{')
        return false;
    // a size past any limit stays past it, without overflowing
    constexpr qint64 cap = 100000000000000000LL;
    qint64 size = 0;
    for (qsizetype i = start; i < end && size < cap; ++i)
        size = size * 10 + (line.at(i) - '0');
    literal.size = size;
    return true;
}

QByteArray ImapInputReader::tagOf(QByteArrayView text)
{
    qsizetype end = 0;
    while (end < text.size() && end <= maxTagLength && ImapTokenizer::isTagChar(text.at(end)))
        ++end;
    const bool delimited =
        end < text.size() && (text.at(end) == ' ' || text.at(end) == '\r' || text.at(end) == '\n');
    if (end == 0 || end > maxTagLength || !delimited)
        return QByteArrayLiteral("*");
    return text.first(end).toByteArray();
}

bool ImapInputReader::isAppend(QByteArrayView command)
{
    const qsizetype space = command.indexOf(' ');
    if (space <= 0)
        return false;
    const QByteArrayView rest = command.sliced(space + 1);
    return rest.size() > 6 && rest.at(6) == ' ' && qstrnicmp(rest.data(), "APPEND", 6) == 0;
}

ImapInputReader::Input ImapInputReader::refuse(QByteArray tag, QString error, bool tooBig)
{
    Input input;
    input.event = Event::Refused;
    input.tag = std::move(tag);
    input.error = std::move(error);
    input.tooBig = tooBig;
    return input;
}

ImapInputReader::Input ImapInputReader::fatal(QByteArray tag, QString error)
{
    m_dead = true;
    m_buffer.clear();
    m_command.clear();
    m_pos = m_scanFrom = 0;
    Input input;
    input.event = Event::Fatal;
    input.tag = std::move(tag);
    input.error = std::move(error);
    return input;
}

// The end of a line that is not read: when it announced a non-synchronizing literal, the
// client sends the literal's bytes without waiting, and they cannot be told from commands.
ImapInputReader::Input ImapInputReader::dropLine(QByteArrayView tail, QString error)
{
    Announced literal;
    if (announcedLiteral(tail, literal) && literal.nonSync)
        return fatal(m_skipTag, std::move(error));
    return refuse(m_skipTag, std::move(error));
}

void ImapInputReader::compact()
{
    if (m_pos == 0)
        return;
    m_buffer.remove(0, m_pos);
    m_scanFrom = std::max<qsizetype>(0, m_scanFrom - m_pos);
    m_pos = 0;
}

ImapInputReader::Input ImapInputReader::next()
{
    if (m_dead)
        return {};
    if (m_pos >= compactAfter || m_pos == m_buffer.size())
        compact();
    for (;;) {
        if (m_literalLeft > 0) {
            const qint64 take = std::min<qint64>(m_literalLeft, m_buffer.size() - m_pos);
            m_command.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_literalLeft -= take;
            if (m_literalLeft > 0) {
                compact();
                return {};
            }
            m_scanFrom = m_pos;
        }
        const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_scanFrom));
        if (m_skipping) {
            const qsizetype end = lf < 0 ? m_buffer.size() : lf;
            const QByteArrayView dropped(m_buffer.constData() + m_pos, end - m_pos);
            m_skipped += dropped.size();
            m_skipTail.append(dropped.last(std::min(tailKept, dropped.size())));
            m_skipTail = m_skipTail.right(tailKept);
            m_pos = lf < 0 ? end : lf + 1;
            m_scanFrom = m_pos;
            // the same verdict however the line was split: its length without the line end
            const qint64 farTooLong = fatalLineFactor * m_limits.maxLineLength;
            if (lf < 0) {
                compact();
                // the last byte may be the CR of the line end
                if (m_skipped - 1 > farTooLong)
                    return fatal(m_skipTag, QStringLiteral("Line too long"));
                return {};
            }
            m_skipping = false;
            if (m_skipTail.endsWith('\r')) {
                m_skipTail.chop(1);
                --m_skipped;
            }
            if (m_skipped > farTooLong)
                return fatal(m_skipTag, QStringLiteral("Line too long"));
            return dropLine(m_skipTail, QStringLiteral("Line too long"));
        }
        if (lf < 0) {
            m_scanFrom = m_buffer.size();
            // +1: the CR of a CRLF may already be here
            if (m_buffer.size() - m_pos > qint64(m_limits.maxLineLength) + 1) {
                const QByteArrayView partial = QByteArrayView(m_buffer).sliced(m_pos);
                m_skipTag = tagOf(m_command.isEmpty() ? partial : QByteArrayView(m_command));
                m_command.clear();
                m_skipping = true;
                m_skipped = 0;
                m_skipTail.clear();
                continue;
            }
            compact();
            return {};
        }
        QByteArrayView line(m_buffer.constData() + m_pos, lf - m_pos);
        m_pos = lf + 1;
        m_scanFrom = m_pos;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > m_limits.maxLineLength) {
            m_skipTag = tagOf(m_command.isEmpty() ? line : QByteArrayView(m_command));
            m_command.clear();
            if (line.size() > fatalLineFactor * m_limits.maxLineLength)
                return fatal(m_skipTag, QStringLiteral("Line too long"));
            return dropLine(line.last(std::min(tailKept, line.size())), QStringLiteral("Line too long"));
        }
        if (m_raw) {
            m_command.clear();
            Input input;
            input.event = Event::Command;
            input.text = line.toByteArray() + "\r\n";
            return input;
        }
        if (m_command.size() + line.size() + 2 > m_limits.maxCommandSize) {
            m_skipTag = tagOf(m_command.isEmpty() ? line : QByteArrayView(m_command));
            m_command.clear();
            return dropLine(line.last(std::min(tailKept, line.size())), QStringLiteral("Command too long"));
        }
        m_command.append(line.data(), line.size());
        m_command.append("\r\n");
        Announced literal;
        if (!announcedLiteral(line, literal)) {
            Input input;
            input.event = Event::Command;
            input.text = std::exchange(m_command, QByteArray());
            return input;
        }
        const bool append = isAppend(m_command);
        const qint64 limit = append ? m_limits.maxAppendLiteral : m_limits.maxLiteral;
        if (literal.size > limit || literal.size > m_limits.maxCommandSize - m_command.size()) {
            QByteArray tag = tagOf(m_command);
            m_command.clear();
            if (literal.nonSync)
                return fatal(std::move(tag), QStringLiteral("Literal too big"));
            return refuse(std::move(tag),
                          append ? QStringLiteral("Message too big") : QStringLiteral("Literal too big"),
                          append);
        }
        m_literalLeft = literal.size;
        if (!literal.nonSync) {
            Input input;
            input.event = Event::Continue;
            input.text = QByteArrayLiteral("Ready for literal");
            return input;
        }
    }
}

} // namespace pw::service
