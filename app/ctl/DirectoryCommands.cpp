#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"
#include "app/ctl/RecordsVerify.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace pw::ctl {

namespace {

QString str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

// "500M", "2G", "10k", "1048576", "0" (unlimited); binary units, as mail quotas usually are.
std::optional<qint64> parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,15})\\s*([kmgt]?)(i?b)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    const int shift = unit.isEmpty() ? 0 : static_cast<int>(QStringLiteral(" kmgt").indexOf(unit)) * 10;
    // 2^53 bytes (8 PiB) is more than any mailbox, and exact in the JSON number that carries it.
    if (value > (qint64(1) << (53 - shift)))
        return std::nullopt;
    return value << shift;
}

QString formatSize(qint64 bytes)
{
    if (bytes == 0)
        return tr("unlimited");
    const char* units[] = {"B", "K", "M", "G", "T"};
    int unit = 0;
    double value = static_cast<double>(bytes);
    while (value >= 1024 && unit < 4 && static_cast<qint64>(value) % 1024 == 0) {
        value /= 1024;
        ++unit;
    }
    return QString::number(static_cast<qint64>(value)) + QLatin1String(units[unit]);
}

// The first line of stdin, never argv: a password in argv is visible to every user in ps and
// lands in shell histories. On a terminal the input is not echoed.
std::optional<QByteArray> readPassword(const QString& prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", qPrintable(prompt));
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    QFile in;
    QByteArray line;
    if (in.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered))
        line = in.readLine(4096);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return std::nullopt;
    return line;
}

// Calls `method`, prints the result with `render` (or as JSON) and ends with ExitOk.
void callAndPrint(CtlContext& ctx, const QString& method, const QJsonObject& params,
                  std::function<void(const QJsonObject&)> render)
{
    ctx.call(method, params, [&ctx, render](const QJsonValue& result) {
        ctx.print(result, [render](const QJsonValue& value) { render(value.toObject()); });
        ctx.finish(ExitOk);
    });
}

void printKeyRecords(CtlContext& ctx, const QJsonArray& keys)
{
    for (const QJsonValue& k : keys) {
        const QJsonObject key = k.toObject();
        ctx.out() << str(key, "name") << ". IN TXT " << str(key, "value") << '\n';
    }
}

bool wrongArgs(CtlContext& ctx, const QStringList& args, qsizetype min, qsizetype max, const QString& usage)
{
    if (args.size() >= min && args.size() <= max)
        return false;
    ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
    return true;
}

void runDomain(CtlContext& ctx, const QStringList& args)
{
    const QString usage = QStringLiteral("domain add|remove|list [DOMAIN]");
    const QString sub = args.value(0);
    if (sub == QLatin1String("list")) {
        if (wrongArgs(ctx, args, 1, 1, usage))
            return;
        callAndPrint(ctx, QStringLiteral("domain.list"), {}, [&ctx](const QJsonObject& r) {
            for (const QJsonValue& d : r.value(QStringLiteral("domains")).toArray())
                ctx.out() << str(d.toObject(), "name") << '\n';
        });
    } else if (sub == QLatin1String("add")) {
        if (wrongArgs(ctx, args, 2, 2, usage))
            return;
        callAndPrint(
            ctx, QStringLiteral("domain.add"), {{QStringLiteral("domain"), args.at(1)}},
            [&ctx](const QJsonObject& r) {
                ctx.out() << tr("domain %1 added; publish its DKIM records (\"postwardenctl records %1\" "
                                "prints every record the domain needs):")
                                 .arg(str(r, "domain"))
                          << '\n';
                printKeyRecords(ctx, r.value(QStringLiteral("dkim")).toArray());
            });
    } else if (sub == QLatin1String("remove")) {
        if (wrongArgs(ctx, args, 2, 2, usage))
            return;
        callAndPrint(ctx, QStringLiteral("domain.remove"), {{QStringLiteral("domain"), args.at(1)}},
                     [&ctx](const QJsonObject& r) {
                         ctx.out() << tr("domain %1 removed").arg(str(r, "domain")) << '\n';
                     });
    } else {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
    }
}

void printMailbox(CtlContext& ctx, const QJsonObject& box)
{
    ctx.out() << str(box, "address") << "  "
              << tr("quota %1, used %2")
                     .arg(formatSize(box.value(QStringLiteral("quota_bytes")).toInteger()))
                     .arg(box.value(QStringLiteral("used_bytes")).toInteger())
              << (box.value(QStringLiteral("disabled")).toBool() ? QStringLiteral("  ") + tr("disabled")
                                                                 : QString())
              << '\n';
}

void runMailbox(CtlContext& ctx, const QStringList& args)
{
    const QString usage =
        QStringLiteral("mailbox add ADDRESS [--quota SIZE] | remove|passwd|disable|enable ADDRESS "
                       "| list [DOMAIN] | quota ADDRESS SIZE");
    const QString sub = args.value(0);
    const auto done = [&ctx](const QString& text) {
        return [&ctx, text](const QJsonObject& r) {
            ctx.out() << text.arg(str(r, "address")) << '\n';
        };
    };
    if (sub == QLatin1String("add")) {
        QStringList rest = args.mid(1);
        QJsonObject params;
        const qsizetype quotaAt = rest.indexOf(QStringLiteral("--quota"));
        if (quotaAt >= 0) {
            const std::optional<qint64> quota = parseSize(rest.value(quotaAt + 1));
            if (!quota) {
                ctx.finish(ExitUsage, tr("--quota needs a size such as 500M, 2G or 0 (unlimited)"));
                return;
            }
            params.insert(QStringLiteral("quota_bytes"), *quota);
            rest.remove(quotaAt, 2);
        }
        if (rest.size() != 1 || rest.first().startsWith(QLatin1Char('-'))) {
            ctx.finish(ExitUsage,
                       tr("usage: postwardenctl mailbox add ADDRESS [--quota SIZE] (password on stdin)"));
            return;
        }
        params.insert(QStringLiteral("address"), rest.first());
        const std::optional<QByteArray> password = readPassword(tr("Password for %1: ").arg(rest.first()));
        if (!password) {
            ctx.finish(ExitUsage, tr("no password: give it as the first line on standard input"));
            return;
        }
        params.insert(QStringLiteral("password"), QString::fromUtf8(*password));
        callAndPrint(ctx, QStringLiteral("mailbox.add"), params, done(tr("mailbox %1 added")));
    } else if (sub == QLatin1String("passwd")) {
        if (wrongArgs(ctx, args, 2, 2, usage))
            return;
        const std::optional<QByteArray> password = readPassword(tr("New password for %1: ").arg(args.at(1)));
        if (!password) {
            ctx.finish(ExitUsage, tr("no password: give it as the first line on standard input"));
            return;
        }
        callAndPrint(ctx, QStringLiteral("mailbox.passwd"),
                     {{QStringLiteral("address"), args.at(1)},
                      {QStringLiteral("password"), QString::fromUtf8(*password)}},
                     done(tr("password of %1 changed")));
    } else if (sub == QLatin1String("remove") || sub == QLatin1String("disable") ||
               sub == QLatin1String("enable")) {
        if (wrongArgs(ctx, args, 2, 2, usage))
            return;
        const QString text = sub == QLatin1String("remove")    ? tr("mailbox %1 removed")
                             : sub == QLatin1String("disable") ? tr("mailbox %1 disabled")
                                                               : tr("mailbox %1 enabled");
        callAndPrint(ctx, QStringLiteral("mailbox.") + sub, {{QStringLiteral("address"), args.at(1)}},
                     done(text));
    } else if (sub == QLatin1String("quota")) {
        if (wrongArgs(ctx, args, 3, 3, usage))
            return;
        const std::optional<qint64> quota = parseSize(args.at(2));
        if (!quota) {
            ctx.finish(ExitUsage, tr("the quota must be a size such as 500M, 2G or 0 (unlimited)"));
            return;
        }
        callAndPrint(ctx, QStringLiteral("mailbox.quota"),
                     {{QStringLiteral("address"), args.at(1)}, {QStringLiteral("quota_bytes"), *quota}},
                     [&ctx](const QJsonObject& r) {
                         ctx.out() << tr("quota of %1: %2")
                                          .arg(str(r, "address"),
                                               formatSize(r.value(QStringLiteral("quota_bytes")).toInteger()))
                                   << '\n';
                     });
    } else if (sub == QLatin1String("list")) {
        if (wrongArgs(ctx, args, 1, 2, usage))
            return;
        QJsonObject params;
        if (args.size() == 2)
            params.insert(QStringLiteral("domain"), args.at(1));
        callAndPrint(ctx, QStringLiteral("mailbox.list"), params, [&ctx](const QJsonObject& r) {
            for (const QJsonValue& box : r.value(QStringLiteral("mailboxes")).toArray())
                printMailbox(ctx, box.toObject());
        });
    } else {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
    }
}

void runAlias(CtlContext& ctx, const QStringList& args)
{
    const QString usage =
        QStringLiteral("alias add ALIAS TARGET... | remove ALIAS [TARGET...] | list [DOMAIN]");
    const QString sub = args.value(0);
    if (sub == QLatin1String("add") || sub == QLatin1String("remove")) {
        if (wrongArgs(ctx, args, sub == QLatin1String("add") ? 3 : 2, 10000, usage))
            return;
        const bool add = sub == QLatin1String("add");
        callAndPrint(
            ctx, QStringLiteral("alias.") + sub,
            {{QStringLiteral("address"), args.at(1)},
             {QStringLiteral("targets"), QJsonArray::fromStringList(args.mid(2))}},
            [&ctx, add](const QJsonObject& r) {
                const QStringList targets = r.value(QStringLiteral("targets")).toVariant().toStringList();
                if (add)
                    ctx.out()
                        << tr("alias %1 → %2").arg(str(r, "address"), targets.join(QStringLiteral(", ")))
                        << '\n';
                else if (targets.isEmpty())
                    ctx.out() << tr("alias %1 removed").arg(str(r, "address")) << '\n';
                else
                    ctx.out() << tr("removed %2 from alias %1")
                                     .arg(str(r, "address"), targets.join(QStringLiteral(", ")))
                              << '\n';
            });
    } else if (sub == QLatin1String("list")) {
        if (wrongArgs(ctx, args, 1, 2, usage))
            return;
        QJsonObject params;
        if (args.size() == 2)
            params.insert(QStringLiteral("domain"), args.at(1));
        callAndPrint(ctx, QStringLiteral("alias.list"), params, [&ctx](const QJsonObject& r) {
            for (const QJsonValue& a : r.value(QStringLiteral("aliases")).toArray()) {
                const QJsonObject alias = a.toObject();
                ctx.out() << str(alias, "address") << " → "
                          << alias.value(QStringLiteral("targets"))
                                 .toVariant()
                                 .toStringList()
                                 .join(QStringLiteral(", "))
                          << '\n';
            }
        });
    } else {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
    }
}

void runCatchall(CtlContext& ctx, const QStringList& args)
{
    const QString usage = QStringLiteral("catchall set DOMAIN TARGET | catchall clear DOMAIN");
    const QString sub = args.value(0);
    if (sub == QLatin1String("set") && args.size() == 3) {
        callAndPrint(ctx, QStringLiteral("catchall.set"),
                     {{QStringLiteral("domain"), args.at(1)}, {QStringLiteral("target"), args.at(2)}},
                     [&ctx](const QJsonObject& r) {
                         ctx.out() << tr("mail for unknown addresses of %1 goes to %2")
                                          .arg(str(r, "domain"), str(r, "catchall"))
                                   << '\n';
                     });
    } else if (sub == QLatin1String("clear") && args.size() == 2) {
        callAndPrint(ctx, QStringLiteral("catchall.clear"), {{QStringLiteral("domain"), args.at(1)}},
                     [&ctx](const QJsonObject& r) {
                         ctx.out() << tr("catch-all of %1 cleared").arg(str(r, "domain")) << '\n';
                     });
    } else {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
    }
}

void runPostmaster(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 3 || args.at(0) != QLatin1String("set")) {
        ctx.finish(ExitUsage,
                   tr("usage: postwardenctl %1").arg(QStringLiteral("postmaster set DOMAIN MAILBOX")));
        return;
    }
    callAndPrint(ctx, QStringLiteral("postmaster.set"),
                 {{QStringLiteral("domain"), args.at(1)}, {QStringLiteral("mailbox"), args.at(2)}},
                 [&ctx](const QJsonObject& r) {
                     ctx.out() << tr("postmaster@ and abuse@ of %1 go to %2")
                                      .arg(str(r, "domain"), str(r, "postmaster"))
                               << '\n';
                 });
}

void printKeys(CtlContext& ctx, const QJsonArray& keys)
{
    for (const QJsonValue& k : keys) {
        const QJsonObject key = k.toObject();
        ctx.out() << tr("%1 %2 %3, created %4")
                         .arg(str(key, "selector"), str(key, "type"), str(key, "state"), str(key, "created"))
                  << (key.contains(QStringLiteral("retired")) ? tr(", retired %1").arg(str(key, "retired"))
                                                              : QString())
                  << '\n';
    }
}

void runDkim(CtlContext& ctx, const QStringList& args)
{
    const QString usage = QStringLiteral("dkim show|rotate|activate DOMAIN");
    const QString sub = args.value(0);
    if (args.size() != 2 || (sub != QLatin1String("show") && sub != QLatin1String("rotate") &&
                             sub != QLatin1String("activate"))) {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(usage));
        return;
    }
    callAndPrint(
        ctx, QStringLiteral("dkim.") + sub, {{QStringLiteral("domain"), args.at(1)}},
        [&ctx, sub](const QJsonObject& r) {
            const QJsonArray keys = r.value(QStringLiteral("keys")).toArray();
            QJsonArray published;
            for (const QJsonValue& key : keys)
                if (str(key.toObject(), "state") != QLatin1String("withdrawn"))
                    published.append(key);
            if (sub == QLatin1String("rotate"))
                ctx.out() << tr("new keys made for %1; publish their records now and run \"postwardenctl "
                                "dkim activate %1\" once they are in DNS (wait a few days):")
                                 .arg(str(r, "domain"))
                          << '\n';
            else if (sub == QLatin1String("activate"))
                ctx.out() << tr("the newest keys of %1 sign now; keep the old records published for two "
                                "weeks:")
                                 .arg(str(r, "domain"))
                          << '\n';
            printKeys(ctx, keys);
            ctx.out() << tr("; records to publish:") << '\n';
            printKeyRecords(ctx, published);
        });
}

void runRecords(CtlContext& ctx, const QStringList& args)
{
    QStringList rest = args;
    const bool verify = rest.removeAll(QStringLiteral("--verify")) > 0;
    if (rest.size() != 1) {
        ctx.finish(ExitUsage, tr("usage: postwardenctl %1").arg(QStringLiteral("records DOMAIN [--verify]")));
        return;
    }
    ctx.call(QStringLiteral("records"), {{QStringLiteral("domain"), rest.at(0)}},
             [&ctx, verify](const QJsonValue& result) {
                 const QJsonObject r = result.toObject();
                 if (verify) {
                     verifyRecords(ctx, r);
                     return;
                 }
                 ctx.print(result, [&ctx, &r](const QJsonValue&) {
                     ctx.out() << str(r, "zone");
                     for (const QJsonValue& warning : r.value(QStringLiteral("warnings")).toArray())
                         ctx.out() << "; " << tr("warning: %1").arg(warning.toString()) << '\n';
                 });
                 const QStringList errors = r.value(QStringLiteral("errors")).toVariant().toStringList();
                 // The records that could be made are printed all the same; a missing one fails the command.
                 ctx.finish(errors.isEmpty() ? ExitOk : ExitFailed, errors.join(QStringLiteral("; ")));
             });
}

} // namespace

QList<Command> directoryCommands()
{
    return {
        {QStringLiteral("domain"), QStringLiteral("domain add|remove|list [DOMAIN]"),
         tr("manage the domains this server receives mail for (add makes their DKIM keys)"), runDomain},
        {QStringLiteral("mailbox"),
         QStringLiteral(
             "mailbox add ADDRESS [--quota SIZE] | remove|passwd|disable|enable ADDRESS | list [DOMAIN] | "
             "quota ADDRESS SIZE"),
         tr("manage mailboxes; add and passwd read the password from the first line of standard input"),
         runMailbox},
        {QStringLiteral("alias"),
         QStringLiteral("alias add ALIAS TARGET... | remove ALIAS [TARGET...] | list [DOMAIN]"),
         tr("manage aliases ('*' in ALIAS matches any text)"), runAlias},
        {QStringLiteral("catchall"), QStringLiteral("catchall set DOMAIN TARGET | catchall clear DOMAIN"),
         tr("send mail for unknown addresses of a domain to TARGET"), runCatchall},
        {QStringLiteral("postmaster"), QStringLiteral("postmaster set DOMAIN MAILBOX"),
         tr("choose the mailbox that gets postmaster@ and abuse@ of a domain"), runPostmaster},
        {QStringLiteral("dkim"), QStringLiteral("dkim show|rotate|activate DOMAIN"),
         tr("show a domain's DKIM keys and records, start a key rotation, or let the new keys sign"),
         runDkim},
        {QStringLiteral("records"), QStringLiteral("records DOMAIN [--verify]"),
         tr("print every DNS record the domain needs, with this server's keys, host name and addresses; "
            "with --verify, look each up and compare it with what DNS holds"),
         runRecords},
    };
}

} // namespace pw::ctl
