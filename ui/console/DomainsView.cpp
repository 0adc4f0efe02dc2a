#include "ui/console/DomainsView.h"

#include "app/ServiceManager.h"
#include "app/models/DomainListModel.h"
#include "ui/console/ActionStatus.h"
#include "ui/console/DomainDetailsPanel.h"
#include "ui/console/KeyedSelection.h"
#include "ui/console/RefreshOnShow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace pw::ui {

DomainsView::DomainsView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(new app::DomainListModel(this))
    , m_status(new ActionStatus(service.client(), this))
    , m_table(new QTableView(this))
    , m_newDomain(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add Domain"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_details(new DomainDetailsPanel(*m_status, this))
{
    setObjectName(QStringLiteral("domainsView"));
    m_status->setObjectName(QStringLiteral("domainsActionStatus"));

    m_table->setObjectName(QStringLiteral("domainsTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(app::DomainListModel::NameColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Domains"));

    m_newDomain->setObjectName(QStringLiteral("newDomainLineEdit"));
    m_newDomain->setPlaceholderText(tr("example.com"));
    m_newDomain->setClearButtonEnabled(true);
    m_add->setObjectName(QStringLiteral("addDomainButton"));
    m_add->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_add->setEnabled(false);
    m_remove->setObjectName(QStringLiteral("removeDomainButton"));
    m_remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_remove->setToolTip(tr("Remove the domain with its mailboxes, aliases and DKIM keys (Delete)"));
    auto* newLabel = new QLabel(tr("&New domain:"), this);
    newLabel->setBuddy(m_newDomain);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(newLabel);
    addRow->addWidget(m_newDomain, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(addRow);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("domainsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 700});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    setTabOrder(m_table, m_newDomain);
    setTabOrder(m_newDomain, m_add);
    setTabOrder(m_add, m_remove);

    // Delete on the table removes; Enter moves on to the selected domain's settings.
    auto* removeAction = new QAction(tr("Remove Domain"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &DomainsView::confirmRemove);
    connect(m_table, &QTableView::activated, m_details, [this] { m_details->setFocus(Qt::TabFocusReason); });

    connect(m_newDomain, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_add->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_newDomain, &QLineEdit::returnPressed, this, &DomainsView::addDomain);
    connect(m_add, &QPushButton::clicked, this, &DomainsView::addDomain);
    connect(m_remove, &QPushButton::clicked, this, &DomainsView::confirmRemove);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DomainsView::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DomainsView::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DomainsView::onSelectionChanged);
    connect(m_details, &DomainDetailsPanel::changed, this, [this] {
        refresh();
        emit directoryChanged();
    });
    refreshOnShow(*this, service.client(), [this] { refresh(); });
    onSelectionChanged();
}

void DomainsView::refresh()
{
    if (!m_service.client().isConnected())
        return; // the banner says why; nothing to list
    m_status->call(QStringLiteral("domain.list"), {}, tr("Could not list the domains: %1"),
                   [this](const QJsonObject& result) {
                       if (!setRowsKeepingSelection(*m_table, *m_model,
                                                    result.value(QStringLiteral("domains")).toArray(),
                                                    m_pendingSelection) &&
                           m_model->rowCount() > 0 && selectedDomain().isEmpty())
                           selectDomain(m_model->key(0));
                       m_details->reload();
                   });
}

bool DomainsView::selectDomain(const QString& domain)
{
    return selectRowByKey(*m_table, *m_model, domain);
}

QString DomainsView::selectedDomain() const
{
    return selectedKey(*m_table, *m_model);
}

void DomainsView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_remove->setEnabled(!rows.isEmpty());
    if (rows.isEmpty()) {
        m_details->setDomain({}, {}, {});
        return;
    }
    const int row = rows.first().row();
    m_details->setDomain(m_model->key(row), m_model->postmaster(row), m_model->catchall(row));
}

void DomainsView::addDomain()
{
    const QString domain = m_newDomain->text().trimmed();
    if (domain.isEmpty())
        return;
    m_status->call(
        QStringLiteral("domain.add"), {{QStringLiteral("domain"), domain}},
        tr("Could not add %1: %2").arg(domain),
        [this](const QJsonObject& result) {
            m_newDomain->clear();
            m_pendingSelection = result.value(QStringLiteral("domain")).toString();
            refresh();
            emit directoryChanged();
        },
        tr("%1 added, with DKIM keys. Publish its DNS records next.").arg(domain));
}

void DomainsView::confirmRemove()
{
    const QString domain = selectedDomain();
    if (domain.isEmpty())
        return;
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Remove Domain"),
        tr("Remove %1 with all its mailboxes, their mail, its aliases and DKIM keys?").arg(domain),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveMessageBox"));
    box->setInformativeText(tr("This cannot be undone."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, domain] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            removeDomain(domain);
    });
    box->open();
}

void DomainsView::removeDomain(const QString& domain)
{
    m_status->call(
        QStringLiteral("domain.remove"), {{QStringLiteral("domain"), domain}},
        tr("Could not remove %1: %2").arg(domain),
        [this](const QJsonObject&) {
            refresh();
            emit directoryChanged();
        },
        tr("%1 removed.").arg(domain));
}

} // namespace pw::ui
