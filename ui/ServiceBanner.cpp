#include "ui/ServiceBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace pw::ui {

ServiceBanner::ServiceBanner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_startButton(new QPushButton(tr("&Start the service"), this))
{
    setObjectName(QStringLiteral("serviceBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, pal.color(QPalette::ToolTipBase));
    pal.setColor(QPalette::WindowText, pal.color(QPalette::ToolTipText));
    setPalette(pal);

    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_label->setObjectName(QStringLiteral("serviceBannerLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_startButton->setObjectName(QStringLiteral("startServiceButton"));

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_startButton);
    connect(m_startButton, &QPushButton::clicked, this, &ServiceBanner::startRequested);
}

void ServiceBanner::showStopped(const QString& detail)
{
    QString text = tr("The mail service is not running. Mail is not being received or sent.");
    if (!detail.isEmpty())
        text += QStringLiteral("\n") + detail;
    m_label->setText(text);
    m_startButton->setEnabled(true);
    show();
}

void ServiceBanner::showStarting()
{
    m_label->setText(tr("Starting the mail service…"));
    m_startButton->setEnabled(false);
    show();
}

} // namespace pw::ui
