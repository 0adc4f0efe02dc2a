#include "service/smtp/SaslCredentials.h"

#include <QList>

namespace pw::service {

std::optional<SaslCredentials> SaslCredentials::fromPlain(const QByteArray& message)
{
    const QList<QByteArray> parts = message.split('\0');
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return std::nullopt;
    if (!parts.at(0).isEmpty() && parts.at(0) != parts.at(1))
        return std::nullopt;
    return SaslCredentials{QString::fromUtf8(parts.at(1)), parts.at(2)};
}

std::optional<QByteArray> SaslCredentials::decodeBase64(const QByteArray& text)
{
    const auto result = QByteArray::fromBase64Encoding(text, QByteArray::Base64Encoding |
                                                                 QByteArray::AbortOnBase64DecodingErrors);
    if (!result || text.size() % 4 != 0)
        return std::nullopt;
    return *result;
}

} // namespace pw::service
