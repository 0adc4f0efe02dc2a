#include "ui/console/CatchallEditor.h"

#include "ui/console/ActionStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace pw::ui {

CatchallEditor::CatchallEditor(ActionStatus& status, QWidget* parent)
    : QWidget(parent)
    , m_status(status)
    , m_label(new QLabel(tr("&Catch-all:"), this))
    , m_target(new QLineEdit(this))
    , m_set(new QPushButton(tr("S&et"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
{
    setObjectName(QStringLiteral("catchallEditor"));
    m_target->setObjectName(QStringLiteral("catchallLineEdit"));
    m_target->setPlaceholderText(tr("mailbox for unknown addresses"));
    m_target->setClearButtonEnabled(true);
    m_label->setBuddy(m_target);
    m_set->setObjectName(QStringLiteral("catchallSetButton"));
    m_clear->setObjectName(QStringLiteral("catchallClearButton"));
    m_set->setToolTip(tr("Deliver mail for addresses of this domain that do not exist to this mailbox"));
    m_clear->setToolTip(tr("Reject mail for addresses of this domain that do not exist"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_target, 1);
    layout->addWidget(m_set);
    layout->addWidget(m_clear);

    connect(m_target, &QLineEdit::textChanged, this, &CatchallEditor::updateButtons);
    connect(m_target, &QLineEdit::returnPressed, this, &CatchallEditor::apply);
    connect(m_set, &QPushButton::clicked, this, &CatchallEditor::apply);
    connect(m_clear, &QPushButton::clicked, this, &CatchallEditor::clearCatchall);
    setDomain({}, {});
}

void CatchallEditor::setDomain(const QString& domain, const QString& catchall)
{
    // A refresh of the same domain must not throw away what the admin is typing.
    const bool sameDomain = domain == m_domain;
    const bool edited = m_target->text().trimmed() != m_current;
    m_domain = domain;
    m_current = catchall;
    if (!sameDomain || !edited)
        m_target->setText(catchall);
    setEnabled(!domain.isEmpty());
    updateButtons();
}

void CatchallEditor::updateButtons()
{
    const QString text = m_target->text().trimmed();
    m_set->setEnabled(!m_domain.isEmpty() && !text.isEmpty() && text != m_current);
    m_clear->setEnabled(!m_domain.isEmpty() && !m_current.isEmpty());
}

void CatchallEditor::apply()
{
    const QString target = m_target->text().trimmed();
    if (m_domain.isEmpty() || target.isEmpty() || target == m_current)
        return;
    const QString domain = m_domain;
    m_status.call(
        QStringLiteral("catchall.set"),
        {{QStringLiteral("domain"), domain}, {QStringLiteral("target"), target}},
        tr("Could not set the catch-all: %1"), [this](const QJsonObject&) { emit changed(); },
        tr("Mail for unknown addresses of %1 now goes to %2.").arg(domain, target));
}

void CatchallEditor::clearCatchall()
{
    if (m_domain.isEmpty())
        return;
    const QString domain = m_domain;
    m_status.call(
        QStringLiteral("catchall.clear"), {{QStringLiteral("domain"), domain}},
        tr("Could not clear the catch-all: %1"),
        [this](const QJsonObject&) {
            m_target->clear();
            emit changed();
        },
        tr("Mail for unknown addresses of %1 is now rejected.").arg(domain));
}

} // namespace pw::ui
