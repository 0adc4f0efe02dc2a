#include "shared/auth/dkim/DkimSignatureCheck.h"

#include "shared/auth/dkim/DkimHashing.h"
#include "shared/crypto/Digest.h"
#include "shared/crypto/KeyPair.h"

namespace pw::auth {

namespace {

QString utf8(QByteArrayView text)
{
    return QString::fromUtf8(text);
}

QString dnsOutcome(const dns::LookupResult& lookup)
{
    return lookup.errorString.isEmpty()
               ? dns::statusName(lookup.status)
               : dns::statusName(lookup.status) + QStringLiteral(": ") + lookup.errorString;
}

} // namespace

DkimSignatureCheck::DkimSignatureCheck(const mail::HeaderField& field, const QDateTime& now,
                                       std::chrono::seconds clockSkew)
    : m_field(field)
{
    const DkimSignature::Parse parse = DkimSignature::parse(field.rawValue());
    m_signature = parse.signature;
    m_result.domain = utf8(m_signature.domain);
    m_result.selector = utf8(m_signature.selector);
    m_result.algorithm = utf8(m_signature.algorithmName);
    m_result.headerI = utf8(m_signature.identity);
    m_result.headerB = utf8(m_signature.signatureBase64.left(8));
    if (!parse.ok()) {
        decide(DkimStatus::PermError, parse.reason, parse.error);
        return;
    }

    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const qint64 skew = clockSkew.count();
    // RFC 6376 3.5 x=: signatures MAY be considered invalid past the expiration date.
    if (m_signature.expiration && qint64(*m_signature.expiration) + skew < nowSeconds) {
        decide(DkimStatus::PermError, DkimReason::Expired,
               QStringLiteral("the signature expired at %1 (x=)")
                   .arg(QDateTime::fromSecsSinceEpoch(qint64(*m_signature.expiration), Qt::UTC)
                            .toString(Qt::ISODate)));
        return;
    }
    // RFC 6376 3.5 t=: verifiers MAY ignore signatures with a timestamp in the future.
    if (m_signature.timestamp && qint64(*m_signature.timestamp) > nowSeconds + skew) {
        decide(DkimStatus::PermError, DkimReason::FutureTimestamp,
               QStringLiteral("the signature is dated in the future, %1 (t=)")
                   .arg(QDateTime::fromSecsSinceEpoch(qint64(*m_signature.timestamp), Qt::UTC)
                            .toString(Qt::ISODate)));
        return;
    }
}

void DkimSignatureCheck::decide(DkimStatus status, DkimReason reason, const QString& text)
{
    m_result.status = status;
    m_result.reason = reason;
    m_result.reasonText = text;
    m_decided = true;
}

void DkimSignatureCheck::finish(const dns::LookupResult& keyLookup, const mail::MessageHeader& header,
                                qsizetype fieldIndex, QByteArrayView body)
{
    if (m_decided)
        return;
    // RFC 6376 6.1.2 step 2: no key record is a permanent failure ("no key for signature");
    // step 3: a lookup that fails otherwise is a temporary one ("key unavailable").
    if (keyLookup.isNegative()) {
        decide(DkimStatus::PermError, DkimReason::KeyMissing,
               QStringLiteral("no DKIM key is published at %1 (%2)").arg(keyName(), dnsOutcome(keyLookup)));
        return;
    }
    if (!keyLookup.isOk()) {
        decide(DkimStatus::TempError, DkimReason::KeyLookupFailed,
               QStringLiteral("the DKIM key at %1 could not be fetched (%2)")
                   .arg(keyName(), dnsOutcome(keyLookup)));
        return;
    }
    QList<QByteArray> texts;
    for (const dns::Record& record : keyLookup.records) {
        if (record.type == dns::RecordType::TXT)
            texts.append(record.strings.join());
    }
    finish(texts, header, fieldIndex, body);
}

void DkimSignatureCheck::finish(const QList<QByteArray>& keyRecords, const mail::MessageHeader& header,
                                qsizetype fieldIndex, QByteArrayView body)
{
    if (m_decided)
        return;
    if (keyRecords.isEmpty()) {
        decide(DkimStatus::PermError, DkimReason::KeyMissing,
               QStringLiteral("no DKIM key is published at %1").arg(keyName()));
        return;
    }
    // RFC 6376 6.1.2 step 4 and 3.6.2.2: with several records, use the first one that parses.
    QString firstError;
    for (const QByteArray& text : keyRecords) {
        const DkimKeyRecord::Parse parse = DkimKeyRecord::parse(text);
        if (parse.ok()) {
            if (checkKeyRecord(parse.record))
                verify(parse.record, header, fieldIndex, body);
            return;
        }
        if (firstError.isEmpty())
            firstError = parse.error;
    }
    decide(DkimStatus::PermError, DkimReason::KeySyntax,
           QStringLiteral("the DKIM key record at %1 is invalid: %2").arg(keyName(), firstError));
}

bool DkimSignatureCheck::checkKeyRecord(const DkimKeyRecord& record)
{
    m_result.testing = record.testing;
    // RFC 6376 3.6.1 p=: an empty value means that this public key has been revoked.
    if (record.isRevoked()) {
        decide(DkimStatus::PermError, DkimReason::KeyRevoked,
               QStringLiteral("the DKIM key at %1 has been revoked (empty p=)").arg(keyName()));
        return false;
    }
    // RFC 6376 6.1.2 step 6: the key's h= must allow the signature's hash.
    if (!record.allowsHash("sha256")) {
        decide(DkimStatus::PermError, DkimReason::KeyHashRestricted,
               QStringLiteral("the DKIM key at %1 does not allow SHA-256 (h=%2)")
                   .arg(keyName(), utf8(record.hashAlgorithms.join(':'))));
        return false;
    }
    // RFC 6376 6.1.2 step 7, RFC 8463 4.2: the key type must be the one of a=.
    const QByteArray wanted = m_signature.algorithm == DkimAlgorithm::Ed25519Sha256 ? "ed25519" : "rsa";
    if (record.keyType != wanted) {
        decide(DkimStatus::PermError, DkimReason::KeyTypeMismatch,
               QStringLiteral("the DKIM key at %1 is of type \"%2\", but the signature uses %3")
                   .arg(keyName(), utf8(record.keyType), utf8(m_signature.algorithmName)));
        return false;
    }
    // RFC 6376 3.6.1 s=: the key must be meant for email ("*" or "email").
    if (!record.allowsEmail()) {
        decide(DkimStatus::PermError, DkimReason::KeyNotForEmail,
               QStringLiteral("the DKIM key at %1 is not for email (s=%2)")
                   .arg(keyName(), utf8(record.serviceTypes.join(':'))));
        return false;
    }
    // RFC 6376 3.6.1 t=s: the i= domain must be d= itself, not a subdomain.
    if (record.strict && m_signature.identityDomain().compare(m_signature.domain, Qt::CaseInsensitive) != 0) {
        decide(DkimStatus::PermError, DkimReason::KeyStrictIdentity,
               QStringLiteral("the DKIM key at %1 forbids subdomains (t=s), but i= is %2")
                   .arg(keyName(), utf8(m_signature.identity)));
        return false;
    }
    return true;
}

void DkimSignatureCheck::verify(const DkimKeyRecord& record, const mail::MessageHeader& header,
                                qsizetype fieldIndex, QByteArrayView body)
{
    // RFC 6376 3.6.1 p=: SubjectPublicKeyInfo for rsa; RFC 8463 4.2: the bare key for ed25519.
    auto key = m_signature.algorithm == DkimAlgorithm::Ed25519Sha256
                   ? crypto::KeyPair::fromRawEd25519Public(record.publicKey)
                   : crypto::KeyPair::fromPublicDer(record.publicKey);
    if (!key.ok()) {
        decide(DkimStatus::PermError, DkimReason::KeySyntax,
               QStringLiteral("the public key at %1 cannot be read: %2").arg(keyName(), key.error().message));
        return;
    }
    const bool wantEd25519 = m_signature.algorithm == DkimAlgorithm::Ed25519Sha256;
    if ((key.value().type() == crypto::KeyType::Ed25519) != wantEd25519) {
        decide(DkimStatus::PermError, DkimReason::KeyTypeMismatch,
               QStringLiteral("the public key at %1 is not of the type k= says").arg(keyName()));
        return;
    }
    // RFC 8301 3.2: RSA keys below 1024 bits MUST NOT be accepted.
    if (!wantEd25519 && key.value().bits() < crypto::KeyPair::MinimumRsaBits) {
        decide(DkimStatus::PermError, DkimReason::KeyTooSmall,
               QStringLiteral("the RSA key at %1 has %2 bits, fewer than the 1024 required")
                   .arg(keyName())
                   .arg(key.value().bits()));
        return;
    }

    // RFC 6376 6.1.3 steps 1-3: the body hash, over the first l= octets when given.
    const DkimHashing::BodyHash bodyHash =
        DkimHashing::bodyHash(body, m_signature.bodyCanonicalization, m_signature.bodyLength);
    if (m_signature.bodyLength && *m_signature.bodyLength > quint64(bodyHash.canonicalSize)) {
        decide(DkimStatus::Fail, DkimReason::BodyLengthExceeded,
               QStringLiteral("the signature covers %1 body octets (l=), but the body has only %2")
                   .arg(*m_signature.bodyLength)
                   .arg(bodyHash.canonicalSize));
    } else if (bodyHash.digest != m_signature.bodyHash) {
        decide(DkimStatus::Fail, DkimReason::BodyHashMismatch,
               QStringLiteral("the body was changed after signing (body hash mismatch)"));
    } else {
        // RFC 6376 6.1.3 steps 4-5: the header hash and the signature.
        const auto emptied = DkimHashing::withEmptySignature(m_field);
        if (!emptied) {
            decide(DkimStatus::PermError, DkimReason::Syntax,
                   QStringLiteral("the DKIM-Signature has no b= tag"));
            return;
        }
        const QByteArray input = DkimHashing::headerHashInput(
            header, m_signature.signedHeaders, m_signature.headerCanonicalization, *emptied, fieldIndex);
        const bool valid = wantEd25519
                               ? key.value().verify(crypto::Digest::sha256(input), m_signature.signature)
                               : key.value().verify(input, m_signature.signature);
        if (valid)
            decide(
                DkimStatus::Pass, DkimReason::None,
                QStringLiteral("signed by %1 with the key at %2").arg(utf8(m_signature.domain), keyName()));
        else
            decide(
                DkimStatus::Fail, DkimReason::SignatureMismatch,
                QStringLiteral("the signed header fields were changed after signing (signature mismatch)"));
    }

    // RFC 6376 3.6.1 t=y: verifiers MUST NOT treat messages from signers in testing mode
    // differently from unsigned email, even should the signature fail to verify.
    if (m_result.status == DkimStatus::Fail && record.testing) {
        m_result.status = DkimStatus::Neutral;
        m_result.reasonText += QStringLiteral("; the key is in testing mode (t=y), so this does not count");
    }
}

} // namespace pw::auth
