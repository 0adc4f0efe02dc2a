// postwardenctl check: the whole diagnostics suite (DNS records, network) without a service.

#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/crypto/KeyPair.h"
#include "shared/diag/DiagnosticsEngine.h"
#include "shared/diag/StandardChecks.h"
#include "shared/dns/LdnsResolver.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <unistd.h>

namespace pw::ctl {

namespace {

// Lives until the program ends: the resolver and the input outlive every running check.
class CheckSession : public QObject
{
public:
    CheckSession(const dns::ResolverOptions& options, QObject* parent)
        : QObject(parent)
        , resolver(new dns::LdnsResolver(options, this))
    {}

    dns::LdnsResolver* resolver;
    diag::DiagnosticsEngine* engine = nullptr;
    diag::DiagnosticsInput input;
    bool json = false;
};

bool isTerminal(FILE* stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

QString statusLabel(diag::CheckStatus status)
{
    switch (status) {
    case diag::CheckStatus::Pass:
        return tr("PASS");
    case diag::CheckStatus::Info:
        return tr("INFO");
    case diag::CheckStatus::Warn:
        return tr("WARN");
    case diag::CheckStatus::Fail:
        return tr("FAIL");
    case diag::CheckStatus::Unknown:
        return tr("????");
    }
    return {};
}

const char* statusColour(diag::CheckStatus status)
{
    switch (status) {
    case diag::CheckStatus::Pass:
        return "\033[32m"; // green
    case diag::CheckStatus::Info:
        return "\033[36m"; // cyan
    case diag::CheckStatus::Warn:
        return "\033[33m"; // yellow
    case diag::CheckStatus::Fail:
        return "\033[1;31m"; // bold red
    case diag::CheckStatus::Unknown:
        return "\033[35m"; // magenta
    }
    return "";
}

// The area a result belongs to: the first part of its id ("mx", "spf", "port", "tls" …).
QString groupOf(const diag::CheckResult& result)
{
    return result.id.section(QLatin1Char('.'), 0, 0);
}

QString groupTitle(const QString& group)
{
    static const QHash<QString, const char*> titles{
        {QStringLiteral("mx"), QT_TRANSLATE_NOOP("pw::ctl", "Mail exchangers (MX)")},
        {QStringLiteral("spf"), QT_TRANSLATE_NOOP("pw::ctl", "Sender policy (SPF)")},
        {QStringLiteral("dkim"), QT_TRANSLATE_NOOP("pw::ctl", "Signing keys (DKIM)")},
        {QStringLiteral("dmarc"), QT_TRANSLATE_NOOP("pw::ctl", "Domain policy (DMARC)")},
        {QStringLiteral("ip"), QT_TRANSLATE_NOOP("pw::ctl", "Public IP address")},
        {QStringLiteral("hostname"), QT_TRANSLATE_NOOP("pw::ctl", "Host name")},
        {QStringLiteral("ptr"), QT_TRANSLATE_NOOP("pw::ctl", "Reverse DNS (PTR)")},
        {QStringLiteral("blocklist"), QT_TRANSLATE_NOOP("pw::ctl", "IP blocklists")},
        {QStringLiteral("dbl"), QT_TRANSLATE_NOOP("pw::ctl", "Domain blocklists")},
        {QStringLiteral("port"), QT_TRANSLATE_NOOP("pw::ctl", "Ports and connectivity")},
        {QStringLiteral("tls"), QT_TRANSLATE_NOOP("pw::ctl", "TLS certificates")},
    };
    const auto it = titles.constFind(group);
    return it == titles.cend() ? group.toUpper() : tr(it.value());
}

// Every line of a text that may hold several (a record to publish, say), indented alike.
QString indented(const QString& text, int width)
{
    const QString pad(width, QLatin1Char(' '));
    return pad + QString(text).replace(QLatin1Char('\n'), QLatin1Char('\n') + pad);
}

void printReport(CtlContext& ctx, const diag::CheckResults& results)
{
    QTextStream& out = ctx.out();
    const bool colour = isTerminal(stdout);
    const auto paint = [colour](diag::CheckStatus status, const QString& text) {
        return colour ? QString::fromLatin1(statusColour(status)) + text + QStringLiteral("\033[0m") : text;
    };
    QString group;
    QMap<diag::CheckStatus, int> counts;
    for (const diag::CheckResult& result : results) {
        ++counts[result.status];
        if (groupOf(result) != group) {
            group = groupOf(result);
            out << '\n'
                << (colour ? QStringLiteral("\033[1m%1\033[0m").arg(groupTitle(group)) : groupTitle(group))
                << '\n';
        }
        out << QStringLiteral("  [%1] %2: %3\n")
                   .arg(paint(result.status, statusLabel(result.status)), result.title, result.summary);
        if (!result.explanation.isEmpty())
            out << indented(result.explanation, 9) << '\n';
        if (!result.fix.isEmpty())
            out << indented(tr("Fix: %1").arg(result.fix), 9) << '\n';
        for (const QString& line : result.evidence)
            out << QStringLiteral("           | ") << line << '\n';
    }
    const diag::CheckStatus worst = diag::worstStatus(results);
    out << '\n'
        << tr("Summary: %1 passed, %2 warnings, %3 failed, %4 could not tell, %5 notes")
               .arg(counts.value(diag::CheckStatus::Pass))
               .arg(counts.value(diag::CheckStatus::Warn))
               .arg(counts.value(diag::CheckStatus::Fail))
               .arg(counts.value(diag::CheckStatus::Unknown))
               .arg(counts.value(diag::CheckStatus::Info))
        << '\n'
        << tr("Verdict: %1").arg(paint(worst, diag::checkStatusName(worst))) << '\n';
}

void printJson(CtlContext& ctx, const diag::CheckResults& results)
{
    QJsonArray array;
    for (const diag::CheckResult& result : results)
        array.append(result.toJson());
    const QJsonObject object{
        {QStringLiteral("results"), array},
        {QStringLiteral("verdict"), diag::checkStatusName(diag::worstStatus(results))},
    };
    ctx.out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// A DKIM key file: the private key the service signs with, or the public key alone.
std::optional<diag::DkimKeyExpectation> loadDkimKey(const QString& selector, const QString& path,
                                                    QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray pem = file.readAll();
    crypto::Result<crypto::KeyPair> key = crypto::KeyPair::fromPrivatePem(pem);
    if (!key.ok())
        key = crypto::KeyPair::fromPublicPem(pem);
    if (!key.ok()) {
        *error = tr("%1 holds no PEM key: %2").arg(path, key.error().message);
        return std::nullopt;
    }
    diag::DkimKeyExpectation expectation;
    expectation.selector = selector;
    expectation.type = key.value().type();
    const auto publicKey =
        expectation.type == crypto::KeyType::Ed25519 ? key.value().rawPublicKey() : key.value().publicDer();
    if (!publicKey.ok()) {
        *error = tr("%1: %2").arg(path, publicKey.error().message);
        return std::nullopt;
    }
    expectation.publicKey = publicKey.value();
    return expectation;
}

struct CheckOptions
{
    diag::DiagnosticsInput input;
    QStringList dnsServers;
    bool json = false;
};

const char* kUsage = QT_TRANSLATE_NOOP(
    "pw::ctl",
    "usage: postwardenctl check --domain D [--ip IP]... [--hostname H] [--dns-server HOST:PORT] "
    "[--dns-only] [--json] [--dkim-selector SEL --dkim-key FILE.pem]... [--outbound-target HOST] "
    "[--outbound-port PORT] [--ports 25,465,587,993] [--listener ROLE=HOST:PORT]... [--timeout SECONDS]");

// Parses the arguments; on a usage error returns nothing with the reason in *error.
std::optional<CheckOptions> parseOptions(const QStringList& args, bool json, QString* error)
{
    CheckOptions options;
    options.json = json;
    diag::DiagnosticsInput& input = options.input;
    input.dkimKeys.clear();
    QString pendingSelector;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--json")) {
            options.json = true;
            continue;
        }
        if (arg == QLatin1String("--dns-only")) {
            input.dnsOnly = true;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--")) || i + 1 >= args.size()) {
            *error = arg.startsWith(QLatin1String("--")) ? tr("%1 needs a value").arg(arg)
                                                         : tr("check: unexpected argument %1").arg(arg);
            return std::nullopt;
        }
        const QString value = args.at(++i);
        if (arg == QLatin1String("--domain")) {
            input.domain = value;
        } else if (arg == QLatin1String("--hostname")) {
            input.hostname = value;
        } else if (arg == QLatin1String("--ip")) {
            const QHostAddress address(value);
            if (address.isNull()) {
                *error = tr("--ip: %1 is not an IP address").arg(value);
                return std::nullopt;
            }
            input.publicAddresses.append(address);
        } else if (arg == QLatin1String("--dns-server")) {
            options.dnsServers.append(value);
        } else if (arg == QLatin1String("--outbound-target")) {
            input.outboundTarget = value;
        } else if (arg == QLatin1String("--outbound-port") || arg == QLatin1String("--timeout")) {
            bool ok = false;
            const uint number = value.toUInt(&ok);
            if (!ok || number == 0 || number > 65535) {
                *error = tr("%1: %2 is not a valid number").arg(arg, value);
                return std::nullopt;
            }
            if (arg == QLatin1String("--timeout"))
                input.tcpTimeout = std::chrono::seconds(number);
            else
                input.outboundPort = static_cast<quint16>(number);
        } else if (arg == QLatin1String("--ports")) {
            input.publicPorts.clear();
            for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const uint port = part.trimmed().toUInt(&ok);
                if (!ok || port == 0 || port > 65535) {
                    *error = tr("--ports: %1 is not a port").arg(part);
                    return std::nullopt;
                }
                input.publicPorts.append(static_cast<quint16>(port));
            }
        } else if (arg == QLatin1String("--listener")) {
            const QString role = value.section(QLatin1Char('='), 0, 0);
            const auto address = core::HostPort::parse(value.section(QLatin1Char('='), 1), error);
            if (role.isEmpty() || !address) {
                *error = tr("--listener wants ROLE=HOST:PORT, got %1").arg(value);
                return std::nullopt;
            }
            const bool implicitTls = role == QLatin1String("submissions") || role == QLatin1String("imaps");
            input.localListeners.append({role, *address, implicitTls});
        } else if (arg == QLatin1String("--dkim-selector")) {
            pendingSelector = value;
        } else if (arg == QLatin1String("--dkim-key")) {
            if (pendingSelector.isEmpty()) {
                *error = tr("--dkim-key needs a --dkim-selector before it");
                return std::nullopt;
            }
            const auto key = loadDkimKey(std::exchange(pendingSelector, {}), value, error);
            if (!key)
                return std::nullopt;
            input.dkimKeys.append(*key);
        } else {
            *error = tr("check: unknown option %1").arg(arg);
            return std::nullopt;
        }
    }
    if (!pendingSelector.isEmpty()) {
        *error = tr("--dkim-selector %1 needs a --dkim-key FILE.pem after it").arg(pendingSelector);
        return std::nullopt;
    }
    if (input.domain.isEmpty()) {
        *error = tr(kUsage);
        return std::nullopt;
    }
    return options;
}

void runCheck(CtlContext& ctx, const QStringList& args)
{
    QString error;
    const std::optional<CheckOptions> options = parseOptions(args, ctx.json(), &error);
    if (!options) {
        ctx.finish(ExitUsage, error);
        return;
    }
    dns::ResolverOptions resolverOptions;
    resolverOptions.servers = options->dnsServers;
    auto* session = new CheckSession(resolverOptions, QCoreApplication::instance());
    if (!session->resolver->configurationError().isEmpty()) {
        ctx.finish(ExitUsage, tr("--dns-server: %1").arg(session->resolver->configurationError()));
        return;
    }
    session->input = options->input;
    session->json = options->json;
    session->engine = new diag::DiagnosticsEngine(*session->resolver, diag::standardChecks(), session);
    // The engine's own per-check limit: a little longer than a probe's, so that probes report
    // their own timeouts.
    session->engine->setCheckTimeout(
        std::max(std::chrono::milliseconds(30000), session->input.tcpTimeout * 3));

    if (isTerminal(stderr)) {
        QObject::connect(session->engine, &diag::DiagnosticsEngine::progress, session,
                         [](int finished, int total, const QString& title) {
                             std::fprintf(stderr, "\r\033[K%s",
                                          qPrintable(tr("[%1/%2] %3").arg(finished).arg(total).arg(title)));
                             if (finished == total)
                                 std::fputs("\r\033[K", stderr);
                             std::fflush(stderr);
                         });
    }
    QObject::connect(session->engine, &diag::DiagnosticsEngine::finished, session,
                     [session, &ctx](const diag::CheckResults& results) {
                         if (session->json)
                             printJson(ctx, results);
                         else
                             printReport(ctx, results);
                         ctx.out().flush();
                         const bool failed = diag::worstStatus(results) == diag::CheckStatus::Fail;
                         ctx.finish(failed ? ExitFailed : ExitOk);
                     });
    session->engine->start(session->input);
}

} // namespace

QList<Command> checkCommands()
{
    return {
        {QStringLiteral("check"),
         QStringLiteral(
             "check --domain D [--ip IP]... [--hostname H] [--dns-server HOST:PORT] [--dns-only] [--json] "
             "[--dkim-selector SEL --dkim-key FILE.pem]... [--outbound-target HOST] [--outbound-port PORT] "
             "[--ports LIST] [--listener ROLE=HOST:PORT]... [--timeout SECONDS]"),
         tr("checks DNS records, ports, outbound SMTP and TLS certificates of a mail domain, without a "
            "running "
            "service; exits 1 when anything fails"),
         runCheck, false},
    };
}

} // namespace pw::ctl
