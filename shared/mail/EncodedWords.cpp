#include "shared/mail/EncodedWords.h"

#include "shared/mail/TransferEncoding.h"

#include <QByteArray>
#include <QStringDecoder>

namespace pw::mail {

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool hasC1Bytes(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 && u < 0xa0)
            return true;
    }
    return false;
}

// Latin-1 labels are windows-1252 in practice (the WHATWG encoding standard does the same);
// the difference only shows in bytes 0x80-0x9f, which Latin-1 leaves as control characters.
QString decodeLatin1(QByteArrayView bytes)
{
    if (hasC1Bytes(bytes)) {
        QStringDecoder decoder("windows-1252");
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    return QString::fromLatin1(bytes);
}

QString decodeUtf8OrLatin1(QByteArrayView bytes, bool labelledUtf8)
{
    if (isAscii(bytes))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (!decoder.hasError() || labelledUtf8)
        return text;
    return decodeLatin1(bytes);
}

bool isAsciiLabel(const QByteArray& name)
{
    return name == "us-ascii" || name == "ascii" || name == "us" || name == "ansi_x3.4-1968" ||
           name == "iso646-us" || name == "iso-ir-6" || name == "cp367" || name == "ibm367" ||
           name == "csascii";
}

bool isUtf8Label(const QByteArray& name)
{
    return name == "utf-8" || name == "utf8" || name == "x-utf-8" || name == "unicode-1-1-utf-8";
}

bool isLatin1Label(const QByteArray& name)
{
    return name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "l1" ||
           name == "iso_8859-1" || name == "cp819" || name == "ibm819" || name == "iso-ir-100" ||
           name == "windows-1252" || name == "cp1252";
}

bool isCharsetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && c != '?' && c != '(' && c != ')' && c != '"' && c != ',' && c != ';' &&
           c != ':' && c != '<' && c != '>' && c != '@' && c != '[' && c != ']' && c != '/' && c != '=' &&
           c != '\\';
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct EncodedWord
{
    qsizetype end = 0; // past "?="
    QByteArrayView charset;
    char encoding = 0;
    QByteArrayView text;
};

// An encoded word starting at `start` ("=?"), or nullopt when the bytes there are not one.
// `unterminatedEnd`: a scan for the closing "?=" that failed records where it stopped (a line
// break or the end), so that the starts before it fail at once: without that, a value full of
// "=?a?q?" would take quadratic time.
std::optional<EncodedWord> readEncodedWord(QByteArrayView value, qsizetype start, qsizetype& unterminatedEnd)
{
    if (start < unterminatedEnd)
        return std::nullopt;
    qsizetype i = start + 2;
    const qsizetype charsetStart = i;
    while (i < value.size() && isCharsetChar(value[i]))
        ++i;
    if (i == charsetStart || i + 3 > value.size() || value[i] != '?')
        return std::nullopt;
    EncodedWord word;
    word.charset = value.sliced(charsetStart, i - charsetStart);
    const char encoding = value[i + 1];
    if (value[i + 2] != '?')
        return std::nullopt;
    if (encoding == 'b' || encoding == 'B')
        word.encoding = 'B';
    else if (encoding == 'q' || encoding == 'Q')
        word.encoding = 'Q';
    else
        return std::nullopt;
    const qsizetype textStart = i + 3;
    qsizetype j = textStart;
    while (j + 1 < value.size()) {
        const char c = value[j];
        if (c == '\r' || c == '\n')
            break;
        if (c == '?' && value[j + 1] == '=') {
            word.text = value.sliced(textStart, j - textStart);
            word.end = j + 2;
            return word;
        }
        ++j;
    }
    unterminatedEnd = std::max(unterminatedEnd, j);
    return std::nullopt;
}

// Collects decoded bytes of adjacent encoded words that share a charset.
class Decoder
{
public:
    explicit Decoder(qsizetype sizeHint) { m_out.reserve(sizeHint); }

    void appendRaw(QByteArrayView bytes)
    {
        flush();
        m_out.append(decodeUtf8OrLatin1(bytes, false));
    }

    void appendWord(const EncodedWord& word, QByteArrayView original)
    {
        // RFC 2231 5: "charset*language" in an encoded word; the language is not needed here.
        QByteArrayView charset = word.charset;
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset = charset.first(star);
        const QByteArray bytes = word.encoding == 'B' ? decodeBase64(word.text) : decodeQEncoding(word.text);
        if (!m_pending.isEmpty() && charset.compare(m_pendingCharset, Qt::CaseInsensitive) != 0)
            flush();
        if (m_pending.isEmpty()) {
            if (!decodeCharset(QByteArrayView(), charset)) {
                // Unknown charset: the word stays as written.
                m_out.append(QString::fromLatin1(original));
                return;
            }
            m_pendingCharset = charset.toByteArray();
        }
        m_pending.append(bytes);
    }

    QString finish()
    {
        flush();
        return std::move(m_out);
    }

private:
    void flush()
    {
        if (m_pending.isEmpty())
            return;
        m_out.append(decodeText(m_pending, m_pendingCharset));
        m_pending.clear();
    }

    QString m_out;
    QByteArray m_pending;
    QByteArray m_pendingCharset;
};

} // namespace

std::optional<QString> decodeCharset(QByteArrayView bytes, QByteArrayView charset)
{
    const QByteArray name = charset.trimmed().toByteArray().toLower();
    if (name.isEmpty() || isAsciiLabel(name))
        return decodeUtf8OrLatin1(bytes, false);
    if (isUtf8Label(name))
        return decodeUtf8OrLatin1(bytes, true);
    if (isLatin1Label(name))
        return decodeLatin1(bytes);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return std::nullopt;
    return decoder.decode(bytes);
}

QString decodeText(QByteArrayView bytes, QByteArrayView charset)
{
    if (std::optional<QString> text = decodeCharset(bytes, charset))
        return std::move(*text);
    return decodeUtf8OrLatin1(bytes, false);
}

QString decodeEncodedWords(QByteArrayView value)
{
    if (!value.contains("=?"))
        return decodeUtf8OrLatin1(value, false);
    Decoder decoder(value.size());
    qsizetype position = 0;
    qsizetype unterminatedEnd = -1;
    bool afterWord = false;
    while (position < value.size()) {
        const qsizetype start = value.indexOf("=?", position);
        if (start < 0) {
            decoder.appendRaw(value.sliced(position));
            break;
        }
        const std::optional<EncodedWord> word = readEncodedWord(value, start, unterminatedEnd);
        if (!word) {
            decoder.appendRaw(value.sliced(position, start + 2 - position));
            position = start + 2;
            afterWord = false;
            continue;
        }
        const QByteArrayView between = value.sliced(position, start - position);
        bool onlyWhitespace = true;
        for (const char c : between) {
            if (!isWhitespace(c)) {
                onlyWhitespace = false;
                break;
            }
        }
        if (!(afterWord && onlyWhitespace) && !between.isEmpty())
            decoder.appendRaw(between);
        decoder.appendWord(*word, value.sliced(start, word->end - start));
        position = word->end;
        afterWord = true;
    }
    return decoder.finish();
}

} // namespace pw::mail
