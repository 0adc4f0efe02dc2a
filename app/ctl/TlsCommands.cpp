#include "app/ctl/Commands.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"

#include <QJsonObject>

namespace pw::ctl {

namespace {

void printCertificate(CtlContext& ctx, const QJsonValue& value)
{
    const QJsonObject c = value.toObject();
    QTextStream& out = ctx.out();
    out << tr("certificate: %1").arg(c.value(QStringLiteral("path")).toString()) << '\n';
    out << tr("  subject:     %1").arg(c.value(QStringLiteral("subject")).toString()) << '\n';
    out << tr("  issuer:      %1").arg(c.value(QStringLiteral("issuer")).toString()) << '\n';
    out << tr("  expires:     %1").arg(c.value(QStringLiteral("not_after")).toString()) << '\n';
    out << tr("  sha256:      %1").arg(c.value(QStringLiteral("sha256")).toString()) << '\n';
    if (c.value(QStringLiteral("self_signed")).toBool())
        out << tr("  self-signed: clients will warn until a certificate from a CA is configured ([tls] cert, "
                  "key)")
            << '\n';
}

void runTls(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 1 ||
        (args.first() != QLatin1String("show") && args.first() != QLatin1String("reload"))) {
        ctx.finish(ExitUsage, tr("usage: tls show | tls reload"));
        return;
    }
    ctx.call(QStringLiteral("tls.") + args.first(), {}, [&ctx](const QJsonValue& result) {
        ctx.print(result, [&ctx](const QJsonValue& value) { printCertificate(ctx, value); });
        ctx.finish(ExitOk);
    });
}

} // namespace

QList<Command> tlsCommands()
{
    return {{QStringLiteral("tls"), QStringLiteral("tls show | tls reload"),
             tr("show the certificate the mail listeners use, or read it again from disk"), runTls}};
}

} // namespace pw::ctl
