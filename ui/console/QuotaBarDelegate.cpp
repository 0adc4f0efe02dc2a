#include "ui/console/QuotaBarDelegate.h"

#include "app/models/MailboxListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>
#include <algorithm>

namespace pw::ui {

QuotaBarDelegate::QuotaBarDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

int QuotaBarDelegate::perMille(qint64 used, qint64 quota)
{
    if (quota <= 0)
        return -1;
    return static_cast<int>(
        std::clamp<double>(1000.0 * static_cast<double>(used) / static_cast<double>(quota), 0, 1000));
}

void QuotaBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    const qint64 used = index.data(app::MailboxListModel::UsedBytesRole).toLongLong();
    const qint64 quota = index.data(app::MailboxListModel::QuotaBytesRole).toLongLong();
    const int fill = perMille(used, quota);
    if (fill < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The cell's own background first, so that selection stays visible around the bar.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.rect = option.rect.adjusted(3, 2, -3, -2);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = fill;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.text = tr("%1 (%2 %)").arg(index.data(Qt::DisplayRole).toString()).arg(fill / 10);
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize QuotaBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + option.fontMetrics.horizontalAdvance(QStringLiteral(" (100 %)")) + 12);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace pw::ui
