#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace pw::ui {

// What a step shows while Next saves its answers in the service: a busy bar with what is being
// done, and afterwards, if it failed, why nothing was saved. Object names start with `prefix`
// ("domain" gives domainProgressBar, domainProgressLabel, domainErrorLabel).
class WizardSaveStatus : public QWidget
{
    Q_OBJECT

public:
    explicit WizardSaveStatus(const QString& prefix, QWidget* parent = nullptr);

    void setBusy(bool busy, const QString& text = {});
    void setProgressText(const QString& text);
    void showNotSaved(const QString& reason);
    void clearError();

private:
    QProgressBar* m_progress;
    QLabel* m_progressLabel;
    QLabel* m_error;
};

} // namespace pw::ui
