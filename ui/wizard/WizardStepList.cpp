#include "ui/wizard/WizardStepList.h"

#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace pw::ui {

WizardStepList::WizardStepList(const QStringList& steps, QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("wizardStepList"));
    auto* heading = new QLabel(tr("Steps"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_list->setObjectName(QStringLiteral("wizardStepListWidget"));
    m_list->setAccessibleName(tr("Setup steps"));
    // It shows where the owner is; moving happens with Back and Next.
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->viewport()->setAutoFillBackground(false);
    m_list->setSpacing(2);
    m_list->setIconSize(QSize(16, 16));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int number = 1;
    int widest = 0;
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold); // the current step is bold, and must fit too
    for (const QString& step : steps) {
        const QString text = tr("%1. %2").arg(number++).arg(step);
        widest = std::max(widest, metrics.horizontalAdvance(text));
        m_list->addItem(text);
    }
    m_list->setMinimumWidth(widest + m_list->iconSize().width() + 4 * m_list->spacing() + 24);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
}

void WizardStepList::setCurrentStep(int index)
{
    m_current = index;
    const QIcon done = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon here = style()->standardIcon(QStyle::SP_ArrowRight);
    // An empty icon of the same size keeps the names of later steps aligned with the others.
    QPixmap blank(m_list->iconSize());
    blank.fill(Qt::transparent);
    const QIcon ahead(blank);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        QFont font = item->font();
        font.setBold(row == index);
        item->setFont(font);
        item->setIcon(row < index ? done : row == index ? here : ahead);
        item->setForeground(row > index ? palette().brush(QPalette::Disabled, QPalette::Text)
                                        : palette().brush(QPalette::Active, QPalette::Text));
    }
}

QString WizardStepList::stepText(int index) const
{
    const QListWidgetItem* item = m_list->item(index);
    return item ? item->text() : QString();
}

} // namespace pw::ui
