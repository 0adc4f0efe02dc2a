// postwardenctl records DOMAIN --verify: what the wizard's "Verify now" shows, for scripts: each
// record the domain needs, looked up through the service's DNS servers and compared with what
// should be there.

#include "app/ctl/RecordsVerify.h"

#include "app/RecordVerifier.h"
#include "app/ctl/CtlContext.h"
#include "app/ctl/CtlText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace pw::ctl {

namespace {

QString stateName(app::RecordState state)
{
    switch (state) {
    case app::RecordState::Found:
        return QStringLiteral("found");
    case app::RecordState::Missing:
        return QStringLiteral("missing");
    case app::RecordState::Different:
        return QStringLiteral("different");
    case app::RecordState::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString stateLabel(app::RecordState state)
{
    switch (state) {
    case app::RecordState::Found:
        return tr("OK");
    case app::RecordState::Missing:
        return tr("MISSING");
    case app::RecordState::Different:
        return tr("DIFFERENT");
    case app::RecordState::Unknown:
        return tr("UNKNOWN");
    }
    return {};
}

void report(CtlContext& ctx, const QList<app::ExpectedRecord>& expected,
            const QList<app::RecordCheck>& checks)
{
    QJsonArray rows;
    int requiredMissing = 0;
    for (qsizetype i = 0; i < expected.size() && i < checks.size(); ++i) {
        const app::ExpectedRecord& record = expected.at(i);
        const app::RecordCheck& check = checks.at(i);
        if (record.required && check.state != app::RecordState::Found)
            ++requiredMissing;
        QJsonObject row{{QStringLiteral("name"), record.name},
                        {QStringLiteral("type"), record.type},
                        {QStringLiteral("expected"), record.value},
                        {QStringLiteral("required"), record.required},
                        {QStringLiteral("state"), stateName(check.state)},
                        {QStringLiteral("found"), QJsonArray::fromStringList(check.found)}};
        if (!check.detail.isEmpty())
            row.insert(QStringLiteral("detail"), check.detail);
        rows.append(row);
    }
    ctx.print(QJsonObject{{QStringLiteral("records"), rows}}, [&](const QJsonValue&) {
        for (qsizetype i = 0; i < expected.size() && i < checks.size(); ++i) {
            const app::ExpectedRecord& record = expected.at(i);
            const app::RecordCheck& check = checks.at(i);
            ctx.out() << QStringLiteral("%1 %2 %3 %4")
                             .arg(stateLabel(check.state).leftJustified(9),
                                  record.required ? tr("required") : tr("optional"), record.type, record.name)
                      << '\n';
            ctx.out() << "    " << tr("expected: %1").arg(record.value) << '\n';
            if (check.state != app::RecordState::Found && !check.found.isEmpty())
                ctx.out() << "    " << tr("found:    %1").arg(check.found.join(QStringLiteral(" | ")))
                          << '\n';
            if (!check.detail.isEmpty())
                ctx.out() << "    " << check.detail << '\n';
        }
    });
    ctx.finish(requiredMissing == 0 ? ExitOk : ExitFailed,
               requiredMissing == 0 ? QString()
                                    : tr("%n required record(s) not in DNS yet", nullptr, requiredMissing));
}

} // namespace

void verifyRecords(CtlContext& ctx, const QJsonObject& records)
{
    QList<app::ExpectedRecord> expected;
    for (const QJsonValue& value : records.value(QStringLiteral("records")).toArray()) {
        const QJsonObject record = value.toObject();
        expected.append(app::ExpectedRecord{record.value(QStringLiteral("name")).toString(),
                                            record.value(QStringLiteral("type")).toString(),
                                            record.value(QStringLiteral("value")).toString(),
                                            record.value(QStringLiteral("required")).toBool(true)});
    }
    // The DNS servers the service itself resolves with, so that a test zone or a split-horizon
    // resolver gives the same answers to both.
    ctx.call(QStringLiteral("config.show"), {}, [&ctx, expected](const QJsonValue& config) {
        const QStringList servers =
            config.toObject().value(QStringLiteral("dns_servers")).toVariant().toStringList();
        auto* verifier = new app::RecordVerifier(QCoreApplication::instance());
        QObject::connect(verifier, &app::RecordVerifier::failed, verifier,
                         [&ctx](const QString& reason) { ctx.finish(ExitFailed, reason); });
        QObject::connect(
            verifier, &app::RecordVerifier::finished, verifier,
            [&ctx, expected](const QList<app::RecordCheck>& checks) { report(ctx, expected, checks); });
        verifier->verify(expected, servers);
    });
}

} // namespace pw::ctl
