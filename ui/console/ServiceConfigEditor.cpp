#include "ui/console/ServiceConfigEditor.h"

#include "app/ServiceManager.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pw::ui {

ServiceConfigEditor::ServiceConfigEditor(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_fileLabel(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_status(new QLabel(this))
    , m_restartBar(new QFrame(this))
{
    setObjectName(QStringLiteral("serviceConfigEditor"));
    m_fileLabel->setObjectName(QStringLiteral("configPathLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fileLabel->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("configTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Configuration settings"));
    m_table->setToolTip(tr("Double-click a value or press F2 to change it"));
    auto* tableLabel = new QLabel(tr("Sett&ings (double-click or F2 to change a value):"), this);
    tableLabel->setBuddy(m_table);

    m_status->setObjectName(QStringLiteral("configStatusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto* reloadButton =
        new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Read a&gain"), this);
    reloadButton->setObjectName(QStringLiteral("reloadConfigButton"));
    reloadButton->setToolTip(tr("Read the configuration file again"));

    m_restartBar->setObjectName(QStringLiteral("restartNeededBar"));
    m_restartBar->setFrameShape(QFrame::StyledPanel);
    m_restartBar->setAutoFillBackground(true);
    m_restartBar->setBackgroundRole(QPalette::AlternateBase);
    auto* restartIcon = new QLabel(m_restartBar);
    restartIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24));
    auto* restartLabel =
        new QLabel(tr("The configuration file has changes the running service does not use yet. Restart "
                      "the service to apply them."),
                   m_restartBar);
    restartLabel->setObjectName(QStringLiteral("restartNeededLabel"));
    restartLabel->setWordWrap(true);
    auto* restartButton = new QPushButton(tr("Restart &now"), m_restartBar);
    restartButton->setObjectName(QStringLiteral("restartNowButton"));
    auto* barLayout = new QHBoxLayout(m_restartBar);
    barLayout->addWidget(restartIcon);
    barLayout->addWidget(restartLabel, 1);
    barLayout->addWidget(restartButton);
    m_restartBar->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(m_fileLabel, 1);
    header->addWidget(reloadButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_restartBar);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(reloadButton, &QPushButton::clicked, this, &ServiceConfigEditor::refresh);
    connect(restartButton, &QPushButton::clicked, &m_service, &app::ServiceManager::restartService);
    connect(m_table, &QTableWidget::itemChanged, this, &ServiceConfigEditor::valueEdited);
    connect(&m_service.client(), &control::ControlClient::connected, this, &ServiceConfigEditor::refresh);
    connect(&m_service, &app::ServiceManager::stateChanged, this, [this](app::ServiceManager::State state) {
        // A stopped service has nothing to restart for, and its file is not ours to write.
        const bool running = state == app::ServiceManager::State::Running;
        m_table->setEnabled(running);
        if (!running)
            setRestartNeeded(false);
    });
    m_table->setEnabled(m_service.state() == app::ServiceManager::State::Running);
    m_fileLabel->setText(tr("Configuration file: —"));
    if (m_service.client().isConnected())
        refresh();
}

void ServiceConfigEditor::refresh()
{
    m_service.client().call(QStringLiteral("config.show"), {}, this, [this](const control::Reply& reply) {
        if (!reply.ok) {
            setMessage(tr("The configuration could not be read: %1").arg(reply.error.message));
            return;
        }
        showConfig(reply.result.toObject());
    });
}

QString ServiceConfigEditor::value(const QString& key) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, KeyColumn)->text() == key)
            return m_table->item(row, ValueColumn)->text();
    }
    return {};
}

void ServiceConfigEditor::showConfig(const QJsonObject& config)
{
    m_fileLabel->setText(tr("Configuration file: %1").arg(config.value(QStringLiteral("file")).toString()));
    const QJsonObject values = config.value(QStringLiteral("values")).toObject();
    m_values.clear();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(static_cast<int>(values.size()));
    int row = 0;
    for (auto it = values.begin(); it != values.end(); ++it, ++row) {
        const QString text =
            it.value().isString() ? it.value().toString() : it.value().toVariant().toString();
        m_values.insert(it.key(), text);
        auto* key = new QTableWidgetItem(it.key());
        key->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto* value = new QTableWidgetItem(text);
        value->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
        value->setData(Qt::UserRole, it.key());
        m_table->setItem(row, KeyColumn, key);
        m_table->setItem(row, ValueColumn, value);
    }
    setRestartNeeded(config.value(QStringLiteral("restart_required")).toBool());
    QStringList errors;
    for (const QJsonValue& error : config.value(QStringLiteral("errors")).toArray())
        errors.append(error.toString());
    setMessage(errors.isEmpty() ? QString()
                                : tr("The file has errors: %1").arg(errors.join(QStringLiteral("; "))));
}

void ServiceConfigEditor::valueEdited(QTableWidgetItem* item)
{
    if (item->column() != ValueColumn)
        return;
    const QString key = item->data(Qt::UserRole).toString();
    const QString value = item->text().trimmed();
    if (key.isEmpty() || m_values.value(key) == value)
        return;
    setMessage(tr("Saving %1…").arg(key));
    m_service.client().call(
        QStringLiteral("config.set"), QJsonObject{{QStringLiteral("values"), QJsonObject{{key, value}}}},
        this, [this, key, value](const control::Reply& reply) {
            if (!reply.ok) {
                // The file keeps the old value; so does the table.
                for (int row = 0; row < m_table->rowCount(); ++row) {
                    QTableWidgetItem* cell = m_table->item(row, ValueColumn);
                    if (cell->data(Qt::UserRole).toString() == key) {
                        const QSignalBlocker blocker(m_table);
                        cell->setText(m_values.value(key));
                    }
                }
                setMessage(tr("%1 was not changed: %2").arg(key, reply.error.message));
                return;
            }
            m_values.insert(key, value);
            setRestartNeeded(reply.result.toObject().value(QStringLiteral("restart_required")).toBool());
            setMessage(tr("%1 is now %2.").arg(key, value.isEmpty() ? tr("empty") : value));
        });
}

void ServiceConfigEditor::setRestartNeeded(bool needed)
{
    m_restartNeeded = needed;
    m_restartBar->setVisible(needed);
}

void ServiceConfigEditor::setMessage(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace pw::ui
