#include "shared/auth/dkim/DkimHashing.h"

#include "shared/auth/dkim/DkimTagList.h"
#include "shared/crypto/Digest.h"

#include <QHash>

namespace pw::auth::DkimHashing {

BodyHash bodyHash(QByteArrayView body, DkimCanonicalization canonicalization, std::optional<quint64> length)
{
    const QByteArray canonical = DkimCanon::body(body, canonicalization);
    BodyHash result;
    result.canonicalSize = canonical.size();
    QByteArrayView hashed(canonical);
    if (length && *length < quint64(canonical.size()))
        hashed = hashed.first(qsizetype(*length));
    result.digest = crypto::Digest::sha256(hashed);
    return result;
}

std::optional<mail::HeaderField> withEmptySignature(const mail::HeaderField& signatureField)
{
    const QByteArray value = signatureField.rawValue();
    const DkimTagList::Parse tags = DkimTagList::parse(value);
    if (!tags.ok())
        return std::nullopt;
    const DkimTag* b = tags.list.find("b");
    if (!b)
        return std::nullopt;
    QByteArray emptied = value.left(b->equalsEnd);
    emptied.append(QByteArrayView(value).sliced(b->separatorEnd));
    return signatureField.withRawValue(emptied);
}

QByteArray headerHashInput(const mail::MessageHeader& header, const QList<QByteArray>& signedHeaders,
                           DkimCanonicalization canonicalization,
                           const mail::HeaderField& emptiedSignatureField, qsizetype signatureIndex)
{
    QByteArray input;
    // Per lower-cased name, how many instances from the bottom have been used already.
    QHash<QByteArray, qsizetype> used;
    for (const QByteArray& name : signedHeaders) {
        QList<qsizetype> indexes = header.indexesOf(name);
        indexes.removeAll(signatureIndex);
        qsizetype& taken = used[name.toLower()];
        if (taken >= indexes.size())
            continue; // RFC 6376 5.4.2: a name listed more often than present signs "nothing"
        ++taken;
        input.append(DkimCanon::header(header.at(indexes.at(indexes.size() - taken)), canonicalization));
    }
    QByteArray signature = DkimCanon::header(emptiedSignatureField, canonicalization);
    signature.chop(2); // RFC 6376 3.7: without the trailing CRLF
    input.append(signature);
    return input;
}

} // namespace pw::auth::DkimHashing
