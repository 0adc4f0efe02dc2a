#include "shared/auth/dkim/DkimKeyRecord.h"

#include "shared/auth/dkim/DkimTagList.h"
#include "shared/crypto/Base64.h"

namespace pw::auth {

namespace {

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QList<QByteArray> colonList(const QByteArray& value)
{
    QList<QByteArray> items;
    for (QByteArray item : value.split(':')) {
        item.removeIf(isWhitespace);
        if (!item.isEmpty())
            items.append(item);
    }
    return items;
}

DkimKeyRecord::Parse failed(const QString& error)
{
    DkimKeyRecord::Parse parse;
    parse.error = error;
    return parse;
}

} // namespace

bool DkimKeyRecord::allowsHash(QByteArrayView hash) const
{
    return hashAlgorithms.isEmpty() || hashAlgorithms.contains(hash);
}

bool DkimKeyRecord::allowsEmail() const
{
    return serviceTypes.contains("*") || serviceTypes.contains("email");
}

DkimKeyRecord::Parse DkimKeyRecord::parse(QByteArrayView text)
{
    const DkimTagList::Parse tags = DkimTagList::parse(text);
    if (!tags.ok())
        return failed(QStringLiteral("the key record is malformed: %1").arg(tags.error));
    const DkimTagList& list = tags.list;

    // RFC 6376 3.6.1 v=: if present it MUST be "DKIM1" and the first tag; records beginning
    // with any other v= MUST be discarded.
    if (const DkimTag* v = list.find("v")) {
        if (v != &list.tags().front())
            return failed(QStringLiteral("v= is not the first tag of the key record"));
        if (v->value != "DKIM1")
            return failed(QStringLiteral("the key record version \"%1\" is not DKIM1")
                              .arg(QString::fromUtf8(v->value)));
    }
    // RFC 6376 3.6.1 p=: REQUIRED; an empty value means the key has been revoked.
    if (!list.contains("p"))
        return failed(QStringLiteral("the key record has no public key (p=)"));

    Parse parse;
    DkimKeyRecord& record = parse.record;
    bool ok = false;
    record.publicKey = crypto::Base64::decode(list.value("p"), &ok);
    if (!ok)
        return failed(QStringLiteral("the public key (p=) is not valid base64"));
    if (list.contains("k"))
        record.keyType = list.value("k");
    if (list.contains("h"))
        record.hashAlgorithms = colonList(list.value("h"));
    if (list.contains("s"))
        record.serviceTypes = colonList(list.value("s"));
    // RFC 6376 3.6.1 t=: colon-separated flags; unknown ones MUST be ignored.
    const QList<QByteArray> flags = colonList(list.value("t"));
    record.testing = flags.contains("y");
    record.strict = flags.contains("s");
    record.notes = list.value("n");
    return parse;
}

} // namespace pw::auth
