#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pw::ctl {

namespace {

QString joined(const QJsonArray& items)
{
    QStringList texts;
    for (const QJsonValue& item : items)
        texts.append(item.toString());
    return texts.join(QStringLiteral(", "));
}

void printConfig(CtlContext& ctx, const QJsonObject& c)
{
    QTextStream& out = ctx.out();
    out << tr("# %1").arg(c.value(QStringLiteral("file")).toString()) << '\n';
    const QJsonObject values = c.value(QStringLiteral("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        out << it.key() << " = " << it.value().toString() << '\n';
    out << '\n';
    out << tr("host name in use:         %1").arg(c.value(QStringLiteral("hostname")).toString()) << '\n';
    const QJsonArray addresses = c.value(QStringLiteral("public_addresses")).toArray();
    out << tr("public addresses in use:  %1").arg(addresses.isEmpty() ? tr("(none)") : joined(addresses))
        << '\n';
    const QJsonArray servers = c.value(QStringLiteral("dns_servers")).toArray();
    out << tr("DNS servers in use:       %1")
               .arg(servers.isEmpty() ? tr("the system's resolvers") : joined(servers))
        << '\n';
    for (const QJsonValue& error : c.value(QStringLiteral("errors")).toArray())
        out << tr("error in the file: %1").arg(error.toString()) << '\n';
    if (c.value(QStringLiteral("restart_required")).toBool())
        out << tr("the file has changes that take effect when postwardend is restarted") << '\n';
}

void runShow(CtlContext& ctx, const QStringList& args)
{
    for (const QString& arg : args) {
        if (arg != QLatin1String("--json")) {
            ctx.finish(ExitUsage, tr("usage: config show [--json]"));
            return;
        }
        ctx.setJson(true);
    }
    ctx.call(QStringLiteral("config.show"), {}, [&ctx](const QJsonValue& result) {
        ctx.print(result, [&ctx](const QJsonValue& value) { printConfig(ctx, value.toObject()); });
        ctx.finish(ExitOk);
    });
}

void runSet(CtlContext& ctx, const QStringList& args)
{
    QJsonObject values;
    for (const QString& arg : args) {
        if (arg == QLatin1String("--json")) {
            ctx.setJson(true);
            continue;
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            ctx.finish(ExitUsage, tr("expected section.key=value, found \"%1\"").arg(arg));
            return;
        }
        values.insert(arg.left(eq).trimmed(), arg.mid(eq + 1));
    }
    if (values.isEmpty()) {
        ctx.finish(ExitUsage, tr("usage: config set section.key=value..."));
        return;
    }
    ctx.call(QStringLiteral("config.set"), {{QStringLiteral("values"), values}},
             [&ctx](const QJsonValue& result) {
                 ctx.print(result, [&ctx](const QJsonValue& value) {
                     const QJsonObject r = value.toObject();
                     const QJsonArray changed = r.value(QStringLiteral("changed")).toArray();
                     QTextStream& out = ctx.out();
                     if (changed.isEmpty())
                         out << tr("nothing changed") << '\n';
                     else
                         out << tr("changed: %1").arg(joined(changed)) << '\n';
                     if (r.value(QStringLiteral("restart_required")).toBool())
                         out << tr("restart postwardend for the change to take effect") << '\n';
                 });
                 ctx.finish(ExitOk);
             });
}

void runConfig(CtlContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("show"))
        runShow(ctx, args.mid(1));
    else if (sub == QLatin1String("set"))
        runSet(ctx, args.mid(1));
    else
        ctx.finish(ExitUsage, tr("usage: config show [--json] | config set section.key=value..."));
}

} // namespace

QList<Command> configCommands()
{
    return {
        {QStringLiteral("config"), QStringLiteral("config show [--json] | config set section.key=value..."),
         tr("show the configuration, or change settings in the config file (comments are kept)"), runConfig}};
}

} // namespace pw::ctl
