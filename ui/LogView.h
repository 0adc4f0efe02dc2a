#pragma once

#include "shared/core/LogRecord.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;

namespace pw::control {
class ControlClient;
}

namespace pw::app {
class LogModel;
}

namespace pw::ui {

class LogFilterModel;

// The live log: subscribes on every (re)connection, filters, pauses, exports.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(control::ControlClient& client, QWidget* parent = nullptr);

    [[nodiscard]] app::LogModel& model() { return *m_model; }
    // Writes the visible records as text lines; false with a reason on failure.
    [[nodiscard]] bool exportTo(const QString& path, QString* error) const;

private:
    void subscribe();
    void addRecords(const QList<core::LogRecord>& records);
    void setPaused(bool paused);
    void exportInteractively();

    control::ControlClient& m_client;
    app::LogModel* m_model;
    LogFilterModel* m_filter;
    QTableView* m_table;
    QComboBox* m_levelCombo;
    QLineEdit* m_textEdit;
    QCheckBox* m_pauseCheck;
    QList<core::LogRecord> m_heldBack;
};

} // namespace pw::ui
