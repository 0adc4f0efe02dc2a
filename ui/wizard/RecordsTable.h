#pragma once

#include "app/RecordVerifier.h"

#include <QList>
#include <QTableWidget>
#include <optional>

namespace pw::ui {

// One row of the table: a record to publish and what it is for.
struct RecordRow
{
    app::ExpectedRecord record;
    QString purpose;
};

// The records the owner has to publish, one per row, with a copy button for each value and,
// once verified, what DNS holds and whether that is right. Required records are marked as such
// in words and in bold; optional ones are in italics. Object names: "recordsTable",
// "copyButton_<row>".
class RecordsTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        ValueColumn,
        PurposeColumn,
        StatusColumn,
        FoundColumn,
        CopyColumn,
        ColumnCount
    };

    explicit RecordsTable(QWidget* parent = nullptr);

    void setRecords(const QList<RecordRow>& rows);
    [[nodiscard]] QList<RecordRow> records() const { return m_rows; }
    // Every row shows "checking" until its answer comes.
    void setChecking();
    void setCheck(int row, const app::RecordCheck& check);
    [[nodiscard]] std::optional<app::RecordCheck> check(int row) const;
    // The status in words, as the Status column shows it.
    [[nodiscard]] QString statusText(int row) const;
    [[nodiscard]] bool isFound(int row) const;

    // "OK", "Missing" ... for a state of a required or optional record.
    [[nodiscard]] static QString stateText(app::RecordState state, bool required);

signals:
    void valueCopied(const QString& value);

private:
    void showStatus(int row);

    QList<RecordRow> m_rows;
    QList<std::optional<app::RecordCheck>> m_checks;
    QList<bool> m_checking;
};

} // namespace pw::ui
