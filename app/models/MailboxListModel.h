#pragma once

#include "app/models/JsonRowsModel.h"

namespace pw::app {

// The service's mailboxes as `mailbox.list` returns them, keyed by address. The quota column
// carries the raw numbers in roles of its own so that a delegate can draw a bar from them.
class MailboxListModel : public JsonRowsModel
{
    Q_OBJECT

public:
    enum Column
    {
        AddressColumn,
        QuotaColumn,
        StateColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        UsedBytesRole = Qt::UserRole + 1,
        QuotaBytesRole,
        DisabledRole
    };

    explicit MailboxListModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] bool isDisabled(int row) const;
    [[nodiscard]] qint64 usedBytes(int row) const;
    [[nodiscard]] qint64 quotaBytes(int row) const;
    // "12 MB of 100 MB" or "12 MB, no limit", in the user's locale.
    [[nodiscard]] static QString usageText(qint64 used, qint64 quota);
};

} // namespace pw::app
