#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace pw::ctl {

namespace {

void printStats(CtlContext& ctx, const QJsonObject& s)
{
    QTextStream& out = ctx.out();
    const QJsonObject today = s.value(QStringLiteral("today")).toObject();
    out << tr("today: %1 received, %2 sent, %3 rejected")
               .arg(today.value(QStringLiteral("received")).toInteger())
               .arg(today.value(QStringLiteral("sent")).toInteger())
               .arg(today.value(QStringLiteral("rejected")).toInteger())
        << '\n';
    const QJsonObject queue = s.value(QStringLiteral("queue")).toObject();
    if (queue.value(QStringLiteral("available")).toBool())
        out << tr("queue: %1 message(s)").arg(queue.value(QStringLiteral("size")).toInteger()) << '\n';
    else
        out << tr("queue: none yet (no outbound delivery)") << '\n';
    out << '\n' << tr("hour (local)        received      sent  rejected") << '\n';
    for (const QJsonValue& value : s.value(QStringLiteral("hours")).toArray()) {
        const QJsonObject hour = value.toObject();
        const QDateTime start =
            QDateTime::fromString(hour.value(QStringLiteral("start")).toString(), Qt::ISODate).toLocalTime();
        out << start.toString(QStringLiteral("yyyy-MM-dd HH:mm")).leftJustified(18)
            << QString::number(hour.value(QStringLiteral("received")).toInteger()).rightJustified(10)
            << QString::number(hour.value(QStringLiteral("sent")).toInteger()).rightJustified(10)
            << QString::number(hour.value(QStringLiteral("rejected")).toInteger()).rightJustified(10) << '\n';
    }
}

void runStats(CtlContext& ctx, const QStringList& args)
{
    for (const QString& arg : args) {
        if (arg != QLatin1String("--json")) {
            ctx.finish(ExitUsage, tr("usage: stats [--json]"));
            return;
        }
        ctx.setJson(true);
    }
    ctx.call(QStringLiteral("stats"), {}, [&ctx](const QJsonValue& result) {
        ctx.print(result, [&ctx](const QJsonValue& value) { printStats(ctx, value.toObject()); });
        ctx.finish(ExitOk);
    });
}

} // namespace

QList<Command> statsCommands()
{
    return {{QStringLiteral("stats"), QStringLiteral("stats [--json]"),
             tr("mail received, sent and rejected today and in each of the last 24 hours"), runStats}};
}

} // namespace pw::ctl
