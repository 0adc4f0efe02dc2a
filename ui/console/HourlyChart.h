#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace pw::ui {

// Messages received and sent per hour as grouped bars, drawn with the palette so that it follows
// the system theme. Hovering a bar tells its numbers; the accessible description sums it up for
// screen readers.
class HourlyChart : public QWidget
{
    Q_OBJECT

public:
    struct Hour
    {
        QDateTime start;
        int received = 0;
        int sent = 0;
    };

    explicit HourlyChart(QWidget* parent = nullptr);

    void setHours(const QList<Hour>& hours);
    // No figures (the service is not running, or does not count yet): says so instead of bars.
    void setUnavailable(const QString& reason);
    [[nodiscard]] const QList<Hour>& hours() const { return m_hours; }

    // The hour under `pos`, or -1; and what its tooltip says.
    [[nodiscard]] int hourAt(const QPoint& pos) const;
    [[nodiscard]] QString hourToolTip(int hour) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    [[nodiscard]] QRect plotRect() const;
    [[nodiscard]] QRect slotRect(int hour) const;
    [[nodiscard]] int scaleMaximum() const;
    [[nodiscard]] QColor receivedColor() const;
    [[nodiscard]] QColor sentColor() const;
    void drawLegend(QPainter& painter, const QRect& plot) const;
    void updateDescription();

    QList<Hour> m_hours;
    QString m_unavailable;
};

} // namespace pw::ui
