#include "shared/diag/checks/DkimCheck.h"

#include "shared/auth/dkim/DkimKeyRecord.h"
#include "shared/auth/records/DnsRecordGenerator.h"
#include "shared/crypto/KeyPair.h"
#include "shared/diag/checks/CheckSupport.h"
#include "shared/dns/Resolver.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pw::diag {

namespace {

// RFC 8301 3.2: signers must use RSA keys of at least 1024 bits and should use 2048.
constexpr int kMinimumRsaBits = 1024;
constexpr int kRecommendedRsaBits = 2048;

QString keyTitle(const QString& selector)
{
    return QCoreApplication::translate("pw::diag", "DKIM key \"%1\"").arg(selector);
}

QString typeName(crypto::KeyType type)
{
    return type == crypto::KeyType::Ed25519 ? QStringLiteral("ed25519") : QStringLiteral("rsa");
}

// The p= value as written in the record, whitespace kept.
QString rawPublicKey(const QString& text)
{
    static const QRegularExpression tag(QStringLiteral("(?:^|;)\\s*p\\s*=([^;]*)"));
    const QRegularExpressionMatch match = tag.match(text);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

CheckResult evaluate(const DiagnosticsInput& input, const DkimKeyExpectation& key,
                     const dns::LookupResult& lookup)
{
    const QString id = QStringLiteral("dkim.") + key.selector;
    const QString title = keyTitle(key.selector);
    const QString name = QStringLiteral("%1._domainkey.%2").arg(key.selector, input.domain);
    const QString expected = auth::DnsRecordGenerator::dkimText({key.selector, key.type, key.publicKey});
    const QString fix = publishText(name, dns::RecordType::TXT, expected);
    const QString explain =
        QCoreApplication::translate(
            "pw::diag",
            "This server signs outgoing mail with a DKIM key; receivers check the signature against the "
            "public key published at %1. If the record is missing or holds another key, the signatures "
            "fail and your mail is likely to be rejected or put in spam.")
            .arg(name);
    if (lookup.isTemporaryFailure())
        return dnsUnknown(id, title, lookup);
    const QStringList evidence = lookupEvidence(lookup);
    if (!lookup.isOk())
        return makeResult(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag", "The DKIM key record %1 is missing.").arg(name), explain,
            fix, evidence);
    if (lookup.records.size() > 1)
        return makeResult(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag", "There are %1 TXT records at %2; there must be one.")
                .arg(lookup.records.size())
                .arg(name),
            explain, QCoreApplication::translate("pw::diag", "Delete the other records. %1").arg(fix),
            evidence);
    // RFC 6376 3.6.2.2: the strings of the TXT record are joined without separator.
    const QString text = lookup.records.first().text;
    const auth::DkimKeyRecord::Parse parse = auth::DkimKeyRecord::parse(text.toUtf8());
    if (!parse.ok())
        return makeResult(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag", "The DKIM key record is invalid: %1.").arg(parse.error),
            explain, QCoreApplication::translate("pw::diag", "Replace it. %1").arg(fix), evidence);
    const auth::DkimKeyRecord& record = parse.record;
    if (record.isRevoked()) // RFC 6376 3.6.1: an empty p= revokes the key
        return makeResult(id, CheckStatus::Fail, title,
                          QCoreApplication::translate(
                              "pw::diag", "The DKIM key record says the key is revoked (empty p=)."),
                          explain, QCoreApplication::translate("pw::diag", "Replace it. %1").arg(fix),
                          evidence);
    if (QString::fromLatin1(record.keyType).compare(typeName(key.type), Qt::CaseInsensitive) != 0)
        return makeResult(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate("pw::diag",
                                        "The DKIM key record is for a %1 key, but this server signs with %2.")
                .arg(QString::fromLatin1(record.keyType), typeName(key.type)),
            explain, QCoreApplication::translate("pw::diag", "Replace it. %1").arg(fix), evidence);
    if (record.publicKey != key.publicKey)
        return makeResult(
            id, CheckStatus::Fail, title,
            QCoreApplication::translate(
                "pw::diag", "The DKIM key record holds a different key than this server signs with."),
            explain,
            QCoreApplication::translate("pw::diag", "Replace the value with the current key. %1").arg(fix),
            evidence);
    if (key.type == crypto::KeyType::Rsa) {
        const crypto::Result<crypto::KeyPair> pair = crypto::KeyPair::fromPublicDer(record.publicKey);
        const int bits = pair ? pair.value().bits() : 0;
        const QString explainSize = QCoreApplication::translate(
            "pw::diag",
            "RSA keys shorter than 2048 bits can be broken with enough computing power; RFC 8301 requires at "
            "least 1024 bits and recommends 2048. Receivers ignore signatures made with shorter keys.");
        const QString sizeFix = QCoreApplication::translate(
            "pw::diag", "Generate a new RSA key of 2048 bits (or an Ed25519 key) under a new selector, "
                        "publish it, then switch signing to it.");
        if (bits < kMinimumRsaBits)
            return makeResult(
                id, CheckStatus::Fail, title,
                QCoreApplication::translate("pw::diag", "The DKIM key has only %1 bits; receivers ignore it.")
                    .arg(bits),
                explainSize, sizeFix, evidence);
        if (bits < kRecommendedRsaBits)
            return makeResult(
                id, CheckStatus::Warn, title,
                QCoreApplication::translate("pw::diag", "The DKIM key has %1 bits; 2048 are recommended.")
                    .arg(bits),
                explainSize, sizeFix, evidence);
    }
    if (rawPublicKey(text).contains(QRegularExpression(QStringLiteral("\\s"))))
        return makeResult(
            id, CheckStatus::Warn, title,
            QCoreApplication::translate("pw::diag",
                                        "The DKIM key is right, but the p= value contains spaces."),
            QCoreApplication::translate("pw::diag",
                                        "Spaces inside the key usually come from copying and pasting it. The "
                                        "standard allows them, but some receivers and DNS providers do not "
                                        "handle them, and the signatures then fail there."),
            QCoreApplication::translate("pw::diag", "Publish the value again without spaces. %1").arg(fix),
            evidence);
    return makeResult(
        id, CheckStatus::Pass, title,
        QCoreApplication::translate("pw::diag", "The DKIM key record %1 matches this server's key.")
            .arg(name),
        explain, QString(), evidence);
}

} // namespace

QString DkimCheck::id() const
{
    return QStringLiteral("dkim");
}

QString DkimCheck::title() const
{
    return QCoreApplication::translate("pw::diag", "DKIM keys");
}

void DkimCheck::run(const CheckEnvironment& environment, QObject* context, Done done)
{
    const DiagnosticsInput input = environment.input;
    LookupBatch batch;
    for (const DkimKeyExpectation& key : input.dkimKeys)
        batch.add(QStringLiteral("%1._domainkey.%2").arg(key.selector, input.domain), dns::RecordType::TXT);
    batch.run(environment.resolver, context, [input, done](const QList<dns::LookupResult>& lookups) {
        CheckResults results;
        if (input.dkimKeys.isEmpty()) {
            results.append(makeResult(
                QStringLiteral("dkim"), CheckStatus::Info,
                QCoreApplication::translate("pw::diag", "DKIM keys"),
                QCoreApplication::translate("pw::diag", "No DKIM keys configured to check."),
                QCoreApplication::translate(
                    "pw::diag", "DKIM signatures prove that mail really comes from your domain. No "
                                "signing key is configured, so there is no record to compare.")));
        }
        for (qsizetype i = 0; i < input.dkimKeys.size(); ++i)
            results.append(evaluate(input, input.dkimKeys[i], lookups[i]));
        done(results);
    });
}

} // namespace pw::diag
