// postwardenctl verify: DKIM and DMARC for a saved message, without a running service.

#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/mail/HeaderAddress.h"
#include "shared/auth/dkim/DkimVerifier.h"
#include "shared/auth/dmarc/DmarcEvaluator.h"
#include "shared/auth/dmarc/PublicSuffixList.h"
#include "shared/dns/LdnsResolver.h"
#include "shared/mail/HeaderParser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::ctl {

namespace {

// Everything a verification needs until it ends; a child of the application, so that the
// resolver outlives every lookup and the callbacks can use it.
class VerifySession : public QObject
{
public:
    VerifySession(const dns::ResolverOptions& options, QObject* parent)
        : QObject(parent)
        , resolver(new dns::LdnsResolver(options, this))
        , verifier(*resolver)
        , evaluator(*resolver, auth::PublicSuffixList::system())
    {}

    dns::LdnsResolver* resolver;
    auth::DkimVerifier verifier;
    auth::DmarcEvaluator evaluator;
    QString file;
    QString fromDomain;
    bool json = false;
};

// Bare LF line ends (a file saved on Unix) become CRLF, as the message travelled (RFC 5322 2.1).
QByteArray toCrlf(const QByteArray& data)
{
    QByteArray result;
    result.reserve(data.size() + data.count('\n'));
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (c == '\n' && (i == 0 || data.at(i - 1) != '\r'))
            result.append('\r');
        result.append(c);
    }
    return result;
}


// Plain words for a DKIM result; the verifier's own text where we have nothing better.
QString explainDkim(const auth::DkimResult& result)
{
    using auth::DkimReason;
    switch (result.reason) {
    case DkimReason::NotSigned:
        return tr("the message has no DKIM signature");
    case DkimReason::BodyHashMismatch:
        return tr("body hash does not match: the message was changed after signing");
    case DkimReason::SignatureMismatch:
        return tr("signature does not verify: the signed header fields were changed, or the key in DNS is "
                  "not the one that signed");
    case DkimReason::KeyMissing:
        return tr("no key record was found at %1._domainkey.%2").arg(result.selector, result.domain);
    case DkimReason::KeyRevoked:
        return tr("the key has been revoked (empty p= in the key record)");
    case DkimReason::KeyLookupFailed:
        return tr("the key could not be fetched now (DNS failure); this may pass later");
    case DkimReason::Expired:
        return tr("the signature has expired (x= is in the past)");
    default:
        return result.reasonText;
    }
}

QString describeSignature(const auth::DkimResult& result)
{
    QStringList parts;
    if (!result.domain.isEmpty())
        parts << QStringLiteral("d=") + result.domain;
    if (!result.selector.isEmpty())
        parts << QStringLiteral("s=") + result.selector;
    if (!result.algorithm.isEmpty())
        parts << result.algorithm;
    return parts.join(QLatin1Char(' '));
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

void report(VerifySession* session, CtlContext& ctx, const auth::DkimVerification& dkim,
            const auth::DmarcEvaluation& dmarc)
{
    const bool dmarcPass = dmarc.status == auth::DmarcStatus::Pass;
    const bool noPolicy = dmarc.status == auth::DmarcStatus::None;
    const bool passed = dmarcPass || (noPolicy && dkim.hasPass());
    const QString spfNote = tr("SPF was not checked: a saved message does not tell which IP address sent it, "
                               "so only DKIM can align with the From domain here.");
    const QString policy = dmarc.record ? dmarcPolicyName(dmarc.appliedPolicy) : QString();

    QString verdictText;
    if (dmarcPass)
        verdictText = tr("pass: DMARC passes for %1").arg(session->fromDomain);
    else if (passed)
        verdictText =
            tr("pass: %1 publishes no DMARC policy, and a DKIM signature verifies").arg(session->fromDomain);
    else if (noPolicy)
        verdictText =
            tr("fail: %1 publishes no DMARC policy, and no DKIM signature verifies").arg(session->fromDomain);
    else
        verdictText = tr("fail: DMARC result is %1 for %2")
                          .arg(auth::dmarcStatusName(dmarc.status), session->fromDomain);

    QTextStream& out = ctx.out();
    if (session->json) {
        QJsonArray signatures;
        for (const auth::DkimResult& result : dkim.results) {
            signatures.append(QJsonObject{
                {QStringLiteral("status"), auth::dkimStatusName(result.status)},
                {QStringLiteral("domain"), result.domain},
                {QStringLiteral("selector"), result.selector},
                {QStringLiteral("algorithm"), result.algorithm},
                {QStringLiteral("reason"),
                 result.status == auth::DkimStatus::Pass ? QString() : explainDkim(result)},
            });
        }
        const QJsonObject dmarcObject{
            {QStringLiteral("status"), auth::dmarcStatusName(dmarc.status)},
            {QStringLiteral("policy"), policy},
            {QStringLiteral("disposition"), auth::dmarcDispositionName(dmarc.disposition)},
            {QStringLiteral("record"), dmarc.recordText},
            {QStringLiteral("explanation"), dmarc.explanation},
            {QStringLiteral("spf_note"), spfNote},
        };
        const QJsonObject object{
            {QStringLiteral("file"), session->file},
            {QStringLiteral("from_domain"), session->fromDomain},
            {QStringLiteral("dkim"), signatures},
            {QStringLiteral("dmarc"), dmarcObject},
            {QStringLiteral("verdict"), passed ? QStringLiteral("pass") : QStringLiteral("fail")},
            {QStringLiteral("verdict_text"), verdictText},
        };
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        for (const auth::DkimResult& result : dkim.results) {
            // An unsigned message has no d=, s= or a= to show.
            QString line = tr("DKIM %1  %2")
                               .arg(auth::dkimStatusName(result.status), describeSignature(result))
                               .trimmed();
            if (result.status != auth::DkimStatus::Pass)
                line += tr(" — %1").arg(explainDkim(result));
            else if (result.testing)
                line += tr(" (the key is in testing mode)");
            out << line.trimmed() << '\n';
        }
        if (dkim.ignoredSignatures > 0)
            out << tr("DKIM: %n further signature(s) were not evaluated", nullptr, dkim.ignoredSignatures) << '\n';
        if (dmarc.record) {
            out << tr("DMARC %1  %2: policy %3 (record at %4: \"%5\"), DKIM aligned: %6, SPF aligned: %7, "
                      "disposition: %8")
                       .arg(auth::dmarcStatusName(dmarc.status), session->fromDomain, policy,
                            dmarc.recordName, dmarc.recordText, yesNo(dmarc.dkimAligned),
                            yesNo(dmarc.spfAligned), auth::dmarcDispositionName(dmarc.disposition))
                << '\n';
        } else {
            out << tr("DMARC %1  %2: no DMARC policy applies")
                       .arg(auth::dmarcStatusName(dmarc.status), session->fromDomain)
                << '\n';
        }
        if (!dmarc.explanation.isEmpty())
            out << QStringLiteral("  ") << dmarc.explanation << '\n';
        for (const QString& warning : dmarc.warnings)
            out << QStringLiteral("  ") << tr("warning: %1").arg(warning) << '\n';
        out << QStringLiteral("  ") << spfNote << '\n';
        out << tr("Verdict: %1").arg(verdictText) << '\n';
    }
    out.flush();
    ctx.finish(passed ? ExitOk : ExitFailed);
}

void runVerify(CtlContext& ctx, const QStringList& args)
{
    QString file;
    QString dnsServer;
    bool json = ctx.json();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--dns-server")) {
            if (i + 1 >= args.size()) {
                ctx.finish(ExitUsage, tr("--dns-server needs HOST:PORT"));
                return;
            }
            dnsServer = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            ctx.finish(ExitUsage, tr("verify: unknown option %1").arg(arg));
            return;
        } else if (file.isEmpty()) {
            file = arg;
        } else {
            ctx.finish(ExitUsage, tr("verify takes one message file"));
            return;
        }
    }
    if (file.isEmpty()) {
        ctx.finish(ExitUsage, tr("usage: postwardenctl verify FILE [--dns-server HOST:PORT] [--json]"));
        return;
    }

    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        ctx.finish(ExitUsage, tr("cannot read %1: %2").arg(file, input.errorString()));
        return;
    }
    const QByteArray message = toCrlf(input.readAll());
    const mail::HeaderParseResult parsed = mail::HeaderParser().parse(message);
    if (!parsed.ok() || parsed.header.isEmpty()) {
        ctx.finish(ExitUsage, tr("%1 is not a message: its header section cannot be parsed").arg(file));
        return;
    }
    const mail::HeaderField* from = parsed.header.field("From");
    if (from == nullptr) {
        ctx.finish(ExitUsage, tr("%1 has no From field, so DMARC cannot be evaluated").arg(file));
        return;
    }
    const QString fromDomain = mail::firstAddressDomainOf(from->value());
    if (fromDomain.isEmpty()) {
        ctx.finish(ExitUsage, tr("the From field of %1 holds no address with a domain").arg(file));
        return;
    }

    dns::ResolverOptions options;
    if (!dnsServer.isEmpty())
        options.servers = {dnsServer};
    auto* session = new VerifySession(options, QCoreApplication::instance());
    if (!session->resolver->configurationError().isEmpty()) {
        ctx.finish(ExitUsage, tr("--dns-server: %1").arg(session->resolver->configurationError()));
        return;
    }
    session->file = file;
    session->fromDomain = fromDomain;
    session->json = json;

    session->verifier.verify(
        message, QDateTime::currentDateTimeUtc(), session,
        [session, &ctx](const auth::DkimVerification& dkim) {
            auth::DmarcInput dmarcInput;
            dmarcInput.fromDomain = session->fromDomain;
            dmarcInput.spfPass = false; // the connecting IP address is not known for a saved message
            for (const auth::DkimResult& result : dkim.results) {
                if (!result.domain.isEmpty())
                    dmarcInput.dkim.append({result.domain, result.status == auth::DkimStatus::Pass});
            }
            session->evaluator.evaluate(dmarcInput, session,
                                        [session, &ctx, dkim](const auth::DmarcEvaluation& dmarc) {
                                            report(session, ctx, dkim, dmarc);
                                        });
        });
}

} // namespace

QList<Command> messageCommands()
{
    return {
        {QStringLiteral("verify"), QStringLiteral("verify FILE [--dns-server HOST:PORT] [--json]"),
         tr("verifies the DKIM signatures and DMARC alignment of a saved message, without a running service"),
         runVerify, false},
    };
}

} // namespace pw::ctl
