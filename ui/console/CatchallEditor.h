#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pw::ui {

class ActionStatus;

// A domain's catch-all: where mail for its unknown addresses goes. Sets and clears it through
// the service; the owning view says which domain and refreshes on changed().
class CatchallEditor : public QWidget
{
    Q_OBJECT

public:
    CatchallEditor(ActionStatus& status, QWidget* parent = nullptr);

    // An empty domain disables the editor.
    void setDomain(const QString& domain, const QString& catchall);
    [[nodiscard]] QString domain() const { return m_domain; }
    [[nodiscard]] QLineEdit* targetEdit() const { return m_target; }

signals:
    void changed();

private:
    void apply();
    void clearCatchall();
    void updateButtons();

    ActionStatus& m_status;
    QString m_domain;
    QString m_current;
    QLabel* m_label;
    QLineEdit* m_target;
    QPushButton* m_set;
    QPushButton* m_clear;
};

} // namespace pw::ui
