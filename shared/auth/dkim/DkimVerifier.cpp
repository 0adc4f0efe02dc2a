#include "shared/auth/dkim/DkimVerifier.h"

#include "shared/auth/dkim/DkimSignatureCheck.h"

#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

namespace pw::auth {

namespace {

const QByteArray SignatureField = QByteArrayLiteral("DKIM-Signature");

// One message being verified: shared by the lookups in flight, freed with the last of them.
struct Job
{
    QByteArray message;
    mail::MessageHeader header;
    QList<qsizetype> fieldIndexes;    // of the checked DKIM-Signature fields
    QList<DkimSignatureCheck> checks; // one per checked field
    int pendingLookups = 0;
    DkimVerification verification;
    DkimVerifier::Callback done;

    [[nodiscard]] QByteArrayView body() const
    {
        return QByteArrayView(message).sliced(std::min(header.bodyOffset(), message.size()));
    }

    void finish()
    {
        for (const DkimSignatureCheck& check : std::as_const(checks))
            verification.results.append(check.result());
        done(verification);
    }
};

DkimResult singleResult(DkimStatus status, DkimReason reason, const QString& text)
{
    DkimResult result;
    result.status = status;
    result.reason = reason;
    result.reasonText = text;
    return result;
}

// The callback contract: never before verify() returns, and only while context lives.
void deliverLater(QObject* context, std::function<void()> call)
{
    if (context)
        QTimer::singleShot(0, context, std::move(call));
    else
        QTimer::singleShot(0, std::move(call));
}

} // namespace

DkimVerifier::DkimVerifier(dns::Resolver& resolver)
    : DkimVerifier(resolver, Options{})
{}

DkimVerifier::DkimVerifier(dns::Resolver& resolver, const Options& options)
    : m_resolver(resolver)
    , m_options(options)
{}

void DkimVerifier::verify(const QByteArray& message, const QDateTime& now, QObject* context,
                          Callback done) const
{
    auto job = std::make_shared<Job>();
    job->message = message;
    job->done = std::move(done);

    const mail::HeaderParseResult parsed = mail::HeaderParser(m_options.headerLimits).parse(message);
    if (!parsed.ok()) {
        job->verification.results.append(singleResult(
            DkimStatus::PermError, DkimReason::HeaderUnparseable,
            QStringLiteral("the message header cannot be parsed: %1").arg(parsed.error.message)));
        deliverLater(context, [job] { job->done(job->verification); });
        return;
    }
    job->header = parsed.header;

    // RFC 6376 6.1: every signature is verified independently; the topmost (newest) first.
    const QList<qsizetype> indexes = job->header.indexesOf(SignatureField);
    if (indexes.isEmpty()) {
        job->verification.results.append(singleResult(DkimStatus::None, DkimReason::NotSigned,
                                                      QStringLiteral("the message has no DKIM signature")));
        deliverLater(context, [job] { job->done(job->verification); });
        return;
    }
    const qsizetype checked = std::min<qsizetype>(indexes.size(), std::max(m_options.maxSignatures, 0));
    job->verification.ignoredSignatures = int(indexes.size() - checked);
    for (qsizetype i = 0; i < checked; ++i) {
        job->fieldIndexes.append(indexes.at(i));
        job->checks.append(DkimSignatureCheck(job->header.at(indexes.at(i)), now, m_options.clockSkew));
    }

    for (qsizetype i = 0; i < job->checks.size(); ++i) {
        if (!job->checks.at(i).isDecided())
            ++job->pendingLookups;
    }
    if (job->pendingLookups == 0) {
        deliverLater(context, [job] { job->finish(); });
        return;
    }
    for (qsizetype i = 0; i < job->checks.size(); ++i) {
        if (job->checks.at(i).isDecided())
            continue;
        // RFC 6376 6.1.2 step 1: the key record is the TXT record at "<s>._domainkey.<d>".
        m_resolver.lookup(job->checks.at(i).keyName(), dns::RecordType::TXT, context,
                          [job, i](const dns::LookupResult& lookup) {
                              job->checks[i].finish(lookup, job->header, job->fieldIndexes.at(i),
                                                    job->body());
                              if (--job->pendingLookups == 0)
                                  job->finish();
                          });
    }
}

} // namespace pw::auth
