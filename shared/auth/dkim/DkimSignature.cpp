#include "shared/auth/dkim/DkimSignature.h"

#include "shared/crypto/Base64.h"

#include <limits>

namespace pw::auth {

namespace {

using Parse = DkimSignature::Parse;

// RFC 6376 3.5: t= and x= are 1*12DIGIT.
constexpr qsizetype MaxTimeDigits = 12;

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray withoutWhitespace(QByteArray text)
{
    text.removeIf(isWhitespace);
    return text;
}

QString utf8(QByteArrayView text)
{
    return QString::fromUtf8(text);
}

Parse failed(Parse parse, DkimReason reason, const QString& error)
{
    parse.reason = reason;
    parse.error = error;
    return parse;
}

// Digits only; l= may be longer than any body, so an overflow saturates rather than fails.
std::optional<quint64> parseNumber(QByteArrayView text, qsizetype maxDigits)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        value = value > (std::numeric_limits<quint64>::max() - digit) / 10
                    ? std::numeric_limits<quint64>::max()
                    : value * 10 + digit;
    }
    return value;
}

// RFC 5322 2.2 field names, as h= lists them.
bool isFieldName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || c == ':')
            return false;
    }
    return true;
}

// h= and q= are colon-separated lists with optional folding whitespace around each element.
QList<QByteArray> colonList(QByteArrayView value)
{
    QList<QByteArray> items;
    for (const QByteArray& item : value.toByteArray().split(':'))
        items.append(withoutWhitespace(item));
    return items;
}

bool isLabelChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

QByteArray dkimAlgorithmName(DkimAlgorithm algorithm)
{
    return algorithm == DkimAlgorithm::RsaSha256 ? QByteArrayLiteral("rsa-sha256")
                                                 : QByteArrayLiteral("ed25519-sha256");
}

bool isValidDkimDomain(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    qsizetype labelLength = 0;
    for (const char c : name) {
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
            continue;
        }
        if (!isLabelChar(c) || ++labelLength > 63)
            return false;
    }
    return labelLength > 0;
}

bool isSameOrSubdomain(QByteArrayView domain, QByteArrayView parent)
{
    if (parent.isEmpty())
        return false;
    if (domain.compare(parent, Qt::CaseInsensitive) == 0)
        return true;
    return domain.size() > parent.size() + 1 && domain[domain.size() - parent.size() - 1] == '.' &&
           domain.last(parent.size()).compare(parent, Qt::CaseInsensitive) == 0;
}

QString DkimSignature::keyName() const
{
    return utf8(selector) + QStringLiteral("._domainkey.") + utf8(domain);
}

QByteArray DkimSignature::identityDomain() const
{
    return identity.mid(identity.lastIndexOf('@') + 1);
}

DkimSignature::Parse DkimSignature::parse(QByteArrayView value)
{
    Parse parse;
    DkimSignature& sig = parse.signature;

    const DkimTagList::Parse tags = DkimTagList::parse(value);
    // Keep what identifies the signature, even from a list that failed to parse.
    sig.algorithmName = tags.list.value("a");
    sig.domain = tags.list.value("d");
    sig.selector = tags.list.value("s");
    sig.signatureBase64 = withoutWhitespace(tags.list.value("b"));
    sig.identity = tags.list.contains("i") ? tags.list.value("i") : "@" + sig.domain;
    if (!tags.ok())
        return failed(parse, DkimReason::Syntax,
                      QStringLiteral("the DKIM-Signature is malformed: %1").arg(tags.error));
    const DkimTagList& list = tags.list;

    // RFC 6376 3.5 v=: REQUIRED, "1".
    if (!list.contains("v"))
        return failed(parse, DkimReason::Syntax,
                      QStringLiteral("the DKIM-Signature has no version tag (v=)"));
    if (list.value("v") != "1")
        return failed(parse, DkimReason::UnsupportedVersion,
                      QStringLiteral("DKIM-Signature version \"%1\" is not supported (only v=1)")
                          .arg(utf8(list.value("v"))));
    // RFC 6376 6.1.1: a signature without a required tag MUST be ignored (permerror).
    for (const char* required : {"a", "b", "bh", "d", "h", "s"}) {
        if (!list.contains(required))
            return failed(
                parse, DkimReason::Syntax,
                QStringLiteral("the DKIM-Signature lacks the required tag %1=").arg(QLatin1String(required)));
    }

    // RFC 6376 3.5 a=, RFC 8463 3, RFC 8301 3.1 (rsa-sha1 MUST NOT be accepted).
    if (sig.algorithmName == "rsa-sha256") {
        sig.algorithm = DkimAlgorithm::RsaSha256;
    } else if (sig.algorithmName == "ed25519-sha256") {
        sig.algorithm = DkimAlgorithm::Ed25519Sha256;
    } else if (sig.algorithmName == "rsa-sha1") {
        return failed(parse, DkimReason::UnsupportedAlgorithm,
                      QStringLiteral("the algorithm rsa-sha1 is no longer accepted (RFC 8301)"));
    } else {
        return failed(
            parse, DkimReason::UnsupportedAlgorithm,
            QStringLiteral("the signing algorithm \"%1\" is not supported").arg(utf8(sig.algorithmName)));
    }

    bool ok = false;
    sig.signature = crypto::Base64::decode(sig.signatureBase64, &ok);
    if (!ok || sig.signature.isEmpty())
        return failed(parse, DkimReason::Syntax,
                      QStringLiteral("the signature data (b=) is not valid base64"));
    sig.bodyHash = crypto::Base64::decode(list.value("bh"), &ok);
    if (!ok || sig.bodyHash.isEmpty())
        return failed(parse, DkimReason::Syntax, QStringLiteral("the body hash (bh=) is not valid base64"));

    // RFC 6376 3.5 c=: header[/body], each "simple" (the default) or "relaxed".
    if (list.contains("c")) {
        const QByteArray c = list.value("c");
        const qsizetype slash = c.indexOf('/');
        const auto headerCanon = DkimCanon::fromName(slash < 0 ? c : c.left(slash));
        const auto bodyCanon =
            slash < 0 ? std::optional(DkimCanonicalization::Simple) : DkimCanon::fromName(c.mid(slash + 1));
        if (!headerCanon || !bodyCanon)
            return failed(parse, DkimReason::UnsupportedCanonicalization,
                          QStringLiteral("the canonicalization \"%1\" is not supported").arg(utf8(c)));
        sig.headerCanonicalization = *headerCanon;
        sig.bodyCanonicalization = *bodyCanon;
    }

    if (!isValidDkimDomain(sig.domain))
        return failed(
            parse, DkimReason::Syntax,
            QStringLiteral("the signing domain (d=) \"%1\" is not a domain name").arg(utf8(sig.domain)));
    if (!isValidDkimDomain(sig.selector))
        return failed(parse, DkimReason::Syntax,
                      QStringLiteral("the selector (s=) \"%1\" is not valid").arg(utf8(sig.selector)));

    // RFC 6376 3.5 h=: a colon-separated list of field names; 5.4 and 6.1.1: From MUST be signed.
    sig.signedHeaders = colonList(list.value("h"));
    bool signsFrom = false;
    for (const QByteArray& name : std::as_const(sig.signedHeaders)) {
        if (!isFieldName(name))
            return failed(parse, DkimReason::Syntax,
                          QStringLiteral("the signed header list (h=) contains an invalid field name"));
        signsFrom = signsFrom || name.compare("from", Qt::CaseInsensitive) == 0;
    }
    if (!signsFrom)
        return failed(parse, DkimReason::FromNotSigned,
                      QStringLiteral("the signature does not cover the From field (h= lacks From)"));

    // RFC 6376 3.5 i=: [local-part] "@" domain, the domain being d= or a subdomain of it.
    if (list.contains("i")) {
        if (!sig.identity.contains('@'))
            return failed(parse, DkimReason::Syntax,
                          QStringLiteral("the identity (i=) \"%1\" has no \"@\"").arg(utf8(sig.identity)));
        if (!isSameOrSubdomain(sig.identityDomain(), sig.domain))
            return failed(parse, DkimReason::IdentityNotInDomain,
                          QStringLiteral("the identity (i=) \"%1\" is not within the signing domain %2")
                              .arg(utf8(sig.identity), utf8(sig.domain)));
    }

    // RFC 6376 3.5 l=: 1*76DIGIT.
    if (list.contains("l")) {
        sig.bodyLength = parseNumber(list.value("l"), 76);
        if (!sig.bodyLength)
            return failed(parse, DkimReason::Syntax, QStringLiteral("the body length (l=) is not a number"));
    }

    // RFC 6376 3.5 q=: default "dns/txt", the only method defined.
    if (list.contains("q")) {
        bool dnsTxt = false;
        for (const QByteArray& method : colonList(list.value("q")))
            dnsTxt = dnsTxt || method.compare("dns/txt", Qt::CaseInsensitive) == 0;
        if (!dnsTxt)
            return failed(parse, DkimReason::UnsupportedQueryMethod,
                          QStringLiteral("the key query method (q=) \"%1\" is not supported")
                              .arg(utf8(list.value("q"))));
    }

    if (list.contains("t")) {
        sig.timestamp = parseNumber(list.value("t"), MaxTimeDigits);
        if (!sig.timestamp)
            return failed(parse, DkimReason::Syntax, QStringLiteral("the timestamp (t=) is not a number"));
    }
    if (list.contains("x")) {
        sig.expiration = parseNumber(list.value("x"), MaxTimeDigits);
        if (!sig.expiration)
            return failed(parse, DkimReason::Syntax, QStringLiteral("the expiration (x=) is not a number"));
        // RFC 6376 3.5 x=: MUST be greater than t= when both are present.
        if (sig.timestamp && *sig.expiration < *sig.timestamp)
            return failed(parse, DkimReason::Syntax,
                          QStringLiteral("the signature expires (x=) before it was made (t=)"));
    }
    sig.copiedHeaders = list.value("z");
    return parse;
}

} // namespace pw::auth
