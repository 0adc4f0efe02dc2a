#include "ui/console/AliasesView.h"

#include "app/ServiceManager.h"
#include "app/models/AliasListModel.h"
#include "app/models/DomainListModel.h"
#include "ui/console/ActionStatus.h"
#include "ui/console/CatchallEditor.h"
#include "ui/console/KeyedSelection.h"
#include "ui/console/RefreshOnShow.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace pw::ui {

namespace {

void setUpTable(QTableView* table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

// "a@x, b@x c@x" or one per line: any mix of commas, semicolons and white space separates.
QStringList splitTargets(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

AliasesView::AliasesView(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_aliases(new app::AliasListModel(this))
    , m_domains(new app::DomainListModel(this))
    , m_status(new ActionStatus(service.client(), this))
    , m_table(new QTableView(this))
    , m_address(new QLineEdit(this))
    , m_targets(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add Alias"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_catchallTable(new QTableView(this))
    , m_catchall(new CatchallEditor(*m_status, this))
{
    setObjectName(QStringLiteral("aliasesView"));
    m_status->setObjectName(QStringLiteral("aliasesActionStatus"));

    m_table->setObjectName(QStringLiteral("aliasesTableView"));
    m_table->setModel(m_aliases);
    m_table->setAccessibleName(tr("Aliases"));
    setUpTable(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(app::AliasListModel::AddressColumn,
                                                      QHeaderView::ResizeToContents);

    m_address->setObjectName(QStringLiteral("aliasAddressLineEdit"));
    m_address->setPlaceholderText(tr("sales@example.com, or dev-*@example.com"));
    m_targets->setObjectName(QStringLiteral("aliasTargetsLineEdit"));
    m_targets->setPlaceholderText(tr("one or more addresses, separated by commas"));
    m_add->setObjectName(QStringLiteral("addAliasButton"));
    m_add->setEnabled(false);
    m_remove->setObjectName(QStringLiteral("removeAliasButton"));
    m_remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_remove->setToolTip(tr("Remove the selected alias (Delete)"));

    auto* form = new QFormLayout;
    auto* addressLabel = new QLabel(tr("Al&ias:"), this);
    addressLabel->setBuddy(m_address);
    auto* targetsLabel = new QLabel(tr("Delivers &to:"), this);
    targetsLabel->setBuddy(m_targets);
    form->addRow(addressLabel, m_address);
    form->addRow(targetsLabel, m_targets);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);

    auto* aliasesBox = new QGroupBox(tr("Aliases"), this);
    auto* aliasesLayout = new QVBoxLayout(aliasesBox);
    aliasesLayout->addWidget(m_table, 1);
    aliasesLayout->addLayout(form);
    aliasesLayout->addLayout(buttons);

    m_catchallTable->setObjectName(QStringLiteral("catchallTableView"));
    m_catchallTable->setModel(m_domains);
    m_catchallTable->setAccessibleName(tr("Catch-all of each domain"));
    setUpTable(m_catchallTable);
    m_catchallTable->hideColumn(app::DomainListModel::MailboxesColumn);
    m_catchallTable->hideColumn(app::DomainListModel::PostmasterColumn);
    auto* catchallBox = new QGroupBox(tr("Catch-all"), this);
    auto* catchallHelp =
        new QLabel(tr("Mail for addresses of a domain that match no mailbox and no alias goes to its "
                      "catch-all; without one it is rejected."),
                   catchallBox);
    catchallHelp->setWordWrap(true);
    auto* catchallLayout = new QVBoxLayout(catchallBox);
    catchallLayout->addWidget(catchallHelp);
    catchallLayout->addWidget(m_catchallTable, 1);
    catchallLayout->addWidget(m_catchall);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("aliasesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(aliasesBox);
    splitter->addWidget(catchallBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    setTabOrder(m_table, m_address);
    setTabOrder(m_address, m_targets);
    setTabOrder(m_targets, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_catchallTable);

    auto* removeAction = new QAction(tr("Remove Alias"), m_table);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(removeAction);
    connect(removeAction, &QAction::triggered, this, &AliasesView::confirmRemove);
    // Enter on an alias copies it into the form, to add more targets to it.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        m_address->setText(m_aliases->key(index.row()));
        m_targets->clear();
        m_targets->setFocus();
    });

    const auto formChanged = [this] {
        m_add->setEnabled(!m_address->text().trimmed().isEmpty() &&
                          !splitTargets(m_targets->text()).isEmpty());
    };
    connect(m_address, &QLineEdit::textChanged, this, formChanged);
    connect(m_targets, &QLineEdit::textChanged, this, formChanged);
    connect(m_address, &QLineEdit::returnPressed, m_targets, qOverload<>(&QWidget::setFocus));
    connect(m_targets, &QLineEdit::returnPressed, this, &AliasesView::addAlias);
    connect(m_add, &QPushButton::clicked, this, &AliasesView::addAlias);
    connect(m_remove, &QPushButton::clicked, this, &AliasesView::confirmRemove);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AliasesView::updateActions);
    connect(m_aliases, &QAbstractItemModel::modelReset, this, &AliasesView::updateActions);
    connect(m_catchallTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AliasesView::onCatchallDomainChanged);
    connect(m_domains, &QAbstractItemModel::modelReset, this, &AliasesView::onCatchallDomainChanged);
    connect(m_domains, &QAbstractItemModel::dataChanged, this, &AliasesView::onCatchallDomainChanged);
    connect(m_catchall, &CatchallEditor::changed, this, [this] { changed(selectedAlias()); });
    refreshOnShow(*this, service.client(), [this] { refresh(); });
    updateActions();
}

void AliasesView::refresh()
{
    if (!m_service.client().isConnected())
        return; // the banner says why; nothing to list
    m_status->call(QStringLiteral("alias.list"), {}, tr("Could not list the aliases: %1"),
                   [this](const QJsonObject& result) {
                       setRowsKeepingSelection(*m_table, *m_aliases,
                                               result.value(QStringLiteral("aliases")).toArray(),
                                               m_pendingSelection);
                   });
    m_status->call(QStringLiteral("domain.list"), {}, tr("Could not list the domains: %1"),
                   [this](const QJsonObject& result) {
                       const QString selected = m_catchall->domain();
                       m_domains->setRows(result.value(QStringLiteral("domains")).toArray());
                       if (!selectCatchallDomain(selected) && m_domains->rowCount() > 0)
                           selectCatchallDomain(m_domains->key(0));
                   });
}

bool AliasesView::selectAlias(const QString& address)
{
    return selectRowByKey(*m_table, *m_aliases, address);
}

QString AliasesView::selectedAlias() const
{
    return selectedKey(*m_table, *m_aliases);
}

bool AliasesView::selectCatchallDomain(const QString& domain)
{
    return selectRowByKey(*m_catchallTable, *m_domains, domain);
}

void AliasesView::onCatchallDomainChanged()
{
    const QModelIndexList rows = m_catchallTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_catchall->setDomain({}, {});
        return;
    }
    const int row = rows.first().row();
    m_catchall->setDomain(m_domains->key(row), m_domains->catchall(row));
}

void AliasesView::updateActions()
{
    m_remove->setEnabled(!selectedAlias().isEmpty());
}

void AliasesView::changed(const QString& select)
{
    m_pendingSelection = select;
    refresh();
    emit directoryChanged();
}

void AliasesView::addAlias()
{
    const QString address = m_address->text().trimmed();
    const QStringList targets = splitTargets(m_targets->text());
    if (address.isEmpty() || targets.isEmpty())
        return;
    m_status->call(
        QStringLiteral("alias.add"),
        {{QStringLiteral("address"), address},
         {QStringLiteral("targets"), QJsonArray::fromStringList(targets)}},
        tr("Could not add the alias %1: %2").arg(address),
        [this](const QJsonObject& result) {
            m_address->clear();
            m_targets->clear();
            changed(result.value(QStringLiteral("address")).toString());
        },
        tr("%1 now delivers to %2.").arg(address, targets.join(QStringLiteral(", "))));
}

void AliasesView::confirmRemove()
{
    const QString address = selectedAlias();
    if (address.isEmpty())
        return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove Alias"),
        tr("Remove the alias %1? Mail to it is then rejected, unless a catch-all takes it.").arg(address),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveMessageBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, address] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_status->call(
            QStringLiteral("alias.remove"), {{QStringLiteral("address"), address}},
            tr("Could not remove the alias %1: %2").arg(address), [this](const QJsonObject&) { changed({}); },
            tr("Alias %1 removed.").arg(address));
    });
    box->open();
}

} // namespace pw::ui
