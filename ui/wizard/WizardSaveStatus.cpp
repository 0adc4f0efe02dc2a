#include "ui/wizard/WizardSaveStatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace pw::ui {

WizardSaveStatus::WizardSaveStatus(const QString& prefix, QWidget* parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_progress->setObjectName(prefix + QStringLiteral("ProgressBar"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_progressLabel->setObjectName(prefix + QStringLiteral("ProgressLabel"));
    m_progressLabel->setVisible(false);
    m_error->setObjectName(prefix + QStringLiteral("ErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
}

void WizardSaveStatus::setBusy(bool busy, const QString& text)
{
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    if (busy && !text.isEmpty())
        m_progressLabel->setText(text);
}

void WizardSaveStatus::setProgressText(const QString& text)
{
    m_progressLabel->setText(text);
}

void WizardSaveStatus::showNotSaved(const QString& reason)
{
    m_error->setText(tr("<b>Not saved.</b> %1").arg(reason.toHtmlEscaped()));
    m_error->setVisible(true);
}

void WizardSaveStatus::clearError()
{
    m_error->setVisible(false);
}

} // namespace pw::ui
