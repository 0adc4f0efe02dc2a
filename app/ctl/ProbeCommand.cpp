// postwardenctl probe: connect to a mail server's ports from this machine, to check it from the
// outside (run it on another machine than the server).

#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/diag/checks/MailProbe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::ctl {

namespace {

using diag::MailProbeOptions;
using diag::MailProbeResult;

// What each well-known mail port speaks; other ports are taken for plain SMTP.
MailProbeOptions optionsFor(const QString& host, quint16 port, std::chrono::milliseconds timeout)
{
    MailProbeOptions options;
    options.host = host;
    options.port = port;
    options.timeout = timeout;
    options.greeting =
        (port == 143 || port == 993) ? MailProbeOptions::Greeting::Imap : MailProbeOptions::Greeting::Smtp;
    options.tls =
        (port == 465 || port == 993) ? MailProbeOptions::Tls::Implicit : MailProbeOptions::Tls::None;
    return options;
}

QStringList certificateLines(const MailProbeResult& probe)
{
    if (probe.chain.isEmpty())
        return {};
    const QSslCertificate& leaf = probe.chain.first();
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(leaf.expiryDate().toUTC());
    QStringList lines{
        tr("certificate: %1 (issuer: %2)").arg(leaf.subjectDisplayName(), leaf.issuerDisplayName()),
        tr("expires: %1 (%2 days)").arg(leaf.expiryDate().toUTC().toString(Qt::ISODate)).arg(days)};
    if (leaf.isSelfSigned())
        lines << tr("self-signed");
    for (const QSslError& error : probe.sslErrors)
        lines << tr("verification: %1").arg(error.errorString());
    return lines;
}

struct ProbeRun
{
    QString host;
    QList<quint16> ports;
    QList<std::optional<MailProbeResult>> results;
    int missing = 0;
    bool json = false;
};

void report(CtlContext& ctx, const ProbeRun& run)
{
    QTextStream& out = ctx.out();
    bool allOpen = true;
    QJsonArray array;
    for (int i = 0; i < run.ports.size(); ++i) {
        const MailProbeResult& probe = *run.results.at(i);
        const bool open = probe.outcome == MailProbeResult::Outcome::Open;
        allOpen = allOpen && open;
        const QStringList certificate = certificateLines(probe);
        if (run.json) {
            array.append(QJsonObject{
                {QStringLiteral("port"), run.ports.at(i)},
                {QStringLiteral("outcome"), diag::mailProbeOutcomeName(probe.outcome)},
                {QStringLiteral("banner"), probe.banner},
                {QStringLiteral("error"), probe.error},
                {QStringLiteral("certificate"), QJsonArray::fromStringList(certificate)},
            });
            continue;
        }
        out << QStringLiteral("%1 %2").arg(run.ports.at(i), 5).arg(diag::mailProbeOutcomeName(probe.outcome));
        if (!probe.banner.isEmpty())
            out << QStringLiteral("  ") << probe.banner.section(QLatin1Char('\n'), 0, 0);
        if (!open && !probe.error.isEmpty())
            out << QStringLiteral("  (") << probe.error << QLatin1Char(')');
        out << '\n';
        for (const QString& line : certificate)
            out << QStringLiteral("        ") << line << '\n';
    }
    if (run.json) {
        out << QJsonDocument(
                   QJsonObject{{QStringLiteral("host"), run.host}, {QStringLiteral("ports"), array}})
                   .toJson(QJsonDocument::Indented);
    }
    out.flush();
    ctx.finish(allOpen ? ExitOk : ExitFailed, allOpen ? QString() : tr("not every port answered"));
}

void runProbe(CtlContext& ctx, const QStringList& args)
{
    auto run = std::make_shared<ProbeRun>();
    run->json = ctx.json();
    run->ports = {25, 465, 587, 993};
    std::chrono::milliseconds timeout{5000};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--json")) {
            run->json = true;
        } else if ((arg == QLatin1String("--ports") || arg == QLatin1String("--timeout")) &&
                   i + 1 < args.size()) {
            const QString value = args.at(++i);
            QList<quint16> numbers;
            for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const uint number = part.trimmed().toUInt(&ok);
                if (!ok || number == 0 || number > 65535) {
                    ctx.finish(ExitUsage, tr("%1: %2 is not a valid number").arg(arg, part));
                    return;
                }
                numbers.append(static_cast<quint16>(number));
            }
            if (numbers.isEmpty() || (arg == QLatin1String("--timeout") && numbers.size() != 1)) {
                ctx.finish(ExitUsage, tr("%1 needs a value").arg(arg));
                return;
            }
            if (arg == QLatin1String("--ports"))
                run->ports = numbers;
            else
                timeout = std::chrono::seconds(numbers.first());
        } else if (arg.startsWith(QLatin1String("--"))) {
            ctx.finish(ExitUsage, tr("probe: unknown option %1").arg(arg));
            return;
        } else if (run->host.isEmpty()) {
            run->host = arg;
        } else {
            ctx.finish(ExitUsage, tr("probe takes one host"));
            return;
        }
    }
    if (run->host.isEmpty()) {
        ctx.finish(
            ExitUsage,
            tr("usage: postwardenctl probe HOST [--ports 25,465,587,993] [--timeout SECONDS] [--json]"));
        return;
    }
    run->results.resize(run->ports.size());
    run->missing = static_cast<int>(run->ports.size());
    for (int i = 0; i < run->ports.size(); ++i) {
        diag::probeMailPort(optionsFor(run->host, run->ports.at(i), timeout), QCoreApplication::instance(),
                            [run, i, &ctx](const MailProbeResult& probe) {
                                run->results[i] = probe;
                                if (--run->missing == 0)
                                    report(ctx, *run);
                            });
    }
}

} // namespace

QList<Command> probeCommands()
{
    return {
        {QStringLiteral("probe"),
         QStringLiteral("probe HOST [--ports 25,465,587,993] [--timeout SECONDS] [--json]"),
         tr("connects from this machine to HOST's mail ports and shows banners and certificates; run it on "
            "another "
            "machine to see the server from outside"),
         runProbe, false},
    };
}

} // namespace pw::ctl
