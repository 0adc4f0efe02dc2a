#include "service/smtp/DeliverabilityTest.h"

#include "service/smtp/SubmissionSigner.h"
#include "service/smtp/TraceHeaders.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/auth/dmarc/DmarcEvaluator.h"
#include "shared/auth/spf/SpfCheck.h"
#include "shared/dns/Resolver.h"
#include "shared/mail/HeaderParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <memory>

namespace pw::service {

namespace {

QString translate(const char* text)
{
    return QCoreApplication::translate("pw::service::DeliverabilityTest", text);
}

// An address that answers Fail outranks one that answers SoftFail, and so on: the score is
// about the worst a receiver could see from any of the server's addresses.
int severity(auth::SpfResult::Result result)
{
    switch (result) {
    case auth::SpfResult::Pass:
        return 0;
    case auth::SpfResult::TempError:
        return 1;
    case auth::SpfResult::Neutral:
        return 2;
    case auth::SpfResult::None:
        return 3;
    case auth::SpfResult::SoftFail:
        return 4;
    case auth::SpfResult::PermError:
        return 5;
    case auth::SpfResult::Fail:
        return 6;
    }
    return 6;
}

} // namespace

DeliverabilityTest::DeliverabilityTest(const SmtpContext& context, QList<QHostAddress> publicAddresses,
                                       mail::MailAddress from, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_addresses(std::move(publicAddresses))
    , m_from(std::move(from))
    , m_now(QDateTime::currentDateTimeUtc())
{}

QByteArray DeliverabilityTest::composeMessage(const mail::MailAddress& from, const QString& hostname,
                                              const QDateTime& now)
{
    const QByteArray address = from.toString().toUtf8();
    const QByteArray body = "This message was written by Postwarden to test how receiving mail servers\r\n"
                            "see mail from " +
                            address + ". It was not sent anywhere.\r\n";
    const QByteArray message = "From: <" + address + ">\r\nTo: <" + address +
                               ">\r\nSubject: Postwarden deliverability test\r\n"
                               "MIME-Version: 1.0\r\n"
                               "Content-Type: text/plain; charset=utf-8\r\n"
                               "Content-Transfer-Encoding: 7bit\r\n\r\n" +
                               body;
    const mail::HeaderParseResult parsed = mail::HeaderParser().parse(message);
    return SubmissionSigner::completeHeader(message, parsed.header, hostname, now);
}

void DeliverabilityTest::run(Done done)
{
    m_done = std::move(done);
    const QByteArray message = composeMessage(m_from, m_context.settings.hostname, m_now);
    const QByteArray signatures =
        SubmissionSigner(m_context.dkimSigners).sign(m_from.domain(), message, m_now, &m_signError);
    m_signed = signatures + message;

    m_pending = 1; // DKIM
    m_context.dkimVerifier->verify(m_signed, m_now, this, [this](const auth::DkimVerification& dkim) {
        m_dkim = dkim;
        stepDone();
    });
    if (!m_addresses.isEmpty()) {
        addressesKnown(m_addresses);
        return;
    }
    // The host name's addresses, as the diagnostics take them when none are configured.
    ++m_pending;
    auto found = std::make_shared<QList<QHostAddress>>();
    auto left = std::make_shared<int>(2);
    for (const dns::RecordType type : {dns::RecordType::A, dns::RecordType::AAAA}) {
        m_context.resolver->lookup(m_context.settings.hostname, type, this,
                                   [this, found, left](const dns::LookupResult& result) {
                                       if (result.isOk())
                                           *found << result.addresses();
                                       if (--*left > 0)
                                           return;
                                       if (found->isEmpty())
                                           m_spfProblem = translate("the server's public address is not "
                                                                    "known: no public_addresses in the "
                                                                    "configuration and no address for %1")
                                                              .arg(m_context.settings.hostname);
                                       addressesKnown(*found);
                                       stepDone();
                                   });
    }
}

void DeliverabilityTest::addressesKnown(const QList<QHostAddress>& addresses)
{
    m_addresses = addresses;
    m_spf.resize(addresses.size());
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        auth::SpfRequest request;
        request.clientAddress = addresses.at(i);
        request.helo = m_context.settings.hostname;
        request.mailFrom = m_from.toString();
        request.receivingHost = m_context.settings.hostname;
        ++m_pending;
        auth::SpfCheck::checkHost(*m_context.resolver, request, this,
                                  [this, i](const auth::SpfResult& result) {
                                      m_spf[i] = result;
                                      stepDone();
                                  });
    }
}

void DeliverabilityTest::stepDone()
{
    if (--m_pending == 0)
        evaluateDmarc();
}

void DeliverabilityTest::evaluateDmarc()
{
    auth::SpfResult spf;
    if (m_spf.isEmpty()) {
        spf.result = auth::SpfResult::TempError;
        spf.problem = m_spfProblem;
    } else {
        spf = m_spf.first();
        for (const auth::SpfResult& result : std::as_const(m_spf)) {
            if (severity(result.result) > severity(spf.result))
                spf = result;
        }
    }
    auth::DmarcInput input;
    input.fromDomain = m_from.domain();
    input.spfPass = spf.result == auth::SpfResult::Pass;
    input.spfDomain = m_from.domain();
    for (const auth::DkimResult& result : std::as_const(m_dkim.results)) {
        if (!result.domain.isEmpty())
            input.dkim.append({result.domain, result.status == auth::DkimStatus::Pass});
    }
    m_context.dmarc->evaluate(input, this, [this, spf](const auth::DmarcEvaluation& dmarc) {
        SmtpEnvelope envelope;
        envelope.from = m_from;
        envelope.spf = spf;
        const QByteArray field = TraceHeaders::authenticationResults(
            m_context.settings.hostname, envelope, m_context.settings.hostname, m_dkim, dmarc);

        QJsonArray perAddress;
        for (qsizetype i = 0; i < m_spf.size(); ++i)
            perAddress.append(QJsonObject{{QStringLiteral("address"), m_addresses.at(i).toString()},
                                          {QStringLiteral("result"), m_spf.at(i).toString()}});
        QJsonArray dkim;
        for (const auth::DkimResult& result : std::as_const(m_dkim.results))
            dkim.append(QJsonObject{{QStringLiteral("result"), auth::dkimStatusName(result.status)},
                                    {QStringLiteral("domain"), result.domain},
                                    {QStringLiteral("selector"), result.selector},
                                    {QStringLiteral("reason"), result.reasonText}});
        const QString explanation = spf.result == auth::SpfResult::Fail ? spf.explanation : spf.problem;
        QJsonObject answer{
            {QStringLiteral("from"), m_from.toString()},
            {QStringLiteral("message"), QString::fromUtf8(m_signed)},
            {QStringLiteral("spf"), QJsonObject{{QStringLiteral("result"), spf.toString()},
                                                {QStringLiteral("explanation"), explanation},
                                                {QStringLiteral("addresses"), perAddress}}},
            {QStringLiteral("dkim"), dkim},
            {QStringLiteral("dmarc"),
             QJsonObject{{QStringLiteral("result"), auth::dmarcStatusName(dmarc.status)},
                         {QStringLiteral("policy"),
                          dmarc.record ? auth::dmarcPolicyName(dmarc.appliedPolicy) : QString()},
                         {QStringLiteral("explanation"), dmarc.explanation}}},
            {QStringLiteral("authentication_results"), QString::fromUtf8(field.trimmed())}};
        if (!m_signError.isEmpty())
            answer.insert(QStringLiteral("sign_error"), m_signError);
        const Done done = std::move(m_done);
        m_done = nullptr;
        deleteLater();
        if (done)
            done(answer);
    });
}

} // namespace pw::service
