#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace pw::service {

// A user name and password from AUTH PLAIN (RFC 4616) or AUTH LOGIN.
struct SaslCredentials
{
    QString username;
    QByteArray password;

    // PLAIN's message: [authzid] NUL authcid NUL passwd, already base64-decoded. An authzid
    // other than the authcid is refused (we do not let one user act as another).
    [[nodiscard]] static std::optional<SaslCredentials> fromPlain(const QByteArray& message);
    // Strict RFC 4648 base64 (no whitespace, correct padding); nullopt when malformed.
    [[nodiscard]] static std::optional<QByteArray> decodeBase64(const QByteArray& text);
};

} // namespace pw::service
