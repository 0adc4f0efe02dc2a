#pragma once

// What the wizard tests of steps 5-8 look at and how they ask: the control socket, and the records
// table and check results as text for failure messages. Free ports are in UiTestSupport.h.

#include "tests/support/TestService.h"
#include "ui/CheckResultsView.h"
#include "ui/wizard/RecordsTable.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTreeWidget>

namespace pw::test::wizard {

inline QJsonObject control(const TestService& service, const QString& method, const QJsonObject& params = {})
{
    const QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                              {QStringLiteral("id"), 1},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    const QByteArray reply =
        TestService::rawRequest(service.socketPath(), QJsonDocument(request).toJson(QJsonDocument::Compact));
    return QJsonDocument::fromJson(reply).object().value(QStringLiteral("result")).toObject();
}

inline int rowOf(const pw::ui::RecordsTable& table, const QString& type, const QString& namePrefix = {},
                 const QString& nameContains = {})
{
    for (int row = 0; row < table.rowCount(); ++row) {
        const pw::app::ExpectedRecord& record = table.records().at(row).record;
        if (record.type == type && record.name.startsWith(namePrefix) && record.name.contains(nameContains))
            return row;
    }
    return -1;
}

inline QString describeRows(const pw::ui::RecordsTable& table)
{
    QStringList lines;
    for (int row = 0; row < table.rowCount(); ++row) {
        const auto check = table.check(row);
        lines.append(QStringLiteral("%1 %2: %3 [%4]")
                         .arg(table.records().at(row).record.name, table.records().at(row).record.type,
                              table.statusText(row),
                              check ? check->found.join(QLatin1Char('|')) : QString()));
    }
    return lines.join(QLatin1Char('\n'));
}

inline bool requiredRowsOk(const pw::ui::RecordsTable& table)
{
    bool any = false;
    for (int row = 0; row < table.rowCount(); ++row) {
        if (!table.records().at(row).record.required)
            continue;
        any = true;
        if (table.statusText(row) != QLatin1String("OK"))
            return false;
    }
    return any;
}

inline QString statusOf(const pw::ui::CheckResultsView& view, const QString& id)
{
    for (const pw::diag::CheckResult& result : view.results()) {
        if (result.id == id)
            return pw::ui::CheckResultsView::statusText(result.status);
    }
    return QStringLiteral("<no %1>").arg(id);
}

inline QString describeResults(const pw::ui::CheckResultsView& view)
{
    QStringList lines;
    for (const pw::diag::CheckResult& result : view.results())
        lines.append(QStringLiteral("%1 %2: %3")
                         .arg(result.id, pw::diag::checkStatusName(result.status), result.summary));
    return lines.join(QLatin1Char('\n'));
}

// The tree as the owner sees it: the status text in front of every finding.
inline QStringList visibleStatuses(const QWidget& page)
{
    QStringList statuses;
    const auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("checkResultsTree"));
    for (int row = 0; tree && row < tree->topLevelItemCount(); ++row)
        statuses.append(tree->topLevelItem(row)->text(0));
    return statuses;
}

} // namespace pw::test::wizard
