#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace pw::ui {

// The wizard's side bar: every step by name, the current one marked, the ones behind it ticked,
// so that the owner always sees how far along they are. Object name: "wizardStepList".
class WizardStepList : public QWidget
{
    Q_OBJECT

public:
    explicit WizardStepList(const QStringList& steps, QWidget* parent = nullptr);

    void setCurrentStep(int index);
    [[nodiscard]] int currentStep() const { return m_current; }
    [[nodiscard]] QString stepText(int index) const;

private:
    QListWidget* m_list;
    int m_current = -1;
};

} // namespace pw::ui
