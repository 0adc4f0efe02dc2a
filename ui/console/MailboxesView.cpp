#include "ui/console/MailboxesView.h"

#include "app/ServiceManager.h"
#include "app/models/MailboxListModel.h"
#include "ui/console/ActionStatus.h"
#include "ui/console/KeyedSelection.h"
#include "ui/console/MailboxDialog.h"
#include "ui/console/QuotaBarDelegate.h"
#include "ui/console/RefreshOnShow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace pw::ui {

MailboxesView::MailboxesView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new app::MailboxListModel(this))
    , m_status(new ActionStatus(service.client(), this))
    , m_table(new QTableView(this))
    , m_create(new QPushButton(tr("&New Mailbox…"), this))
    , m_password(new QPushButton(tr("Set &Password…"), this))
    , m_quota(new QPushButton(tr("Set &Quota…"), this))
    , m_toggle(new QPushButton(tr("&Disable"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
{
    setObjectName(QStringLiteral("mailboxesView"));
    m_status->setObjectName(QStringLiteral("mailboxesActionStatus"));

    m_table->setObjectName(QStringLiteral("mailboxesTableView"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(app::MailboxListModel::QuotaColumn, new QuotaBarDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(app::MailboxListModel::AddressColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(app::MailboxListModel::QuotaColumn, 260);
    m_table->setAccessibleName(tr("Mailboxes"));

    m_create->setObjectName(QStringLiteral("newMailboxButton"));
    m_create->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    m_password->setObjectName(QStringLiteral("setPasswordButton"));
    m_password->setToolTip(tr("Give the mailbox a new password (Enter)"));
    m_quota->setObjectName(QStringLiteral("setQuotaButton"));
    m_toggle->setObjectName(QStringLiteral("toggleDisabledButton"));
    m_remove->setObjectName(QStringLiteral("removeMailboxButton"));
    m_remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_remove->setToolTip(tr("Remove the mailbox and its mail (Delete)"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_create, m_password, m_quota, m_toggle, m_remove})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    setTabOrder(m_create, m_password);
    setTabOrder(m_password, m_quota);
    setTabOrder(m_quota, m_toggle);
    setTabOrder(m_toggle, m_remove);
    setTabOrder(m_remove, m_table);

    auto* removeAction = new QAction(tr("Remove Mailbox"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &MailboxesView::confirmRemove);
    connect(m_table, &QTableView::activated, this, &MailboxesView::openPasswordDialog);

    connect(m_create, &QPushButton::clicked, this, &MailboxesView::openCreateDialog);
    connect(m_password, &QPushButton::clicked, this, &MailboxesView::openPasswordDialog);
    connect(m_quota, &QPushButton::clicked, this, &MailboxesView::openQuotaDialog);
    connect(m_toggle, &QPushButton::clicked, this, &MailboxesView::toggleDisabled);
    connect(m_remove, &QPushButton::clicked, this, &MailboxesView::confirmRemove);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MailboxesView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MailboxesView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MailboxesView::updateActions);
    refreshOnShow(*this, service.client(), [this] { refresh(); });
    updateActions();
}

void MailboxesView::refresh()
{
    if (!m_service.client().isConnected())
        return; // the banner says why; nothing to list
    m_status->call(QStringLiteral("mailbox.list"), {}, tr("Could not list the mailboxes: %1"),
                   [this](const QJsonObject& result) {
                       setRowsKeepingSelection(*m_table, *m_model,
                                               result.value(QStringLiteral("mailboxes")).toArray(),
                                               m_pendingSelection);
                   });
    // For the new-mailbox dialog's completion.
    m_status->call(QStringLiteral("domain.list"), {}, tr("Could not list the domains: %1"),
                   [this](const QJsonObject& result) {
                       m_domains.clear();
                       for (const QJsonValue& d : result.value(QStringLiteral("domains")).toArray())
                           m_domains.append(d.toObject().value(QStringLiteral("name")).toString());
                   });
}

bool MailboxesView::selectMailbox(const QString& address)
{
    return selectRowByKey(*m_table, *m_model, address);
}

QString MailboxesView::selectedMailbox() const
{
    return selectedKey(*m_table, *m_model);
}

void MailboxesView::updateActions()
{
    const QString address = selectedMailbox();
    const bool selected = !address.isEmpty();
    for (QPushButton* button : {m_password, m_quota, m_toggle, m_remove})
        button->setEnabled(selected);
    const bool disabled = selected && m_model->isDisabled(m_model->rowOfKey(address));
    m_toggle->setText(disabled ? tr("&Enable") : tr("&Disable"));
    m_toggle->setToolTip(disabled ? tr("Let the mailbox receive mail and log in again")
                                  : tr("Stop the mailbox receiving mail and logging in; its mail stays"));
}

MailboxDialog* MailboxesView::openCreateDialog()
{
    auto* dialog = new MailboxDialog(MailboxDialog::Mode::Create, this);
    dialog->setDomains(m_domains);
    if (m_domains.size() == 1)
        dialog->setAddress(QLatin1Char('@') + m_domains.first());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onDialogAccepted(dialog); });
    dialog->open();
    return dialog;
}

MailboxDialog* MailboxesView::openPasswordDialog()
{
    const QString address = selectedMailbox();
    if (address.isEmpty())
        return nullptr;
    auto* dialog = new MailboxDialog(MailboxDialog::Mode::Password, this);
    dialog->setAddress(address);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onDialogAccepted(dialog); });
    dialog->open();
    return dialog;
}

MailboxDialog* MailboxesView::openQuotaDialog()
{
    const QString address = selectedMailbox();
    if (address.isEmpty())
        return nullptr;
    auto* dialog = new MailboxDialog(MailboxDialog::Mode::Quota, this);
    dialog->setAddress(address);
    dialog->setQuotaBytes(m_model->quotaBytes(m_model->rowOfKey(address)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onDialogAccepted(dialog); });
    dialog->open();
    return dialog;
}

void MailboxesView::changed(const QString& select)
{
    m_pendingSelection = select;
    refresh();
    emit directoryChanged();
}

void MailboxesView::onDialogAccepted(MailboxDialog* dialog)
{
    const QString address = dialog->address();
    switch (dialog->mode()) {
    case MailboxDialog::Mode::Create: {
        QJsonObject params{{QStringLiteral("address"), address},
                           {QStringLiteral("password"), dialog->password()}};
        if (dialog->quotaBytes() > 0)
            params.insert(QStringLiteral("quota_bytes"), dialog->quotaBytes());
        m_status->call(
            QStringLiteral("mailbox.add"), params, tr("Could not create %1: %2").arg(address),
            [this](const QJsonObject& r) { changed(r.value(QStringLiteral("address")).toString()); },
            tr("Mailbox %1 created.").arg(address));
        break;
    }
    case MailboxDialog::Mode::Password:
        m_status->call(
            QStringLiteral("mailbox.passwd"),
            {{QStringLiteral("address"), address}, {QStringLiteral("password"), dialog->password()}},
            tr("Could not change the password of %1: %2").arg(address), [](const QJsonObject&) {},
            tr("The password of %1 is changed.").arg(address));
        break;
    case MailboxDialog::Mode::Quota:
        m_status->call(
            QStringLiteral("mailbox.quota"),
            {{QStringLiteral("address"), address}, {QStringLiteral("quota_bytes"), dialog->quotaBytes()}},
            tr("Could not set the quota of %1: %2").arg(address),
            [this, address](const QJsonObject&) { changed(address); },
            dialog->quotaBytes() == 0 ? tr("%1 has no quota now.").arg(address)
                                      : tr("The quota of %1 is set.").arg(address));
        break;
    }
}

void MailboxesView::toggleDisabled()
{
    const QString address = selectedMailbox();
    if (address.isEmpty())
        return;
    const bool disable = !m_model->isDisabled(m_model->rowOfKey(address));
    m_status->call(
        disable ? QStringLiteral("mailbox.disable") : QStringLiteral("mailbox.enable"),
        {{QStringLiteral("address"), address}},
        disable ? tr("Could not disable %1: %2").arg(address) : tr("Could not enable %1: %2").arg(address),
        [this, address](const QJsonObject&) { changed(address); },
        disable ? tr("%1 is disabled: it receives no mail and cannot log in.").arg(address)
                : tr("%1 is enabled again.").arg(address));
}

void MailboxesView::confirmRemove()
{
    const QString address = selectedMailbox();
    if (address.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove Mailbox"),
                                tr("Remove %1 and all its mail?").arg(address),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveMessageBox"));
    box->setInformativeText(tr("This cannot be undone. To keep the mail, disable the mailbox instead."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, address] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_status->call(
            QStringLiteral("mailbox.remove"), {{QStringLiteral("address"), address}},
            tr("Could not remove %1: %2").arg(address), [this](const QJsonObject&) { changed({}); },
            tr("%1 removed.").arg(address));
    });
    box->open();
}

} // namespace pw::ui
