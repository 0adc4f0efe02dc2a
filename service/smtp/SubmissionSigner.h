#pragma once

#include "shared/mail/MessageHeader.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace pw::auth {
class DkimSigner;
}

namespace pw::service {

// What submission adds to a user's message: the Date and Message-ID a client left out
// (RFC 6409 8.2, 8.3), and a DKIM signature with every signing key of the From domain (RSA and
// Ed25519, RFC 8463 7), for local and remote recipients alike.
class SubmissionSigner
{
public:
    using SignerSource = std::function<QList<std::shared_ptr<const auth::DkimSigner>>(const QString& domain)>;
    explicit SubmissionSigner(SignerSource signers)
        : m_signers(std::move(signers))
    {}

    [[nodiscard]] static QByteArray completeHeader(const QByteArray& message,
                                                   const mail::MessageHeader& header, const QString& hostname,
                                                   const QDateTime& now);
    // The DKIM-Signature fields to prepend; empty with `error` set when the domain has no key
    // or signing failed (the message is then delivered unsigned, and the log says why).
    [[nodiscard]] QByteArray sign(const QString& domain, const QByteArray& message, const QDateTime& now,
                                  QString* error) const;

private:
    SignerSource m_signers;
};

} // namespace pw::service
