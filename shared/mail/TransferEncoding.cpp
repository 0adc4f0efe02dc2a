#include "shared/mail/TransferEncoding.h"

#include <array>

namespace pw::mail {

namespace {

constexpr signed char invalid = -1;

constexpr std::array<signed char, 256> makeBase64Table()
{
    std::array<signed char, 256> table{};
    for (auto& entry : table)
        entry = invalid;
    for (int i = 0; i < 26; ++i) {
        table[static_cast<std::size_t>('A' + i)] = static_cast<signed char>(i);
        table[static_cast<std::size_t>('a' + i)] = static_cast<signed char>(26 + i);
    }
    for (int i = 0; i < 10; ++i)
        table[static_cast<std::size_t>('0' + i)] = static_cast<signed char>(52 + i);
    table['+'] = 62;
    table['/'] = 63;
    table['-'] = 62;
    table['_'] = 63;
    return table;
}

constexpr std::array<signed char, 256> base64Table = makeBase64Table();

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QByteArray decodeBase64(QByteArrayView encoded)
{
    QByteArray out;
    out.resize(encoded.size() / 4 * 3 + 3);
    char* dst = out.data();
    quint32 accumulator = 0;
    int count = 0;
    for (const char c : encoded) {
        if (c == '=') {
            // Padding: whatever full bytes the quantum holds are out, the rest is dropped.
            if (count == 2) {
                *dst++ = static_cast<char>(accumulator >> 4);
            } else if (count == 3) {
                *dst++ = static_cast<char>(accumulator >> 10);
                *dst++ = static_cast<char>(accumulator >> 2);
            }
            accumulator = 0;
            count = 0;
            continue;
        }
        const signed char value = base64Table[static_cast<unsigned char>(c)];
        if (value == invalid)
            continue;
        accumulator = (accumulator << 6) | static_cast<quint32>(value);
        if (++count == 4) {
            *dst++ = static_cast<char>(accumulator >> 16);
            *dst++ = static_cast<char>(accumulator >> 8);
            *dst++ = static_cast<char>(accumulator);
            accumulator = 0;
            count = 0;
        }
    }
    if (count == 2) {
        *dst++ = static_cast<char>(accumulator >> 4);
    } else if (count == 3) {
        *dst++ = static_cast<char>(accumulator >> 10);
        *dst++ = static_cast<char>(accumulator >> 2);
    }
    out.truncate(dst - out.constData());
    return out;
}

QByteArray decodeQuotedPrintable(QByteArrayView encoded)
{
    QByteArray out(encoded.size(), Qt::Uninitialized);
    char* const begin = out.data();
    char* dst = begin;
    const qsizetype size = encoded.size();
    qsizetype i = 0;
    while (i < size) {
        const char c = encoded[i];
        if (c == '=') {
            if (i + 2 < size) {
                const int high = hexValue(encoded[i + 1]);
                const int low = hexValue(encoded[i + 2]);
                if (high >= 0 && low >= 0) {
                    *dst++ = static_cast<char>(high * 16 + low);
                    i += 3;
                    continue;
                }
            }
            // A soft line break: "=", maybe whitespace an encoder left, then the line end.
            qsizetype j = i + 1;
            while (j < size && isWsp(encoded[j]))
                ++j;
            if (j == size) {
                i = j;
                continue;
            }
            if (encoded[j] == '\n') {
                i = j + 1;
                continue;
            }
            if (encoded[j] == '\r' && j + 1 < size && encoded[j + 1] == '\n') {
                i = j + 2;
                continue;
            }
            *dst++ = c;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            // RFC 2045 6.7 (3): whitespace at the end of an encoded line was added in transport.
            while (dst > begin && isWsp(dst[-1]))
                --dst;
        }
        *dst++ = c;
        ++i;
    }
    out.truncate(dst - begin);
    return out;
}

QByteArray decodeQEncoding(QByteArrayView encoded)
{
    QByteArray out(encoded.size(), Qt::Uninitialized);
    char* dst = out.data();
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '_') {
            *dst++ = ' ';
        } else if (c == '=' && i + 2 < encoded.size() && hexValue(encoded[i + 1]) >= 0 &&
                   hexValue(encoded[i + 2]) >= 0) {
            *dst++ = static_cast<char>(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2]));
            i += 2;
        } else {
            *dst++ = c;
        }
    }
    out.truncate(dst - out.constData());
    return out;
}

std::optional<QByteArray> decodeTransferEncoding(QByteArrayView body, QByteArrayView encoding)
{
    if (encoding.isEmpty() || encoding.compare("7bit", Qt::CaseInsensitive) == 0 ||
        encoding.compare("8bit", Qt::CaseInsensitive) == 0 ||
        encoding.compare("binary", Qt::CaseInsensitive) == 0)
        return body.toByteArray();
    if (encoding.compare("base64", Qt::CaseInsensitive) == 0)
        return decodeBase64(body);
    if (encoding.compare("quoted-printable", Qt::CaseInsensitive) == 0)
        return decodeQuotedPrintable(body);
    return std::nullopt;
}

} // namespace pw::mail
