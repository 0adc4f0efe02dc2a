#include "ui/wizard/WizardNoteBox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace pw::ui {

WizardNoteBox::WizardNoteBox(QStyle::StandardPixmap icon, const QString& labelName, QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_text(new QVBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    // The palette's own highlight-free base colour keeps it readable in light and dark themes.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    auto* iconLabel = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    iconLabel->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    iconLabel->setAlignment(Qt::AlignTop);
    m_label->setObjectName(labelName);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                     Qt::LinksAccessibleByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    m_text->addWidget(m_label);
    layout->addLayout(m_text, 1);
}

void WizardNoteBox::addWidget(QWidget* widget)
{
    m_text->addWidget(widget);
}

void WizardNoteBox::setText(const QString& richText)
{
    m_label->setText(richText);
}

QString WizardNoteBox::text() const
{
    return m_label->text();
}

} // namespace pw::ui
