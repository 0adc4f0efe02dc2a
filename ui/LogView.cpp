#include "ui/LogView.h"

#include "app/models/LogModel.h"
#include "shared/control/ControlClient.h"
#include "ui/LogFilterModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace pw::ui {

namespace {
constexpr int kBacklog = 500;
}

LogView::LogView(control::ControlClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new app::LogModel(10000, this))
    , m_filter(new LogFilterModel(this))
    , m_table(new QTableView(this))
    , m_levelCombo(new QComboBox(this))
    , m_textEdit(new QLineEdit(this))
    , m_pauseCheck(new QCheckBox(tr("&Pause"), this))
{
    setObjectName(QStringLiteral("logView"));
    m_filter->setSourceModel(m_model);

    m_levelCombo->setObjectName(QStringLiteral("levelComboBox"));
    const QList<std::pair<QString, core::LogLevel>> levels{
        {tr("Debug and above"), core::LogLevel::Debug},
        {tr("Info and above"), core::LogLevel::Info},
        {tr("Notices and above"), core::LogLevel::Notice},
        {tr("Warnings and errors"), core::LogLevel::Warning},
        {tr("Errors only"), core::LogLevel::Error}};
    for (const auto& [label, level] : levels)
        m_levelCombo->addItem(label, static_cast<int>(level));
    auto* levelLabel = new QLabel(tr("&Show:"), this);
    levelLabel->setBuddy(m_levelCombo);

    m_textEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_textEdit->setPlaceholderText(tr("Filter by text, address or session"));
    m_textEdit->setClearButtonEnabled(true);
    m_pauseCheck->setObjectName(QStringLiteral("pauseCheckBox"));
    auto* exportButton = new QPushButton(tr("&Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));

    m_table->setObjectName(QStringLiteral("logTableView"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const int column :
         {app::LogModel::TimeColumn, app::LogModel::LevelColumn, app::LogModel::CategoryColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(levelLabel);
    toolbar->addWidget(m_levelCombo);
    toolbar->addWidget(m_textEdit, 1);
    toolbar->addWidget(m_pauseCheck);
    toolbar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_table, 1);

    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(static_cast<core::LogLevel>(m_levelCombo->currentData().toInt()));
    });
    connect(m_textEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_pauseCheck, &QCheckBox::toggled, this, &LogView::setPaused);
    connect(exportButton, &QPushButton::clicked, this, &LogView::exportInteractively);
    // Double-clicking a record shows that session's lines alone; clearing the filter text undoes it.
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString session = index.data(app::LogModel::SessionRole).toString();
        if (!session.isEmpty())
            m_textEdit->setText(session);
    });

    connect(&m_client, &control::ControlClient::connected, this, &LogView::subscribe);
    connect(&m_client, &control::ControlClient::notificationReceived, this,
            [this](const QString& method, const QJsonValue& params) {
                if (method == QLatin1String("logs.record"))
                    addRecords({core::LogRecord::fromJson(params.toObject())});
            });
    if (m_client.isConnected())
        subscribe();
}

void LogView::subscribe()
{
    m_client.call(QStringLiteral("logs.subscribe"),
                  QJsonObject{{QStringLiteral("backlog"), kBacklog},
                              {QStringLiteral("level"), QStringLiteral("debug")}},
                  this, [this](const control::Reply& reply) {
                      if (!reply.ok)
                          return;
                      // A new connection may be a new service: its backlog replaces what we showed.
                      m_model->clear();
                      m_heldBack.clear();
                      QList<core::LogRecord> records;
                      for (const QJsonValue& value :
                           reply.result.toObject().value(QStringLiteral("records")).toArray())
                          records.append(core::LogRecord::fromJson(value.toObject()));
                      addRecords(records);
                  });
}

void LogView::addRecords(const QList<core::LogRecord>& records)
{
    if (m_pauseCheck->isChecked()) {
        m_heldBack.append(records);
        return;
    }
    const QScrollBar* bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->append(records);
    if (atBottom)
        m_table->scrollToBottom();
}

void LogView::setPaused(bool paused)
{
    if (!paused)
        addRecords(std::exchange(m_heldBack, {}));
}

bool LogView::exportTo(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const int sourceRow = m_filter->mapToSource(m_filter->index(row, 0)).row();
        file.write(m_model->record(sourceRow).toText().toUtf8() + '\n');
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogView::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export log"), QStringLiteral("postwarden.log"), tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export log"),
                             tr("The log could not be saved to %1: %2").arg(path, error));
}

} // namespace pw::ui
