#include "shared/crypto/OpenSslError.h"

#include <QStringList>
#include <openssl/err.h>

namespace pw::crypto::detail {

CryptoError openSslError(const QString& what)
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        reasons.append(QString::fromLatin1(text));
    }
    // Decoders that try several formats report the same reason once per attempt.
    reasons.removeDuplicates();
    if (reasons.isEmpty())
        return {what};
    return {what + QStringLiteral(": ") + reasons.join(QStringLiteral("; "))};
}

void discardOpenSslErrors()
{
    ERR_clear_error();
}

} // namespace pw::crypto::detail
