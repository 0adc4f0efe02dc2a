#include "ui/wizard/WizardPageLayout.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace pw::ui {

QVBoxLayout* scrollingPageLayout(QWidget* page)
{
    auto* scroll = new QScrollArea(page);
    scroll->setObjectName(QStringLiteral("pageScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    // Transparent, like the page around it.
    content->setAutoFillBackground(false);
    scroll->viewport()->setAutoFillBackground(false);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 6, 0);
    return layout;
}

} // namespace pw::ui
