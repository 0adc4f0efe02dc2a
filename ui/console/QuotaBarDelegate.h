#pragma once

#include <QStyledItemDelegate>

namespace pw::ui {

// Draws a mailbox's storage as a bar of used against quota, from MailboxListModel's
// UsedBytesRole and QuotaBytesRole; a mailbox without a quota gets its text only.
class QuotaBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit QuotaBarDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Used of quota in per mille, 0..1000; -1 without a quota.
    [[nodiscard]] static int perMille(qint64 used, qint64 quota);
};

} // namespace pw::ui
