#pragma once

#include <QObject>

class QSocketNotifier;

namespace pw::service {

// Turns SIGTERM and SIGINT into a Qt signal through a self-pipe, the only async-signal-safe way
// to reach the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace pw::service
