#include "ui/console/MailboxDialog.h"

#include "ui/console/QuotaSpinBox.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace pw::ui {

MailboxDialog::MailboxDialog(Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_address(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_quota(new QuotaSpinBox(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mailboxDialog"));
    switch (mode) {
    case Mode::Create:
        setWindowTitle(tr("New Mailbox"));
        break;
    case Mode::Password:
        setWindowTitle(tr("Set Password"));
        break;
    case Mode::Quota:
        setWindowTitle(tr("Set Quota"));
        break;
    }

    m_address->setObjectName(QStringLiteral("mailboxAddressLineEdit"));
    m_address->setPlaceholderText(tr("name@example.com"));
    m_address->setReadOnly(mode != Mode::Create);
    m_password->setObjectName(QStringLiteral("mailboxPasswordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("mailboxConfirmLineEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_quota->setObjectName(QStringLiteral("mailboxQuotaSpinBox"));
    m_hint->setObjectName(QStringLiteral("mailboxDialogHintLabel"));
    m_hint->setWordWrap(true);
    m_buttons->setObjectName(QStringLiteral("mailboxDialogButtonBox"));

    auto* form = new QFormLayout;
    const auto addRow = [this, form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Address:"), m_address);
    if (mode != Mode::Quota) {
        addRow(mode == Mode::Create ? tr("&Password:") : tr("New &password:"), m_password);
        addRow(tr("&Repeat password:"), m_confirm);
    } else {
        m_password->hide();
        m_confirm->hide();
    }
    if (mode != Mode::Password) {
        addRow(tr("&Quota:"), m_quota);
    } else {
        m_quota->hide();
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_address, m_password, m_confirm})
        connect(edit, &QLineEdit::textChanged, this, &MailboxDialog::validate);
    if (mode == Mode::Quota)
        m_quota->setFocus();
    else if (mode == Mode::Password)
        m_password->setFocus();
    validate();
}

QString MailboxDialog::address() const
{
    return m_address->text().trimmed();
}

QString MailboxDialog::password() const
{
    return m_password->text();
}

qint64 MailboxDialog::quotaBytes() const
{
    return m_quota->quotaBytes();
}

void MailboxDialog::setAddress(const QString& address)
{
    m_address->setText(address);
}

void MailboxDialog::setPassword(const QString& password)
{
    m_password->setText(password);
    m_confirm->setText(password);
}

void MailboxDialog::setQuotaBytes(qint64 bytes)
{
    m_quota->setQuotaBytes(bytes);
}

void MailboxDialog::setDomains(const QStringList& domains)
{
    // Completes "name@" to every domain, so that the admin only types the local part.
    auto* completer = new QCompleter(this);
    auto* model = new QStringListModel(completer);
    completer->setModel(model);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_address->setCompleter(completer);
    connect(m_address, &QLineEdit::textEdited, completer, [model, domains](const QString& text) {
        const qsizetype at = text.indexOf(QLatin1Char('@'));
        const QString local = at < 0 ? text : text.left(at);
        QStringList options;
        for (const QString& domain : domains)
            options.append(local + QLatin1Char('@') + domain);
        model->setStringList(local.isEmpty() ? QStringList() : options);
    });
}

QString MailboxDialog::problem() const
{
    if (m_mode == Mode::Create) {
        const QString text = address();
        const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
        if (text.isEmpty())
            return tr("Type the mailbox's address.");
        if (at <= 0 || at == text.size() - 1 || text.contains(QLatin1Char(' ')))
            return tr("An address looks like name@example.com.");
    }
    if (m_mode != Mode::Quota) {
        if (password().isEmpty())
            return tr("Type a password, then type it again.");
        if (m_confirm->text() != password())
            return tr("The two passwords differ.");
    }
    return {};
}

void MailboxDialog::validate()
{
    const QString why = problem();
    m_hint->setText(why);
    m_hint->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace pw::ui
