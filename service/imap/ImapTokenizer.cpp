#include "service/imap/ImapTokenizer.h"

#include <QTimeZone>

namespace pw::service {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isListChar(char c)
{
    return ImapTokenizer::isAtomChar(c) || c == '%' || c == '*' || c == ']';
}

bool isAstringChar(char c)
{
    return ImapTokenizer::isAtomChar(c) || c == ']';
}

} // namespace

ImapTokenizer::ImapTokenizer(const QByteArray& text)
    : m_text(text)
{}

bool ImapTokenizer::isAtomChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80)
        return true; // UTF-8 in names: the session validates what it decodes
    if (u <= 0x1f || u == 0x7f)
        return false;
    switch (c) {
    case '(':
    case ')':
    case '{':
    case ' ':
    case '%':
    case '*':
    case '"':
    case '\\':
    case ']':
        return false;
    default:
        return true;
    }
}

bool ImapTokenizer::isTagChar(char c)
{
    // tag = 1*<any ASTRING-CHAR except "+">; kept to ASCII because it is echoed verbatim
    return static_cast<unsigned char>(c) < 0x80 && c != '+' && isAstringChar(c);
}

bool ImapTokenizer::atEnd() const
{
    const qsizetype left = m_text.size() - m_pos;
    if (left == 0)
        return true;
    if (left == 1)
        return m_text.at(m_pos) == '\n';
    return left == 2 && m_text.at(m_pos) == '\r' && m_text.at(m_pos + 1) == '\n';
}

char ImapTokenizer::peek() const
{
    return m_pos < m_text.size() ? m_text.at(m_pos) : '\0';
}

char ImapTokenizer::peekAt(qsizetype ahead) const
{
    return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : '\0';
}

bool ImapTokenizer::skip(char c)
{
    if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
        ++m_pos;
        return true;
    }
    return false;
}

bool ImapTokenizer::expect(char c, const QString& error)
{
    return skip(c) || fail(error);
}

bool ImapTokenizer::expectSpace()
{
    if (atEnd())
        return fail(QStringLiteral("Missing argument"));
    return expect(' ', QStringLiteral("Expected a space"));
}

bool ImapTokenizer::expectArgument(const QString& missing)
{
    if (atEnd())
        return fail(missing);
    if (!expect(' ', QStringLiteral("Expected a space")))
        return false;
    return !atEnd() || fail(missing);
}

bool ImapTokenizer::expectEnd()
{
    return atEnd() || fail(QStringLiteral("Unexpected text after the command"));
}

bool ImapTokenizer::readTag(QByteArray& tag)
{
    const qsizetype start = m_pos;
    while (m_pos < m_text.size() && isTagChar(m_text.at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        return fail(atEnd() ? QStringLiteral("Empty command line") : QStringLiteral("Invalid tag"));
    if (!atEnd() && peek() != ' ') {
        m_pos = start;
        return fail(QStringLiteral("Invalid tag"));
    }
    tag = m_text.mid(start, m_pos - start);
    return true;
}

bool ImapTokenizer::readAtom(QByteArray& out, const QString& error)
{
    const qsizetype start = m_pos;
    while (m_pos < m_text.size() && isAtomChar(m_text.at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        return fail(error);
    out = m_text.mid(start, m_pos - start);
    return true;
}

bool ImapTokenizer::readAtomUpper(QByteArray& out, const QString& error)
{
    if (!readAtom(out, error))
        return false;
    out = out.toUpper();
    return true;
}

QByteArray ImapTokenizer::readKeywordUpper()
{
    const qsizetype start = m_pos;
    while (m_pos < m_text.size()) {
        const char c = m_text.at(m_pos);
        if (!(isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-'))
            break;
        ++m_pos;
    }
    return m_text.mid(start, m_pos - start).toUpper();
}

bool ImapTokenizer::readNumber(qint64& out, qint64 max, bool nonZero, const QString& error)
{
    const qsizetype start = m_pos;
    qint64 value = 0;
    while (m_pos < m_text.size() && isDigit(m_text.at(m_pos))) {
        const int digit = m_text.at(m_pos) - '0';
        if (value > (max - digit) / 10)
            return fail(error); // also keeps the arithmetic far from overflow
        value = value * 10 + digit;
        ++m_pos;
    }
    if (m_pos == start || (nonZero && value == 0))
        return fail(error);
    out = value;
    return true;
}

bool ImapTokenizer::readQuoted(QByteArray& out)
{
    if (!skip('"'))
        return fail(QStringLiteral("Expected a quoted string"));
    QByteArray value(""); // "" is an empty string, never a null one (NIL)
    while (m_pos < m_text.size()) {
        char c = m_text.at(m_pos++);
        if (c == '"') {
            out = value;
            return true;
        }
        if (c == '\r' || c == '\n')
            break;
        if (c == '\0')
            return fail(QStringLiteral("Invalid character in quoted string"));
        if (c == '\\') {
            c = peek();
            if (c != '"' && c != '\\')
                return fail(QStringLiteral("Invalid escape in quoted string"));
            ++m_pos;
        }
        value.append(c);
    }
    return fail(QStringLiteral("Unterminated quoted string"));
}

bool ImapTokenizer::readLiteral(QByteArray& out, bool binary, bool allowNul)
{
    const bool literal8 = skip('~');
    if (literal8 && !binary)
        return fail(QStringLiteral("Binary literal not allowed here"));
    if (!skip('{'))
        return fail(QStringLiteral("Expected a literal"));
    qint64 size = 0;
    if (!readNumber(size, maxNumber64, false, QStringLiteral("Invalid literal size")))
        return false;
    skip('+');
    if (!skip('}'))
        return fail(QStringLiteral("Invalid literal"));
    skip('\r');
    if (!skip('\n'))
        return fail(QStringLiteral("Literal size not at the end of a line"));
    if (size > m_text.size() - m_pos)
        return fail(QStringLiteral("Truncated literal"));
    out = size > 0 ? m_text.mid(m_pos, size) : QByteArray("");
    m_pos += size;
    if (!allowNul && !literal8 && out.contains('\0'))
        return fail(QStringLiteral("NUL in literal"));
    return true;
}

bool ImapTokenizer::readString(QByteArray& out)
{
    if (peek() == '"')
        return readQuoted(out);
    if (peek() == '{')
        return readLiteral(out, false, false);
    return fail(QStringLiteral("Expected a string"));
}

bool ImapTokenizer::readAstring(QByteArray& out, const QString& missing)
{
    if (atEnd())
        return fail(missing);
    if (peek() == '"' || peek() == '{')
        return readString(out);
    if (peek() == '~' && peekAt(1) == '{')
        return readLiteral(out, false, false); // refused, with a clearer reason than an atom "~"
    const qsizetype start = m_pos;
    while (m_pos < m_text.size() && isAstringChar(m_text.at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        return fail(peek() == ' ' ? missing : QStringLiteral("Invalid characters in string"));
    out = m_text.mid(start, m_pos - start);
    return true;
}

bool ImapTokenizer::readNString(QByteArray& out)
{
    if ((peek() == 'N' || peek() == 'n') && (peekAt(1) == 'I' || peekAt(1) == 'i') &&
        (peekAt(2) == 'L' || peekAt(2) == 'l') && !isAtomChar(peekAt(3))) {
        m_pos += 3;
        out = QByteArray();
        return true;
    }
    return readString(out);
}

bool ImapTokenizer::readMailbox(QByteArray& out, const QString& missing)
{
    if (!readAstring(out, missing))
        return false;
    if (out.compare("INBOX", Qt::CaseInsensitive) == 0)
        out = QByteArrayLiteral("INBOX");
    return true;
}

bool ImapTokenizer::readListMailbox(QByteArray& out)
{
    if (atEnd())
        return fail(QStringLiteral("Missing mailbox pattern"));
    if (peek() == '"' || peek() == '{')
        return readString(out);
    const qsizetype start = m_pos;
    while (m_pos < m_text.size() && isListChar(m_text.at(m_pos)))
        ++m_pos;
    if (m_pos == start)
        return fail(QStringLiteral("Invalid mailbox pattern"));
    out = m_text.mid(start, m_pos - start);
    return true;
}

bool ImapTokenizer::readFlag(QByteArray& out)
{
    const qsizetype start = m_pos;
    skip('\\');
    QByteArray atom;
    if (!readAtom(atom, QStringLiteral("Invalid flag"))) {
        m_pos = start;
        return false;
    }
    out = m_text.mid(start, m_pos - start);
    return true;
}

bool ImapTokenizer::readFlagList(QList<QByteArray>& flags)
{
    if (!expect('(', QStringLiteral("Expected a flag list")))
        return false;
    if (skip(')'))
        return true;
    for (;;) {
        QByteArray flag;
        if (!readFlag(flag))
            return false;
        if (flags.size() >= maxListItems)
            return fail(QStringLiteral("Too many flags"));
        flags.append(flag);
        if (skip(')'))
            return true;
        if (!expect(' ', QStringLiteral("Invalid flag list")))
            return false;
    }
}

bool ImapTokenizer::readSequenceSet(ImapSequenceSet& set)
{
    const QString invalid = QStringLiteral("Invalid sequence set");
    set = ImapSequenceSet{};
    if (skip('$')) {
        // RFC 5182: "$" stands alone
        set.savedResult = true;
        return isAtomChar(peek()) ? fail(invalid) : true;
    }
    const auto readSeqNumber = [&](qint64& value) {
        if (skip('*')) {
            value = ImapSequenceSet::star;
            return true;
        }
        return readNumber(value, maxNumber, true, invalid);
    };
    for (;;) {
        ImapSequenceSet::Range range;
        if (!readSeqNumber(range.first))
            return false;
        range.last = range.first;
        if (skip(':') && !readSeqNumber(range.last))
            return false;
        set.ranges.append(range);
        if (!skip(','))
            break;
    }
    // "1,2x" or "4:" must not pass as a set followed by something else
    return isAtomChar(peek()) ? fail(invalid) : true;
}

bool ImapTokenizer::readDigits(int count, int& value)
{
    value = 0;
    for (int i = 0; i < count; ++i) {
        if (!isDigit(peek()))
            return false;
        value = value * 10 + (m_text.at(m_pos++) - '0');
    }
    return true;
}

bool ImapTokenizer::readMonth(int& month)
{
    static const char* const names[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    if (m_text.size() - m_pos < 3)
        return false;
    const QByteArray name = m_text.mid(m_pos, 3).toUpper();
    for (int i = 0; i < 12; ++i) {
        if (name == names[i]) {
            month = i + 1;
            m_pos += 3;
            return true;
        }
    }
    return false;
}

bool ImapTokenizer::readDate(QDate& date)
{
    const QString invalid = QStringLiteral("Invalid date");
    const bool quoted = skip('"');
    int day = 0;
    if (!readDigits(1, day))
        return fail(invalid);
    int second = 0;
    if (isDigit(peek()) && readDigits(1, second))
        day = day * 10 + second;
    int month = 0;
    int year = 0;
    if (!skip('-') || !readMonth(month) || !skip('-') || !readDigits(4, year) || isDigit(peek()))
        return fail(invalid);
    if (quoted && !skip('"'))
        return fail(invalid);
    date = QDate(year, month, day);
    return date.isValid() || fail(invalid);
}

bool ImapTokenizer::readDateTime(QDateTime& dateTime)
{
    const QString invalid = QStringLiteral("Invalid date-time");
    if (!skip('"'))
        return fail(invalid);
    int day = 0;
    // date-day-fixed is " d" or "dd"; a lone digit is accepted too
    skip(' ');
    if (!readDigits(1, day))
        return fail(invalid);
    int second = 0;
    if (isDigit(peek()) && readDigits(1, second))
        day = day * 10 + second;
    int month = 0, year = 0, hour = 0, minute = 0, sec = 0, zone = 0;
    if (!skip('-') || !readMonth(month) || !skip('-') || !readDigits(4, year) || !skip(' ') ||
        !readDigits(2, hour) || !skip(':') || !readDigits(2, minute) || !skip(':') || !readDigits(2, sec) ||
        !skip(' '))
        return fail(invalid);
    const char sign = peek();
    if ((sign != '+' && sign != '-') || !skip(sign) || !readDigits(4, zone) || !skip('"'))
        return fail(invalid);
    const int zoneHours = zone / 100;
    const int zoneMinutes = zone % 100;
    if (zoneHours > 23 || zoneMinutes > 59)
        return fail(invalid);
    const QDate date(year, month, day);
    if (sec == 60)
        sec = 59; // a leap second; QTime has none
    const QTime time(hour, minute, sec);
    if (!date.isValid() || !time.isValid())
        return fail(invalid);
    const int offset = (zoneHours * 3600 + zoneMinutes * 60) * (sign == '-' ? -1 : 1);
    dateTime = QDateTime(date, time, QTimeZone(offset));
    return dateTime.isValid() || fail(invalid);
}

bool ImapTokenizer::fail(const QString& error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

} // namespace pw::service
