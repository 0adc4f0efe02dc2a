// postwardenctl test-message: what a receiving server concludes about a message from one of our
// addresses (deliverability.test), and with --with-checks the deliverability score over the
// diagnostics of the service's domain.

#include "app/ServiceDiagnosticsInput.h"
#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/diag/DeliverabilityScore.h"
#include "shared/diag/DiagnosticsEngine.h"
#include "shared/diag/StandardChecks.h"
#include "shared/dns/LdnsResolver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <unistd.h>

namespace pw::ctl {

namespace {

const char* kUsage = QT_TRANSLATE_NOOP(
    "pw::ctl", "usage: postwardenctl test-message --from ADDRESS [--with-checks] [--message] [--json]");

struct TestOptions
{
    QString from;
    bool withChecks = false;
    bool showMessage = false;
};

// Lives until the program ends: the resolver and the engine outlive every running check.
class ScoreSession : public QObject
{
public:
    using QObject::QObject;
    dns::LdnsResolver* resolver = nullptr;
    diag::DiagnosticsEngine* engine = nullptr;
    QJsonObject answer;
};

void printAuth(CtlContext& ctx, const QJsonObject& answer, bool showMessage)
{
    QTextStream& out = ctx.out();
    out << tr("Test message from %1").arg(answer.value(QStringLiteral("from")).toString()) << '\n';
    const QJsonObject spf = answer.value(QStringLiteral("spf")).toObject();
    out << "  " << tr("SPF:   %1").arg(spf.value(QStringLiteral("result")).toString());
    QStringList perAddress;
    for (const QJsonValue& value : spf.value(QStringLiteral("addresses")).toArray()) {
        const QJsonObject address = value.toObject();
        perAddress << tr("%1 from %2")
                          .arg(address.value(QStringLiteral("result")).toString(),
                               address.value(QStringLiteral("address")).toString());
    }
    if (!perAddress.isEmpty())
        out << " (" << perAddress.join(QStringLiteral(", ")) << ')';
    out << '\n';
    if (const QString why = spf.value(QStringLiteral("explanation")).toString(); !why.isEmpty())
        out << "         " << why << '\n';
    const QJsonArray dkim = answer.value(QStringLiteral("dkim")).toArray();
    for (const QJsonValue& value : dkim) {
        const QJsonObject signature = value.toObject();
        out << "  " << tr("DKIM:  %1").arg(signature.value(QStringLiteral("result")).toString());
        if (const QString domain = signature.value(QStringLiteral("domain")).toString(); !domain.isEmpty())
            out << ' '
                << tr("(d=%1 s=%2)").arg(domain, signature.value(QStringLiteral("selector")).toString());
        if (const QString reason = signature.value(QStringLiteral("reason")).toString();
            !reason.isEmpty() &&
            signature.value(QStringLiteral("result")).toString() != QLatin1String("pass"))
            out << ": " << reason;
        out << '\n';
    }
    const QJsonObject dmarc = answer.value(QStringLiteral("dmarc")).toObject();
    out << "  " << tr("DMARC: %1").arg(dmarc.value(QStringLiteral("result")).toString());
    if (const QString policy = dmarc.value(QStringLiteral("policy")).toString(); !policy.isEmpty())
        out << ' ' << tr("(policy %1)").arg(policy);
    out << '\n';
    if (const QString error = answer.value(QStringLiteral("sign_error")).toString(); !error.isEmpty())
        out << "  " << tr("Not signed: %1").arg(error) << '\n';
    out << '\n'
        << answer.value(QStringLiteral("authentication_results")).toString().remove(QLatin1Char('\r'))
        << '\n';
    if (showMessage)
        out << '\n' << answer.value(QStringLiteral("message")).toString().remove(QLatin1Char('\r'));
}

void printScore(CtlContext& ctx, const diag::DeliverabilityScore& score)
{
    QTextStream& out = ctx.out();
    out << '\n' << tr("Score: %1 / 10").arg(diag::DeliverabilityScore::formatPoints(score.score)) << '\n';
    for (const diag::ScoreDeduction& line : score.deductions) {
        const QString points =
            line.unknown ? tr("?")
                         : QStringLiteral("-") + diag::DeliverabilityScore::formatPoints(line.points);
        out << "  " << points.rightJustified(5) << "  " << line.title << ": " << line.why << '\n';
        if (!line.fix.isEmpty())
            out << "         " << tr("Fix: %1").arg(line.fix) << '\n';
    }
    if (score.deductions.isEmpty())
        out << "  " << tr("Nothing to improve.") << '\n';
}

void runChecks(CtlContext& ctx, const QJsonObject& answer, bool json, bool showMessage)
{
    const QString domain = answer.value(QStringLiteral("from")).toString().section(QLatin1Char('@'), -1);
    auto* session = new ScoreSession(QCoreApplication::instance());
    session->answer = answer;
    app::loadServiceDiagnosticsInput(
        ctx.client(), domain, session,
        [session, &ctx, json, showMessage](const app::ServiceDiagnosticsInput& loaded) {
            if (!loaded.error.isEmpty()) {
                ctx.finish(ExitUnavailable, loaded.error);
                return;
            }
            dns::ResolverOptions options;
            options.servers = loaded.dnsServers;
            session->resolver = new dns::LdnsResolver(options, session);
            session->engine =
                new diag::DiagnosticsEngine(*session->resolver, diag::standardChecks(), session);
            session->engine->setCheckTimeout(
                std::max(std::chrono::milliseconds(30000), loaded.input.tcpTimeout * 3));
            if (::isatty(::fileno(stderr)) == 1) {
                QObject::connect(session->engine, &diag::DiagnosticsEngine::progress, session,
                                 [](int finished, int total, const QString& title) {
                                     std::fprintf(
                                         stderr, "\r\033[K%s",
                                         qPrintable(tr("[%1/%2] %3").arg(finished).arg(total).arg(title)));
                                     if (finished == total)
                                         std::fputs("\r\033[K", stderr);
                                     std::fflush(stderr);
                                 });
            }
            QObject::connect(session->engine, &diag::DiagnosticsEngine::finished, session,
                             [session, &ctx, json, showMessage](const diag::CheckResults& results) {
                                 const diag::DeliverabilityScore score = diag::DeliverabilityScore::compute(
                                     diag::DeliverabilityAuth::fromJson(session->answer), results);
                                 if (json) {
                                     QJsonObject object = session->answer;
                                     QJsonArray checks;
                                     for (const diag::CheckResult& result : results)
                                         checks.append(result.toJson());
                                     object.insert(QStringLiteral("score"), score.toJson());
                                     object.insert(QStringLiteral("checks"), checks);
                                     ctx.out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
                                 } else {
                                     printAuth(ctx, session->answer, showMessage);
                                     printScore(ctx, score);
                                 }
                                 ctx.out().flush();
                                 ctx.finish(ExitOk);
                             });
            session->engine->start(loaded.input);
        });
}

void runTestMessage(CtlContext& ctx, const QStringList& args)
{
    TestOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--json")) {
            ctx.setJson(true);
        } else if (arg == QLatin1String("--with-checks")) {
            options.withChecks = true;
        } else if (arg == QLatin1String("--message")) {
            options.showMessage = true;
        } else if (arg == QLatin1String("--from") && i + 1 < args.size()) {
            options.from = args.at(++i);
        } else {
            ctx.finish(ExitUsage, tr(kUsage));
            return;
        }
    }
    if (options.from.isEmpty()) {
        ctx.finish(ExitUsage, tr(kUsage));
        return;
    }
    ctx.call(QStringLiteral("deliverability.test"), QJsonObject{{QStringLiteral("from"), options.from}},
             [&ctx, options](const QJsonValue& result) {
                 if (options.withChecks) {
                     runChecks(ctx, result.toObject(), ctx.json(), options.showMessage);
                     return;
                 }
                 ctx.print(result, [&ctx, options](const QJsonValue& value) {
                     printAuth(ctx, value.toObject(), options.showMessage);
                 });
                 ctx.finish(ExitOk);
             });
}

} // namespace

QList<Command> testMessageCommands()
{
    return {{QStringLiteral("test-message"),
             QStringLiteral("test-message --from ADDRESS [--with-checks] [--message] [--json]"),
             tr("SPF, DKIM and DMARC of a test message from one of your addresses, as a receiving server "
                "sees them; with --with-checks also the diagnostics and a deliverability score out of 10"),
             runTestMessage}};
}

} // namespace pw::ctl
