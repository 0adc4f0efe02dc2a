#include "shared/auth/records/MailDomainSetup.h"

namespace pw::auth {

std::optional<DkimKeyInfo> DkimKeyInfo::fromKeyPair(const QString& selector, const crypto::KeyPair& key,
                                                    QString* error)
{
    if (key.isNull()) {
        if (error)
            *error = QStringLiteral("the DKIM key for selector %1 is empty").arg(selector);
        return std::nullopt;
    }
    const crypto::Result<QByteArray> bytes =
        key.type() == crypto::KeyType::Ed25519 ? key.rawPublicKey() : key.publicDer();
    if (!bytes) {
        if (error)
            *error = bytes.error().message;
        return std::nullopt;
    }
    return DkimKeyInfo{selector, key.type(), bytes.value()};
}

} // namespace pw::auth
