#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "shared/core/LogRecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::ctl {

namespace {

QString formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1d %2h %3m").arg(days).arg(hours).arg(minutes);
    if (hours > 0)
        return tr("%1h %2m").arg(hours).arg(minutes);
    return tr("%1m %2s").arg(minutes).arg(seconds % 60);
}

void runStatus(CtlContext& ctx, const QStringList& args)
{
    if (!args.isEmpty()) {
        ctx.finish(ExitUsage, tr("status takes no arguments"));
        return;
    }
    ctx.call(QStringLiteral("status"), {}, [&ctx](const QJsonValue& result) {
        ctx.print(result, [&ctx](const QJsonValue& value) {
            const QJsonObject s = value.toObject();
            QTextStream& out = ctx.out();
            out << tr("postwardend %1 running, pid %2, up %3")
                       .arg(s.value(QStringLiteral("version")).toString())
                       .arg(s.value(QStringLiteral("pid")).toInteger())
                       .arg(formatUptime(s.value(QStringLiteral("uptime_seconds")).toInteger()))
                << '\n';
            out << tr("  data directory: %1").arg(s.value(QStringLiteral("data_dir")).toString()) << '\n';
            out << tr("  configuration:  %1").arg(s.value(QStringLiteral("config_file")).toString()) << '\n';
            out << tr("  host name:      %1").arg(s.value(QStringLiteral("hostname")).toString()) << '\n';
            const QJsonArray listeners = s.value(QStringLiteral("listeners")).toArray();
            for (const QJsonValue& l : listeners) {
                const QJsonObject listener = l.toObject();
                out << tr("  listener:       %1 %2 (%3)")
                           .arg(listener.value(QStringLiteral("role")).toString().leftJustified(11),
                                listener.value(QStringLiteral("address")).toString(),
                                listener.value(QStringLiteral("state")).toString())
                    << '\n';
            }
            const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it)
                out << tr("  %1 %2")
                           .arg(it.key().replace(QLatin1Char('_'), QLatin1Char(' ')) + QLatin1Char(':'), -16)
                           .arg(it.value().toInteger())
                    << '\n';
        });
        ctx.finish(ExitOk);
    });
}

void printRecords(CtlContext& ctx, const QJsonArray& records)
{
    for (const QJsonValue& record : records) {
        if (ctx.json())
            ctx.out() << QJsonDocument(record.toObject()).toJson(QJsonDocument::Compact) << '\n';
        else
            ctx.out() << core::LogRecord::fromJson(record.toObject()).toText() << '\n';
    }
    ctx.out().flush();
}

void runLogs(CtlContext& ctx, const QStringList& args)
{
    bool follow = false;
    int lines = 50;
    QString level = QStringLiteral("debug");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--follow") || arg == QLatin1String("-f")) {
            follow = true;
        } else if ((arg == QLatin1String("--lines") || arg == QLatin1String("-n")) && i + 1 < args.size()) {
            bool ok = false;
            lines = args.at(++i).toInt(&ok);
            if (!ok || lines < 0) {
                ctx.finish(ExitUsage, tr("--lines needs a number"));
                return;
            }
        } else if (arg == QLatin1String("--level") && i + 1 < args.size()) {
            level = args.at(++i);
        } else {
            ctx.finish(ExitUsage, tr("unknown argument to logs: %1").arg(arg));
            return;
        }
    }
    if (!follow) {
        ctx.call(QStringLiteral("logs.tail"),
                 {{QStringLiteral("lines"), lines}, {QStringLiteral("level"), level}},
                 [&ctx](const QJsonValue& result) {
                     printRecords(ctx, result.toObject().value(QStringLiteral("records")).toArray());
                     ctx.finish(ExitOk);
                 });
        return;
    }
    QObject::connect(&ctx.client(), &control::ControlClient::notificationReceived, &ctx.client(),
                     [&ctx](const QString& method, const QJsonValue& params) {
                         if (method == QLatin1String("logs.record"))
                             printRecords(ctx, QJsonArray{params});
                     });
    QObject::connect(&ctx.client(), &control::ControlClient::disconnected, &ctx.client(),
                     [&ctx] { ctx.finish(ExitUnavailable, tr("the service went away")); });
    ctx.call(QStringLiteral("logs.subscribe"),
             {{QStringLiteral("backlog"), lines}, {QStringLiteral("level"), level}},
             [&ctx](const QJsonValue& result) {
                 printRecords(ctx, result.toObject().value(QStringLiteral("records")).toArray());
             });
}

void runShutdown(CtlContext& ctx, const QStringList& args)
{
    if (!args.isEmpty()) {
        ctx.finish(ExitUsage, tr("shutdown takes no arguments"));
        return;
    }
    ctx.call(QStringLiteral("shutdown"), {}, [&ctx](const QJsonValue& result) {
        ctx.print(result,
                  [&ctx](const QJsonValue&) { ctx.out() << tr("the service is shutting down") << '\n'; });
        ctx.finish(ExitOk);
    });
}

} // namespace

QList<Command> serviceCommands()
{
    return {
        {QStringLiteral("status"), QStringLiteral("status"),
         tr("show the service's version, uptime, listeners and counts"), runStatus},
        {QStringLiteral("logs"), QStringLiteral("logs [--follow] [--lines N] [--level LEVEL]"),
         tr("print recent log records; --follow keeps printing new ones"), runLogs},
        {QStringLiteral("shutdown"), QStringLiteral("shutdown"), tr("stop the service cleanly"), runShutdown},
    };
}

} // namespace pw::ctl
