#include "service/imap/ImapMailboxName.h"

#include <QStringList>

namespace pw::service::imapname {

namespace {

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}

// INBOX is case-insensitive (RFC 9051 5.1), its children are spelled as the client wrote them.
QString normalizeInbox(QString name)
{
    if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX");
    if (name.size() > 6 && name.left(6).compare(QLatin1String("INBOX/"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX") + name.mid(5);
    return name;
}

bool wellFormed(const QString& name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.endsWith(QLatin1Char('/')) ||
        name.contains(QLatin1String("//")))
        return false;
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    return true;
}

// Dynamic programming over (name position, pattern position): linear in their product, so no
// pattern of many wildcards can make the match slow.
bool matchPattern(const QString& name, const QString& pattern)
{
    const qsizetype n = name.size();
    const qsizetype m = pattern.size();
    // row[j]: name[i..] matches pattern[j..], for the current i, computed from i = n down.
    QList<bool> next(m + 1, false);
    QList<bool> row(m + 1, false);
    for (qsizetype i = n; i >= 0; --i) {
        row[m] = i == n;
        for (qsizetype j = m - 1; j >= 0; --j) {
            const QChar c = pattern.at(j);
            if (c == QLatin1Char('*'))
                row[j] = row[j + 1] || (i < n && next[j]);
            else if (c == QLatin1Char('%'))
                row[j] = row[j + 1] || (i < n && name.at(i) != QLatin1Char('/') && next[j]);
            else
                row[j] = i < n && name.at(i) == c && next[j + 1];
        }
        std::swap(row, next);
    }
    return next[0];
}

} // namespace

std::optional<QString> decodeModifiedUtf7(const QByteArray& raw)
{
    QString out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (uchar(c) >= 0x80)
            return std::nullopt;
        if (c != '&') {
            out.append(QLatin1Char(c));
            continue;
        }
        const qsizetype end = raw.indexOf('-', i + 1);
        if (end < 0)
            return std::nullopt;
        if (end == i + 1) {
            out.append(QLatin1Char('&'));
            i = end;
            continue;
        }
        quint32 bits = 0;
        int count = 0;
        QList<char16_t> units;
        for (qsizetype k = i + 1; k < end; ++k) {
            const int v = base64Value(raw.at(k));
            if (v < 0)
                return std::nullopt;
            bits = (bits << 6) | quint32(v);
            count += 6;
            if (count >= 16) {
                count -= 16;
                units.append(char16_t((bits >> count) & 0xffff));
            }
        }
        // Leftover bits must be zero padding; printable ASCII must not be encoded.
        if (count >= 6 || (bits & ((1u << count) - 1)) != 0 || units.isEmpty())
            return std::nullopt;
        for (const char16_t unit : units)
            if (unit >= 0x20 && unit < 0x7f)
                return std::nullopt;
        out.append(QString(reinterpret_cast<const QChar*>(units.constData()), units.size()));
        i = end;
    }
    return out;
}

QString encodeModifiedUtf7(const QString& name)
{
    QString out;
    qsizetype i = 0;
    while (i < name.size()) {
        const char16_t u = name.at(i).unicode();
        if (u >= 0x20 && u < 0x7f) {
            out.append(u == '&' ? QStringLiteral("&-") : QString(QChar(u)));
            ++i;
            continue;
        }
        out.append(QLatin1Char('&'));
        quint32 bits = 0;
        int count = 0;
        while (i < name.size() && (name.at(i).unicode() < 0x20 || name.at(i).unicode() >= 0x7f)) {
            bits = (bits << 16) | name.at(i).unicode();
            count += 16;
            while (count >= 6) {
                count -= 6;
                out.append(QLatin1Char(kBase64[(bits >> count) & 0x3f]));
            }
            ++i;
        }
        if (count > 0)
            out.append(QLatin1Char(kBase64[(bits << (6 - count)) & 0x3f]));
        out.append(QLatin1Char('-'));
    }
    return out;
}

std::optional<QString> decode(const QByteArray& raw, bool utf8)
{
    std::optional<QString> name;
    if (utf8) {
        if (raw.isValidUtf8())
            name = QString::fromUtf8(raw);
    } else {
        name = decodeModifiedUtf7(raw);
    }
    if (!name || !wellFormed(*name))
        return std::nullopt;
    return normalizeInbox(*name);
}

QByteArray encode(const QString& name, bool utf8)
{
    return utf8 ? name.toUtf8() : encodeModifiedUtf7(name).toLatin1();
}

bool matches(const QString& name, const QString& pattern)
{
    QString p = pattern;
    // INBOX matches in any case; the rest of a pattern is case-sensitive like the names.
    if (p.size() >= 5 && p.left(5).compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0 &&
        (p.size() == 5 || p.at(5) == QLatin1Char('/') || p.at(5) == QLatin1Char('*') ||
         p.at(5) == QLatin1Char('%')))
        p = QStringLiteral("INBOX") + p.mid(5);
    return matchPattern(name, p);
}

} // namespace pw::service::imapname
