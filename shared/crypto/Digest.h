#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pw::crypto::Digest {

// 32 bytes; empty only if OpenSSL failed, which no caller can mistake for a match.
[[nodiscard]] QByteArray sha256(QByteArrayView data);

} // namespace pw::crypto::Digest
