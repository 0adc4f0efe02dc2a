#pragma once

#include <QJsonObject>
#include <QWidget>
#include <functional>

class QLabel;
class QProgressBar;

namespace pw::control {
class ControlClient;
}

namespace pw::ui {

// The line at the foot of a console view: a busy bar while the view waits for the service, then
// what happened, in plain words. Every change a view makes goes through call() so that errors
// are never swallowed.
class ActionStatus : public QWidget
{
    Q_OBJECT

public:
    using Done = std::function<void(const QJsonObject& result)>;

    explicit ActionStatus(control::ControlClient& client, QWidget* parent = nullptr);

    // Calls `method`; on success runs `done` and shows `doneText` (when not empty), on failure
    // shows `failText` with its lowest remaining placeholder (%1, or %2 after an earlier arg())
    // replaced by the service's reason.
    void call(const QString& method, const QJsonObject& params, const QString& failText, Done done = {},
              const QString& doneText = {});

    void showError(const QString& text);
    void showInfo(const QString& text);
    void clearMessage();

    [[nodiscard]] QString message() const;
    [[nodiscard]] bool isError() const { return m_error; }
    [[nodiscard]] bool isBusy() const { return m_pending > 0; }

signals:
    // After every call that changed nothing on failure and something on success; views refresh.
    void finished(bool ok);

private:
    void show(const QString& text, bool error);

    control::ControlClient& m_client;
    QProgressBar* m_busy;
    QLabel* m_icon;
    QLabel* m_message;
    int m_pending = 0;
    bool m_error = false;
};

} // namespace pw::ui
