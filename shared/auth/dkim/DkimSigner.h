#pragma once

#include "shared/auth/dkim/DkimSignature.h"
#include "shared/crypto/KeyPair.h"
#include "shared/mail/MessageHeader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <chrono>
#include <memory>
#include <optional>
#include <span>

namespace pw::auth {

// A DKIM-Signature field to prepend to the message, or why there is none.
struct DkimSignOutcome
{
    QByteArray headerField; // "DKIM-Signature: ...\r\n", folded, ready to prepend
    QString error;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Signs messages for one domain and selector with one key (RFC 6376 5, RFC 8463): rsa-sha256
// for an RSA key, ed25519-sha256 for an Ed25519 key; relaxed/relaxed canonicalisation; t= from
// the clock passed in. Signing a message with an RSA and an Ed25519 key means two signers and
// two fields (see signAll).
class DkimSigner
{
public:
    // domain may be given in Unicode; it is signed in its ASCII (A-label) form.
    DkimSigner(const QString& domain, const QString& selector, crypto::KeyPair key);
    // Shares a key that the service keeps loaded, so that a signer per message costs no copy.
    DkimSigner(const QString& domain, const QString& selector, std::shared_ptr<const crypto::KeyPair> key);

    // The fields signed when present, in this order (RFC 6376 5.4.1's list, plus the
    // MIME fields and the List-* fields of RFC 2369 and RFC 8058). Each is listed as often as
    // it occurs, so that every instance is covered; From once more than it occurs, so that a
    // From added later breaks the signature (RFC 6376 8.15, "oversigning").
    [[nodiscard]] static QList<QByteArray> defaultHeaderNames();
    void setHeaderNames(const QList<QByteArray>& names) { m_headerNames = names; }
    [[nodiscard]] const QList<QByteArray>& headerNames() const { return m_headerNames; }

    // x= at now + validity; none by default.
    void setValidity(std::optional<std::chrono::seconds> validity) { m_validity = validity; }
    // i= (RFC 6376 3.5); its domain must be the signing domain or a subdomain. None by default.
    void setIdentity(const QByteArray& identity) { m_identity = identity; }

    [[nodiscard]] QByteArray domain() const { return m_domain; }
    [[nodiscard]] QByteArray selector() const { return m_selector; }
    [[nodiscard]] DkimAlgorithm algorithm() const;
    [[nodiscard]] const crypto::KeyPair& key() const { return *m_key; }

    // message: header and body, CRLF line ends (a bare LF is read as CRLF).
    [[nodiscard]] DkimSignOutcome sign(QByteArrayView message, const QDateTime& now) const;

    // Every signer's field, in the order given, concatenated; each signs the original message,
    // so the signatures do not depend on each other. Fails if any of them fails.
    [[nodiscard]] static DkimSignOutcome signAll(std::span<const DkimSigner* const> signers,
                                                 QByteArrayView message, const QDateTime& now);

private:
    [[nodiscard]] QList<QByteArray> signedHeaderList(const mail::MessageHeader& header) const;
    [[nodiscard]] QByteArray tagsWithoutSignature(const QList<QByteArray>& signedHeaders,
                                                  const QByteArray& bodyHash, const QDateTime& now) const;

    QByteArray m_domain;
    QByteArray m_selector;
    std::shared_ptr<const crypto::KeyPair> m_key;
    QList<QByteArray> m_headerNames;
    std::optional<std::chrono::seconds> m_validity;
    QByteArray m_identity;
};

} // namespace pw::auth
