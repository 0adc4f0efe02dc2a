#include "ui/StatusView.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pw::ui {

QString StatusView::formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%n day(s), %1 h %2 min", nullptr, static_cast<int>(days)).arg(hours).arg(minutes);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
}

StatusView::StatusView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("statusView"));
    auto* serviceBox = new QGroupBox(tr("Mail service"), this);
    auto* form = new QFormLayout(serviceBox);
    m_state = addRow(form, tr("State:"), QStringLiteral("stateLabel"));
    m_version = addRow(form, tr("Version:"), QStringLiteral("versionLabel"));
    m_pid = addRow(form, tr("Process ID:"), QStringLiteral("pidLabel"));
    m_uptime = addRow(form, tr("Running for:"), QStringLiteral("uptimeLabel"));
    m_hostname = addRow(form, tr("Host name:"), QStringLiteral("hostnameLabel"));
    m_dataDir = addRow(form, tr("Data directory:"), QStringLiteral("dataDirLabel"));
    m_configFile = addRow(form, tr("Configuration:"), QStringLiteral("configFileLabel"));
    m_counts = addRow(form, tr("Counts:"), QStringLiteral("countsLabel"));

    auto* listenersBox = new QGroupBox(tr("Listeners"), this);
    m_listeners = new QTableWidget(0, 3, listenersBox);
    m_listeners->setObjectName(QStringLiteral("listenersTableWidget"));
    m_listeners->setHorizontalHeaderLabels({tr("Role"), tr("Address"), tr("State")});
    m_listeners->horizontalHeader()->setStretchLastSection(true);
    m_listeners->verticalHeader()->hide();
    m_listeners->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listeners->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* listenersLayout = new QVBoxLayout(listenersBox);
    listenersLayout->addWidget(m_listeners);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(serviceBox);
    layout->addWidget(listenersBox, 1);
    showNotRunning();
}

QLabel* StatusView::addRow(QFormLayout* form, const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

void StatusView::showStatus(const QJsonObject& s)
{
    m_state->setText(tr("Running"));
    m_version->setText(s.value(QStringLiteral("version")).toString());
    m_pid->setText(QString::number(s.value(QStringLiteral("pid")).toInteger()));
    m_uptime->setText(formatUptime(s.value(QStringLiteral("uptime_seconds")).toInteger()));
    m_hostname->setText(s.value(QStringLiteral("hostname")).toString());
    m_dataDir->setText(s.value(QStringLiteral("data_dir")).toString());
    m_configFile->setText(s.value(QStringLiteral("config_file")).toString());
    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    m_counts->setText(tr("admin connections: %1, log records: %2, events: %3")
                          .arg(counts.value(QStringLiteral("control_clients")).toInteger())
                          .arg(counts.value(QStringLiteral("log_records")).toInteger())
                          .arg(counts.value(QStringLiteral("events")).toInteger()));

    const QJsonArray listeners = s.value(QStringLiteral("listeners")).toArray();
    m_listeners->setRowCount(static_cast<int>(listeners.size()));
    for (int row = 0; row < listeners.size(); ++row) {
        const QJsonObject l = listeners.at(row).toObject();
        const QStringList cells{l.value(QStringLiteral("role")).toString(),
                                l.value(QStringLiteral("address")).toString(),
                                l.value(QStringLiteral("state")).toString()};
        for (int column = 0; column < cells.size(); ++column)
            m_listeners->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_listeners->resizeColumnsToContents();
}

void StatusView::showNotRunning()
{
    m_state->setText(tr("Not running"));
    for (QLabel* label : {m_version, m_pid, m_uptime, m_hostname, m_counts})
        label->setText(tr("—"));
    m_listeners->setRowCount(0);
}

void StatusView::showTransition(const QString& state)
{
    m_state->setText(state);
}

void StatusView::setDataDir(const QString& dataDir)
{
    m_dataDir->setText(dataDir);
}

} // namespace pw::ui
