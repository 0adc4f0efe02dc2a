#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace pw::ui {

// The strip above every view that says, in plain words, when the service is not running and
// offers to start it again.
class ServiceBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ServiceBanner(QWidget* parent = nullptr);

    void showStopped(const QString& detail);
    void showStarting();

signals:
    void startRequested();

private:
    QLabel* m_label;
    QPushButton* m_startButton;
};

} // namespace pw::ui
