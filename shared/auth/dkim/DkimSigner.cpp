#include "shared/auth/dkim/DkimSigner.h"

#include "shared/auth/dkim/DkimHashing.h"
#include "shared/crypto/Base64.h"
#include "shared/crypto/Digest.h"
#include "shared/mail/HeaderParser.h"

#include <QUrl>

namespace pw::auth {

namespace {

const QByteArray FieldName = QByteArrayLiteral("DKIM-Signature");
// RFC 5322 2.1.1: lines SHOULD be no more than 78 characters.
constexpr qsizetype LineLimit = 78;

// Builds a folded tag list: tokens go on the current line while it stays within LineLimit,
// otherwise on a new line that starts with a tab (RFC 6376 3.2 allows FWS around tags and,
// in h=, around the colons).
class FoldedWriter
{
public:
    explicit FoldedWriter(qsizetype firstLineUsed)
        : m_lineLength(firstLineUsed)
    {}

    void add(QByteArrayView token, bool spaceBefore)
    {
        const qsizetype needed = token.size() + (spaceBefore ? 1 : 0);
        if (m_lineLength + needed > LineLimit && m_lineLength > 1) {
            m_text.append("\r\n\t");
            m_lineLength = 1;
        } else if (spaceBefore) {
            m_text.append(' ');
            ++m_lineLength;
        }
        m_text.append(token);
        m_lineLength += token.size();
    }

    // Base64 may break anywhere (RFC 6376 3.5 b=: FWS is ignored in the value).
    void addWrapped(QByteArrayView data)
    {
        while (!data.isEmpty()) {
            qsizetype room = LineLimit - m_lineLength;
            if (room <= 0) {
                m_text.append("\r\n\t");
                m_lineLength = 1;
                room = LineLimit - 1;
            }
            const qsizetype n = std::min(room, data.size());
            m_text.append(data.first(n));
            m_lineLength += n;
            data = data.sliced(n);
        }
    }

    void newLine()
    {
        m_text.append("\r\n\t");
        m_lineLength = 1;
    }

    [[nodiscard]] const QByteArray& text() const { return m_text; }

private:
    QByteArray m_text;
    qsizetype m_lineLength;
};

QByteArray asciiDomain(const QString& domain)
{
    const QByteArray ace = QUrl::toAce(domain.trimmed());
    return (ace.isEmpty() ? domain.trimmed().toUtf8() : ace).toLower();
}

DkimSignOutcome failure(const QString& error)
{
    DkimSignOutcome outcome;
    outcome.error = error;
    return outcome;
}

} // namespace

DkimSigner::DkimSigner(const QString& domain, const QString& selector, crypto::KeyPair key)
    : DkimSigner(domain, selector, std::make_shared<const crypto::KeyPair>(std::move(key)))
{}

DkimSigner::DkimSigner(const QString& domain, const QString& selector,
                       std::shared_ptr<const crypto::KeyPair> key)
    : m_domain(asciiDomain(domain))
    , m_selector(selector.trimmed().toUtf8())
    , m_key(std::move(key))
    , m_headerNames(defaultHeaderNames())
{}

QList<QByteArray> DkimSigner::defaultHeaderNames()
{
    return {"From",
            "Sender",
            "Reply-To",
            "Subject",
            "Date",
            "Message-ID",
            "To",
            "Cc",
            "In-Reply-To",
            "References",
            "MIME-Version",
            "Content-Type",
            "Content-Transfer-Encoding",
            "Content-Disposition",
            "List-Id",
            "List-Help",
            "List-Unsubscribe",
            "List-Unsubscribe-Post",
            "List-Subscribe",
            "List-Post",
            "List-Owner",
            "List-Archive"};
}

DkimAlgorithm DkimSigner::algorithm() const
{
    return !m_key->isNull() && m_key->type() == crypto::KeyType::Ed25519 ? DkimAlgorithm::Ed25519Sha256
                                                                         : DkimAlgorithm::RsaSha256;
}

QList<QByteArray> DkimSigner::signedHeaderList(const mail::MessageHeader& header) const
{
    QList<QByteArray> names;
    for (const QByteArray& name : m_headerNames) {
        qsizetype times = header.count(name);
        // RFC 6376 8.15: list From once more than it occurs, so that none can be added.
        if (name.compare("from", Qt::CaseInsensitive) == 0)
            ++times;
        for (qsizetype i = 0; i < times; ++i)
            names.append(name);
    }
    return names;
}

QByteArray DkimSigner::tagsWithoutSignature(const QList<QByteArray>& signedHeaders,
                                            const QByteArray& bodyHash, const QDateTime& now) const
{
    FoldedWriter writer(FieldName.size() + 1);
    writer.add("v=1;", true);
    writer.add("a=" + dkimAlgorithmName(algorithm()) + ";", true);
    writer.add("c=relaxed/relaxed;", true);
    writer.add("d=" + m_domain + ";", true);
    writer.add("s=" + m_selector + ";", true);
    const qint64 timestamp = now.toSecsSinceEpoch();
    writer.add("t=" + QByteArray::number(timestamp) + ";", true);
    if (m_validity)
        writer.add("x=" + QByteArray::number(timestamp + m_validity->count()) + ";", true);
    if (!m_identity.isEmpty())
        writer.add("i=" + m_identity + ";", true);
    for (qsizetype i = 0; i < signedHeaders.size(); ++i) {
        const bool last = i + 1 == signedHeaders.size();
        const QByteArray token = (i == 0 ? "h=" : "") + signedHeaders.at(i) + (last ? ";" : ":");
        writer.add(token, i == 0);
    }
    writer.add("bh=" + crypto::Base64::encode(bodyHash) + ";", true);
    writer.newLine();
    writer.add("b=", false);
    return writer.text();
}

DkimSignOutcome DkimSigner::sign(QByteArrayView message, const QDateTime& now) const
{
    if (!m_key->hasPrivateKey())
        return failure(QStringLiteral("cannot sign: the DKIM key has no private part"));
    if (!isValidDkimDomain(m_domain))
        return failure(
            QStringLiteral("cannot sign: \"%1\" is not a domain name").arg(QString::fromUtf8(m_domain)));
    if (!isValidDkimDomain(m_selector))
        return failure(
            QStringLiteral("cannot sign: \"%1\" is not a valid selector").arg(QString::fromUtf8(m_selector)));
    if (!m_identity.isEmpty() &&
        (!m_identity.contains('@') ||
         !isSameOrSubdomain(m_identity.mid(m_identity.lastIndexOf('@') + 1), m_domain)))
        return failure(QStringLiteral("cannot sign: the identity %1 is not within %2")
                           .arg(QString::fromUtf8(m_identity), QString::fromUtf8(m_domain)));

    const mail::HeaderParseResult parsed = mail::HeaderParser().parse(message);
    if (!parsed.ok())
        return failure(QStringLiteral("cannot sign: %1").arg(parsed.error.message));
    const mail::MessageHeader& header = parsed.header;
    // RFC 6376 5.4: From MUST be signed; RFC 5322 3.6: exactly one From.
    if (header.count("From") != 1)
        return failure(QStringLiteral("cannot sign: the message must have exactly one From field, it has %1")
                           .arg(header.count("From")));

    // RFC 6376 5.3 / 3.7 step 1: the body hash.
    const QByteArrayView body = message.sliced(std::min(header.bodyOffset(), message.size()));
    const DkimHashing::BodyHash bodyHash = DkimHashing::bodyHash(body, DkimCanonicalization::Relaxed);

    // RFC 6376 5.5 / 3.7 step 2: sign the header fields and our own field with an empty b=.
    const QList<QByteArray> signedHeaders = signedHeaderList(header);
    const QByteArray tags = tagsWithoutSignature(signedHeaders, bodyHash.digest, now);
    const mail::HeaderField unsignedField = mail::HeaderField::create(FieldName, tags);
    const QByteArray input =
        DkimHashing::headerHashInput(header, signedHeaders, DkimCanonicalization::Relaxed, unsignedField);
    // RFC 8463 3: ed25519-sha256 signs the SHA-256 of the data; rsa-sha256 hashes it itself.
    const auto signature = algorithm() == DkimAlgorithm::Ed25519Sha256
                               ? m_key->sign(crypto::Digest::sha256(input))
                               : m_key->sign(input);
    if (!signature.ok())
        return failure(QStringLiteral("cannot sign: %1").arg(signature.error().message));

    // RFC 6376 3.5 b=: FWS may appear anywhere in the value; fold it to the line limit.
    FoldedWriter writer(tags.size() - (tags.lastIndexOf('\n') + 1));
    writer.addWrapped(crypto::Base64::encode(signature.value()));
    DkimSignOutcome outcome;
    outcome.headerField = unsignedField.raw();
    outcome.headerField.chop(2);
    outcome.headerField.append(writer.text()).append("\r\n");
    return outcome;
}

DkimSignOutcome DkimSigner::signAll(std::span<const DkimSigner* const> signers, QByteArrayView message,
                                    const QDateTime& now)
{
    DkimSignOutcome all;
    for (const DkimSigner* signer : signers) {
        const DkimSignOutcome one = signer->sign(message, now);
        if (!one.ok())
            return one;
        all.headerField.append(one.headerField);
    }
    return all;
}

} // namespace pw::auth
