#include "shared/crypto/Base64.h"

#include <array>

namespace pw::crypto::Base64 {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int Invalid = -1;

constexpr std::array<int, 256> makeDecodeTable()
{
    std::array<int, 256> table{};
    table.fill(Invalid);
    for (int value = 0; value < 64; ++value)
        table[static_cast<unsigned char>(Alphabet[value])] = value;
    return table;
}

constexpr std::array<int, 256> DecodeTable = makeDecodeTable();

bool isFoldingWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray fail(bool* ok)
{
    if (ok)
        *ok = false;
    return {};
}

} // namespace

QByteArray encode(QByteArrayView data)
{
    QByteArray encoded;
    encoded.reserve((data.size() + 2) / 3 * 4);
    qsizetype i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        const quint32 group =
            quint32(quint8(data[i])) << 16 | quint32(quint8(data[i + 1])) << 8 | quint32(quint8(data[i + 2]));
        encoded.append(Alphabet[group >> 18 & 0x3f]);
        encoded.append(Alphabet[group >> 12 & 0x3f]);
        encoded.append(Alphabet[group >> 6 & 0x3f]);
        encoded.append(Alphabet[group & 0x3f]);
    }
    const qsizetype rest = data.size() - i;
    if (rest > 0) {
        quint32 group = quint32(quint8(data[i])) << 16;
        if (rest == 2)
            group |= quint32(quint8(data[i + 1])) << 8;
        encoded.append(Alphabet[group >> 18 & 0x3f]);
        encoded.append(Alphabet[group >> 12 & 0x3f]);
        encoded.append(rest == 2 ? Alphabet[group >> 6 & 0x3f] : '=');
        encoded.append('=');
    }
    return encoded;
}

QByteArray decode(QByteArrayView text, bool* ok)
{
    QByteArray decoded;
    decoded.reserve(text.size() / 4 * 3);
    quint32 group = 0;
    int symbols = 0; // in the current group of four, padding included
    int padding = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text[i++];
        if (isFoldingWhitespace(c))
            continue;
        if (c == '=') {
            // Padding may only complete a group that has at least two data symbols.
            if (symbols < 2)
                return fail(ok);
            ++padding;
        } else {
            const int value = DecodeTable[static_cast<unsigned char>(c)];
            if (value == Invalid || padding > 0)
                return fail(ok);
            group = group << 6 | quint32(value);
        }
        if (++symbols < 4)
            continue;
        group <<= 6 * padding;
        decoded.append(char(group >> 16 & 0xff));
        if (padding < 2)
            decoded.append(char(group >> 8 & 0xff));
        if (padding < 1)
            decoded.append(char(group & 0xff));
        group = 0;
        symbols = 0;
        if (padding > 0)
            break;
    }
    if (symbols != 0)
        return fail(ok);
    // Padding ends the data; only whitespace may follow it.
    for (; i < text.size(); ++i) {
        if (!isFoldingWhitespace(text[i]))
            return fail(ok);
    }
    if (ok)
        *ok = true;
    return decoded;
}

} // namespace pw::crypto::Base64
