#include "shared/auth/records/GeneratedRecord.h"

#include <algorithm>

namespace pw::auth {

QString txtPresentation(const QString& text)
{
    static constexpr qsizetype maxStringSize = 255;
    const QByteArray bytes = text.toUtf8();
    const auto isContinuation = [&bytes](qsizetype i) {
        return (static_cast<uchar>(bytes.at(i)) & 0xC0) == 0x80;
    };
    QStringList strings;
    qsizetype pos = 0;
    do {
        qsizetype size = std::min(maxStringSize, bytes.size() - pos);
        // Keep a UTF-8 sequence whole: cut before the first byte of a character.
        if (pos + size < bytes.size()) {
            qsizetype cut = size;
            while (cut > 0 && isContinuation(pos + cut))
                --cut;
            if (cut > 0)
                size = cut;
        }
        QByteArray quoted = "\"";
        for (const char c : bytes.mid(pos, size)) {
            if (c == '"' || c == '\\')
                quoted += '\\';
            quoted += c;
        }
        quoted += '"';
        strings.append(QString::fromUtf8(quoted));
        pos += size;
    } while (pos < bytes.size());
    return strings.join(QLatin1Char(' '));
}

} // namespace pw::auth
