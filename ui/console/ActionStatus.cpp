#include "ui/console/ActionStatus.h"

#include "shared/control/ControlClient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>

namespace pw::ui {

ActionStatus::ActionStatus(control::ControlClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_busy(new QProgressBar(this))
    , m_icon(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("actionStatus"));
    m_busy->setObjectName(QStringLiteral("busyProgressBar"));
    m_busy->setRange(0, 0); // a busy indicator: how long the service takes is unknown
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->setAccessibleName(tr("Waiting for the service"));
    m_busy->hide();
    m_message->setObjectName(QStringLiteral("actionMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setFixedSize(iconSize, iconSize);
    m_icon->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_icon);
    layout->addWidget(m_message, 1);
}

void ActionStatus::call(const QString& method, const QJsonObject& params, const QString& failText, Done done,
                        const QString& doneText)
{
    ++m_pending;
    m_busy->show();
    m_client.call(method, params, this,
                  [this, failText, done = std::move(done), doneText](const control::Reply& reply) {
                      if (--m_pending == 0)
                          m_busy->hide();
                      if (!reply.ok) {
                          showError(failText.arg(reply.error.message));
                          emit finished(false);
                          return;
                      }
                      if (!doneText.isEmpty())
                          showInfo(doneText);
                      if (done)
                          done(reply.result.toObject());
                      emit finished(true);
                  });
}

void ActionStatus::showError(const QString& text)
{
    show(text, true);
}

void ActionStatus::showInfo(const QString& text)
{
    show(text, false);
}

void ActionStatus::clearMessage()
{
    m_error = false;
    m_message->clear();
    m_icon->hide();
}

QString ActionStatus::message() const
{
    return m_message->text();
}

void ActionStatus::show(const QString& text, bool error)
{
    m_error = error;
    m_message->setText(text);
    // An icon rather than a colour says "error": readable in every theme and to screen readers.
    const QIcon icon = style()->standardIcon(
        error ? QStyle::SP_MessageBoxWarning : QStyle::SP_DialogApplyButton, nullptr, this);
    m_icon->setPixmap(icon.pixmap(m_icon->size()));
    m_icon->setVisible(!text.isEmpty());
    m_message->setAccessibleDescription(error ? tr("Error") : QString());
}

} // namespace pw::ui
