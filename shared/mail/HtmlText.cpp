#include "shared/mail/HtmlText.h"

namespace pw::mail {

namespace {

struct Entity
{
    const char* name;
    char16_t code;
};

// The named references that mail actually uses; anything else stays as written.
constexpr Entity entities[] = {
    {"amp", u'&'},      {"lt", u'<'},       {"gt", u'>'},       {"quot", u'"'},     {"apos", u'\''},
    {"nbsp", 0x00a0},   {"copy", 0x00a9},   {"reg", 0x00ae},    {"trade", 0x2122},  {"hellip", 0x2026},
    {"mdash", 0x2014},  {"ndash", 0x2013},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201c},
    {"rdquo", 0x201d},  {"laquo", 0x00ab},  {"raquo", 0x00bb},  {"bull", 0x2022},   {"middot", 0x00b7},
    {"euro", 0x20ac},   {"pound", 0x00a3},  {"yen", 0x00a5},    {"cent", 0x00a2},   {"sect", 0x00a7},
    {"deg", 0x00b0},    {"times", 0x00d7},  {"divide", 0x00f7}, {"auml", 0x00e4},   {"ouml", 0x00f6},
    {"uuml", 0x00fc},   {"Auml", 0x00c4},   {"Ouml", 0x00d6},   {"Uuml", 0x00dc},   {"szlig", 0x00df},
    {"eacute", 0x00e9}, {"egrave", 0x00e8}, {"ecirc", 0x00ea},  {"aacute", 0x00e1}, {"agrave", 0x00e0},
    {"acirc", 0x00e2},  {"iacute", 0x00ed}, {"oacute", 0x00f3}, {"uacute", 0x00fa}, {"ccedil", 0x00e7},
    {"ntilde", 0x00f1}, {"Eacute", 0x00c9}, {"aring", 0x00e5},  {"Aring", 0x00c5},  {"oslash", 0x00f8},
    {"Oslash", 0x00d8}, {"aelig", 0x00e6},  {"AElig", 0x00c6},  {"zwnj", 0x200c},   {"zwj", 0x200d},
    {"shy", 0x00ad},    {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},
};

bool isBlockTag(QStringView name)
{
    static constexpr const char16_t* blocks[] = {
        u"br",      u"p",       u"div",    u"tr",     u"li", u"h1", u"h2",         u"h3",  u"h4",
        u"h5",      u"h6",      u"table",  u"ul",     u"ol", u"hr", u"blockquote", u"pre", u"title",
        u"section", u"article", u"header", u"footer", u"dd", u"dt", u"td",         u"th"};
    for (const char16_t* block : blocks) {
        if (name.compare(QStringView(block), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Elements whose content is not text for a reader.
bool isHiddenContainer(QStringView name)
{
    return name.compare(u"script", Qt::CaseInsensitive) == 0 ||
           name.compare(u"style", Qt::CaseInsensitive) == 0 ||
           name.compare(u"head", Qt::CaseInsensitive) == 0 ||
           name.compare(u"template", Qt::CaseInsensitive) == 0;
}

class Converter
{
public:
    Converter(QStringView html, qsizetype maxLength)
        : m_html(html)
        , m_max(maxLength)
    {
        m_out.reserve(std::min(html.size(), maxLength));
    }

    QString run()
    {
        while (m_pos < m_html.size() && m_out.size() < m_max) {
            const QChar c = m_html[m_pos];
            if (c == u'<') {
                readMarkup();
            } else if (c == u'&') {
                readReference();
            } else {
                appendChar(c);
                ++m_pos;
            }
        }
        while (m_out.endsWith(u' ') || m_out.endsWith(u'\n'))
            m_out.chop(1);
        if (m_out.size() > m_max)
            m_out.truncate(m_max);
        return std::move(m_out);
    }

private:
    void appendChar(QChar c)
    {
        if (c.isSpace()) {
            m_pendingSpace = true;
            return;
        }
        if (m_pendingBreak) {
            if (!m_out.isEmpty())
                m_out.append(u'\n');
        } else if (m_pendingSpace && !m_out.isEmpty()) {
            m_out.append(u' ');
        }
        m_pendingBreak = false;
        m_pendingSpace = false;
        m_out.append(c);
    }

    void readMarkup()
    {
        const QStringView rest = m_html.sliced(m_pos);
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = m_html.indexOf(u"-->", m_pos + 4);
            m_pos = end < 0 ? m_html.size() : end + 3;
            return;
        }
        qsizetype i = m_pos + 1;
        const bool closing = i < m_html.size() && m_html[i] == u'/';
        if (closing)
            ++i;
        const qsizetype nameStart = i;
        while (i < m_html.size() && (m_html[i].isLetterOrNumber() || m_html[i] == u'-'))
            ++i;
        const QStringView name = m_html.sliced(nameStart, i - nameStart);
        if (name.isEmpty() && !rest.startsWith(u"<!") && !rest.startsWith(u"<?")) {
            // A "<" that starts no tag is text ("a < b").
            appendChar(u'<');
            ++m_pos;
            return;
        }
        m_pos = tagEnd(i);
        if (isBlockTag(name))
            m_pendingBreak = true;
        else
            m_pendingSpace = m_pendingSpace || name.isEmpty();
        if (!closing && isHiddenContainer(name))
            skipUntilClosing(name);
    }

    // Just past the ">" that ends a tag whose name ends at `from`; quoted attribute values may
    // hold ">".
    qsizetype tagEnd(qsizetype from) const
    {
        QChar quote;
        for (qsizetype i = from; i < m_html.size(); ++i) {
            const QChar c = m_html[i];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                return i + 1;
            }
        }
        return m_html.size();
    }

    void skipUntilClosing(QStringView name)
    {
        const QString closing = QStringLiteral("</") + name.toString();
        qsizetype at = m_pos;
        while (true) {
            at = m_html.indexOf(closing, at, Qt::CaseInsensitive);
            if (at < 0) {
                m_pos = m_html.size();
                return;
            }
            const qsizetype after = at + closing.size();
            if (after >= m_html.size() || !m_html[after].isLetterOrNumber()) {
                m_pos = tagEnd(after);
                return;
            }
            at = after;
        }
    }

    void readReference()
    {
        qsizetype i = m_pos + 1;
        if (i < m_html.size() && m_html[i] == u'#') {
            ++i;
            const bool hex = i < m_html.size() && (m_html[i] == u'x' || m_html[i] == u'X');
            if (hex)
                ++i;
            const qsizetype digitsStart = i;
            char32_t code = 0;
            while (i < m_html.size() && i - digitsStart < 8) {
                const int digit = hexDigit(m_html[i], hex);
                if (digit < 0)
                    break;
                code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
                ++i;
            }
            if (i > digitsStart) {
                if (i < m_html.size() && m_html[i] == u';')
                    ++i;
                if (code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
                    code = 0xfffd;
                m_pos = i;
                appendCodePoint(code);
                return;
            }
        } else {
            const qsizetype nameStart = i;
            while (i < m_html.size() && i - nameStart < 10 && m_html[i].isLetterOrNumber())
                ++i;
            const QStringView name = m_html.sliced(nameStart, i - nameStart);
            for (const Entity& entity : entities) {
                if (name == QLatin1StringView(entity.name)) {
                    if (i < m_html.size() && m_html[i] == u';')
                        ++i;
                    m_pos = i;
                    appendChar(QChar(entity.code));
                    return;
                }
            }
        }
        appendChar(u'&');
        ++m_pos;
    }

    static int hexDigit(QChar c, bool hex)
    {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (!hex)
            return -1;
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    }

    void appendCodePoint(char32_t code)
    {
        if (QChar::requiresSurrogates(code)) {
            appendChar(QChar(QChar::highSurrogate(code)));
            m_out.append(QChar(QChar::lowSurrogate(code)));
        } else {
            appendChar(QChar(static_cast<char16_t>(code)));
        }
    }

    QStringView m_html;
    qsizetype m_max;
    qsizetype m_pos = 0;
    QString m_out;
    bool m_pendingSpace = false;
    bool m_pendingBreak = false;
};

} // namespace

QString htmlToText(QStringView html, qsizetype maxLength)
{
    return Converter(html, maxLength).run();
}

} // namespace pw::mail
