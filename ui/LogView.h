#pragma once

#include "shared/core/LogRecord.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pw::control {
class ControlClient;
}

namespace pw::app {
class LogModel;
}

namespace pw::ui {

class LogFilterModel;

// The live log: subscribes on every (re)connection, filters by level, source, session and text,
// pauses, exports, and shows one session's lines together.
// Object names (for tests): "logTableView", "levelComboBox", "categoryComboBox",
// "filterLineEdit", "sessionLineEdit", "pauseCheckBox", "exportButton", "showSessionButton",
// "sessionBar", "sessionLabel", "backToAllButton", "logCountLabel".
class LogView : public QWidget
{
    Q_OBJECT

public:
    enum class ExportFormat
    {
        Text,     // one LogRecord::toText() line per record
        JsonLines // one LogRecord::toJson() object per line
    };

    explicit LogView(control::ControlClient& client, QWidget* parent = nullptr);

    [[nodiscard]] app::LogModel& model() { return *m_model; }
    [[nodiscard]] LogFilterModel& filterModel() { return *m_filter; }

    // Writes the visible records, oldest first; false with a reason on failure. Without a format,
    // a .jsonl or .json name gets JSON lines and any other name text.
    [[nodiscard]] bool exportTo(const QString& path, QString* error) const;
    [[nodiscard]] bool exportTo(const QString& path, ExportFormat format, QString* error) const;

    // Every line of one session, in order, and nothing else, until showAllRecords(). New lines of
    // that session keep arriving; the other filters wait unchanged.
    void showSession(const QString& session);
    void showAllRecords();
    [[nodiscard]] QString shownSession() const;

private:
    void subscribe();
    void addRecords(const QList<core::LogRecord>& records);
    void setPaused(bool paused);
    void exportInteractively();
    void addCategory(const QString& category);
    [[nodiscard]] QString selectedSession() const;
    void updateActions();
    void updateCount();

    control::ControlClient& m_client;
    app::LogModel* m_model;
    LogFilterModel* m_filter;
    QTableView* m_table;
    QComboBox* m_levelCombo;
    QComboBox* m_categoryCombo;
    QLineEdit* m_textEdit;
    QLineEdit* m_sessionEdit;
    QCheckBox* m_pauseCheck;
    QPushButton* m_showSessionButton;
    QFrame* m_sessionBar;
    QLabel* m_sessionLabel;
    QLabel* m_countLabel;
    QList<QWidget*> m_filterWidgets;
    QList<core::LogRecord> m_heldBack;
};

} // namespace pw::ui
