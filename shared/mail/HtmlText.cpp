#include "shared/mail/HtmlText.h"

namespace pw::mail {

namespace {

struct Entity
{
    QLatin1StringView name;
    char16_t code;
};

// The named references that mail actually uses; anything else stays as written.
constexpr Entity entities[] = {
    {QLatin1StringView("amp"), u'&'},      {QLatin1StringView("lt"), u'<'},
    {QLatin1StringView("gt"), u'>'},       {QLatin1StringView("quot"), u'"'},
    {QLatin1StringView("apos"), u'\''},    {QLatin1StringView("nbsp"), 0x00a0},
    {QLatin1StringView("copy"), 0x00a9},   {QLatin1StringView("reg"), 0x00ae},
    {QLatin1StringView("trade"), 0x2122},  {QLatin1StringView("hellip"), 0x2026},
    {QLatin1StringView("mdash"), 0x2014},  {QLatin1StringView("ndash"), 0x2013},
    {QLatin1StringView("lsquo"), 0x2018},  {QLatin1StringView("rsquo"), 0x2019},
    {QLatin1StringView("ldquo"), 0x201c},  {QLatin1StringView("rdquo"), 0x201d},
    {QLatin1StringView("laquo"), 0x00ab},  {QLatin1StringView("raquo"), 0x00bb},
    {QLatin1StringView("bull"), 0x2022},   {QLatin1StringView("middot"), 0x00b7},
    {QLatin1StringView("euro"), 0x20ac},   {QLatin1StringView("pound"), 0x00a3},
    {QLatin1StringView("yen"), 0x00a5},    {QLatin1StringView("cent"), 0x00a2},
    {QLatin1StringView("sect"), 0x00a7},   {QLatin1StringView("deg"), 0x00b0},
    {QLatin1StringView("times"), 0x00d7},  {QLatin1StringView("divide"), 0x00f7},
    {QLatin1StringView("auml"), 0x00e4},   {QLatin1StringView("ouml"), 0x00f6},
    {QLatin1StringView("uuml"), 0x00fc},   {QLatin1StringView("Auml"), 0x00c4},
    {QLatin1StringView("Ouml"), 0x00d6},   {QLatin1StringView("Uuml"), 0x00dc},
    {QLatin1StringView("szlig"), 0x00df},  {QLatin1StringView("eacute"), 0x00e9},
    {QLatin1StringView("egrave"), 0x00e8}, {QLatin1StringView("ecirc"), 0x00ea},
    {QLatin1StringView("aacute"), 0x00e1}, {QLatin1StringView("agrave"), 0x00e0},
    {QLatin1StringView("acirc"), 0x00e2},  {QLatin1StringView("iacute"), 0x00ed},
    {QLatin1StringView("oacute"), 0x00f3}, {QLatin1StringView("uacute"), 0x00fa},
    {QLatin1StringView("ccedil"), 0x00e7}, {QLatin1StringView("ntilde"), 0x00f1},
    {QLatin1StringView("Eacute"), 0x00c9}, {QLatin1StringView("aring"), 0x00e5},
    {QLatin1StringView("Aring"), 0x00c5},  {QLatin1StringView("oslash"), 0x00f8},
    {QLatin1StringView("Oslash"), 0x00d8}, {QLatin1StringView("aelig"), 0x00e6},
    {QLatin1StringView("AElig"), 0x00c6},  {QLatin1StringView("zwnj"), 0x200c},
    {QLatin1StringView("zwj"), 0x200d},    {QLatin1StringView("shy"), 0x00ad},
    {QLatin1StringView("thinsp"), 0x2009}, {QLatin1StringView("ensp"), 0x2002},
    {QLatin1StringView("emsp"), 0x2003},
};

bool isBlockTag(QStringView name)
{
    static constexpr QStringView blocks[] = {
        u"br",      u"p",       u"div",    u"tr",     u"li", u"h1", u"h2",         u"h3",  u"h4",
        u"h5",      u"h6",      u"table",  u"ul",     u"ol", u"hr", u"blockquote", u"pre", u"title",
        u"section", u"article", u"header", u"footer", u"dd", u"dt", u"td",         u"th"};
    for (const QStringView block : blocks) {
        if (name.size() == block.size() && name.compare(block, Qt::CaseInsensitive) == 0)
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
        , m_max(std::max<qsizetype>(0, maxLength))
    {
        // The text is never longer than the markup: every character written stands for at
        // least one read (a break or a space for a tag, a surrogate pair for a reference).
        m_out.resize(std::min(html.size(), m_max) + 2);
        m_data = m_out.data();
        m_capacity = m_out.size();
    }

    QString run()
    {
        while (m_pos < m_html.size() && m_length < m_max) {
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
        m_out.truncate(std::min(m_length, m_max));
        return std::move(m_out);
    }

private:
    void appendChar(QChar c)
    {
        if (c.isSpace()) {
            m_pendingSpace = true;
            return;
        }
        if (m_length > 0 && (m_pendingBreak || m_pendingSpace))
            put(m_pendingBreak ? u'\n' : u' ');
        m_pendingBreak = false;
        m_pendingSpace = false;
        put(c);
    }

    void put(QChar c)
    {
        if (m_length < m_capacity)
            m_data[m_length++] = c;
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
                if (name.size() == entity.name.size() && name == entity.name) {
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
            put(QChar(QChar::lowSurrogate(code)));
        } else {
            appendChar(QChar(static_cast<char16_t>(code)));
        }
    }

    QStringView m_html;
    qsizetype m_max;
    qsizetype m_pos = 0;
    QString m_out;
    QChar* m_data = nullptr;
    qsizetype m_length = 0;
    qsizetype m_capacity = 0;
    bool m_pendingSpace = false;
    bool m_pendingBreak = false;
};

} // namespace

QString htmlToText(QStringView html, qsizetype maxLength)
{
    return Converter(html, maxLength).run();
}

} // namespace pw::mail
