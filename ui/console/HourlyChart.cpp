#include "ui/console/HourlyChart.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace pw::ui {

namespace {

// The smallest 2, 4 or 10 times a power of ten that is at least `value`: the scale and its half
// (the middle grid line) are both whole, round numbers.
int roundUp(int value)
{
    int step = 1;
    while (true) {
        for (const int factor : {2, 4, 10}) {
            if (step * factor >= value)
                return step * factor;
        }
        if (step > 100000000)
            return value;
        step *= 10;
    }
}

QColor blend(const QColor& a, const QColor& b, double amountOfB)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            static_cast<float>(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            static_cast<float>(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

HourlyChart::HourlyChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("hourlyChart"));
    setAccessibleName(tr("Messages per hour"));
    setMouseTracking(true);
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setUnavailable(tr("No figures yet"));
}

void HourlyChart::setHours(const QList<Hour>& hours)
{
    m_hours = hours;
    m_unavailable.clear();
    updateDescription();
    update();
}

void HourlyChart::setUnavailable(const QString& reason)
{
    m_hours.clear();
    m_unavailable = reason;
    updateDescription();
    update();
}

QSize HourlyChart::sizeHint() const
{
    return {560, 200};
}

QSize HourlyChart::minimumSizeHint() const
{
    return {240, 120};
}

QColor HourlyChart::receivedColor() const
{
    return palette().color(QPalette::Highlight);
}

QColor HourlyChart::sentColor() const
{
    // Half way between text and background: distinct from the highlight, readable light or dark.
    return blend(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.45);
}

QRect HourlyChart::plotRect() const
{
    const QFontMetrics metrics = fontMetrics();
    const int left = metrics.horizontalAdvance(QLocale().toString(scaleMaximum())) + 10;
    const int top = metrics.height() + 10; // the legend
    const int bottom = metrics.height() + 6;
    return rect().adjusted(left, top, -6, -bottom);
}

QRect HourlyChart::slotRect(int hour) const
{
    const QRect plot = plotRect();
    if (m_hours.isEmpty())
        return {};
    const double width = static_cast<double>(plot.width()) / static_cast<double>(m_hours.size());
    const int x = plot.left() + static_cast<int>(width * hour);
    const int next = plot.left() + static_cast<int>(width * (hour + 1));
    return {x, plot.top(), next - x, plot.height()};
}

int HourlyChart::scaleMaximum() const
{
    int most = 0;
    for (const Hour& hour : m_hours)
        most = std::max({most, hour.received, hour.sent});
    return roundUp(std::max(most, 4));
}

int HourlyChart::hourAt(const QPoint& pos) const
{
    for (int i = 0; i < m_hours.size(); ++i) {
        if (slotRect(i).contains(pos))
            return i;
    }
    return -1;
}

QString HourlyChart::hourToolTip(int hour) const
{
    if (hour < 0 || hour >= m_hours.size())
        return {};
    const Hour& h = m_hours.at(hour);
    const QLocale locale;
    const QDateTime start = h.start.toLocalTime();
    return tr("%1–%2: %n received", nullptr, h.received)
               .arg(locale.toString(start.time(), QLocale::ShortFormat),
                    locale.toString(start.addSecs(3600).time(), QLocale::ShortFormat)) +
           QLatin1Char('\n') + tr("%n sent", nullptr, h.sent);
}

bool HourlyChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int hour = hourAt(help->pos());
        if (hour >= 0)
            QToolTip::showText(help->globalPos(), hourToolTip(hour), this, slotRect(hour));
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    return QWidget::event(event);
}

void HourlyChart::drawLegend(QPainter& painter, const QRect& plot) const
{
    const QFontMetrics metrics = fontMetrics();
    const int box = metrics.ascent() - 2;
    int x = plot.left();
    for (const auto& [color, text] :
         {std::pair{receivedColor(), tr("Received")}, std::pair{sentColor(), tr("Sent")}}) {
        painter.fillRect(QRect(x, 4 + (metrics.height() - box) / 2, box, box), color);
        x += box + 4;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, 4, metrics.horizontalAdvance(text) + 2, metrics.height()), Qt::AlignVCenter,
                         text);
        x += metrics.horizontalAdvance(text) + 16;
    }
}

void HourlyChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette& pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (m_hours.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_unavailable);
        return;
    }

    const QRect plot = plotRect();
    const QFontMetrics metrics = fontMetrics();
    const QLocale locale;
    const int maximum = scaleMaximum();
    drawLegend(painter, plot);

    // Horizontal grid at 0, half and full scale, labelled on the left.
    const QColor grid = blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.15);
    for (const int value : {0, maximum / 2, maximum}) {
        const int y = plot.bottom() - static_cast<int>(static_cast<double>(plot.height()) * value / maximum);
        painter.setPen(grid);
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, locale.toString(value));
    }

    const int labelEvery = plot.width() / std::max<qsizetype>(1, m_hours.size()) <
                                   metrics.horizontalAdvance(QStringLiteral("00 ")) * 2
                               ? 3
                               : 1;
    for (int i = 0; i < m_hours.size(); ++i) {
        const QRect slot = slotRect(i);
        const Hour& hour = m_hours.at(i);
        const int gap = std::max(1, slot.width() / 8);
        const int barWidth = std::max(1, (slot.width() - 2 * gap) / 2);
        const auto barHeight = [&](int count) {
            return static_cast<int>(static_cast<double>(plot.height()) * count / maximum);
        };
        const int received = barHeight(hour.received);
        const int sent = barHeight(hour.sent);
        painter.fillRect(QRect(slot.left() + gap, plot.bottom() - received + 1, barWidth, received),
                         receivedColor());
        painter.fillRect(QRect(slot.left() + gap + barWidth, plot.bottom() - sent + 1, barWidth, sent),
                         sentColor());

        const QDateTime start = hour.start.toLocalTime();
        if (start.time().hour() % labelEvery == 0) {
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(
                QRect(slot.left() - slot.width(), plot.bottom() + 3, slot.width() * 3, metrics.height()),
                Qt::AlignHCenter | Qt::AlignTop,
                QStringLiteral("%1").arg(start.time().hour(), 2, 10, QLatin1Char('0')));
        }
    }
}

void HourlyChart::updateDescription()
{
    if (m_hours.isEmpty()) {
        setAccessibleDescription(m_unavailable);
        return;
    }
    int received = 0;
    int sent = 0;
    int busiest = 0;
    for (int i = 0; i < m_hours.size(); ++i) {
        received += m_hours.at(i).received;
        sent += m_hours.at(i).sent;
        const Hour& h = m_hours.at(i);
        const Hour& best = m_hours.at(busiest);
        if (h.received + h.sent > best.received + best.sent)
            busiest = i;
    }
    const QString totals = tr("Over the last %n hour(s): ", nullptr, static_cast<int>(m_hours.size())) +
                           tr("%n received, ", nullptr, received) + tr("%n sent.", nullptr, sent);
    if (received + sent == 0) {
        setAccessibleDescription(totals);
        return;
    }
    setAccessibleDescription(
        totals + QLatin1Char(' ') +
        tr("The busiest hour began at %1.")
            .arg(QLocale().toString(m_hours.at(busiest).start.toLocalTime().time(), QLocale::ShortFormat)));
}

} // namespace pw::ui
