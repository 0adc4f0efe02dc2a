#include "ui/LogView.h"

#include "app/models/LogModel.h"
#include "shared/control/ControlClient.h"
#include "ui/LogFilterModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <array>

namespace pw::ui {

namespace {

constexpr int kBacklog = 500;
constexpr qsizetype kCapacity = 10000;

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

LogView::LogView(control::ControlClient& client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new app::LogModel(kCapacity, this))
    , m_filter(new LogFilterModel(this))
    , m_table(new QTableView(this))
    , m_levelCombo(new QComboBox(this))
    , m_categoryCombo(new QComboBox(this))
    , m_textEdit(new QLineEdit(this))
    , m_sessionEdit(new QLineEdit(this))
    , m_pauseCheck(new QCheckBox(tr("&Pause"), this))
    , m_showSessionButton(new QPushButton(tr("Sho&w session"), this))
    , m_sessionBar(new QFrame(this))
    , m_sessionLabel(new QLabel(m_sessionBar))
    , m_countLabel(new QLabel(this))
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

    m_categoryCombo->setObjectName(QStringLiteral("categoryComboBox"));
    m_categoryCombo->addItem(tr("All sources"), QString());
    m_categoryCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_textEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_textEdit->setPlaceholderText(tr("Text, address or session"));
    m_textEdit->setClearButtonEnabled(true);
    m_sessionEdit->setObjectName(QStringLiteral("sessionLineEdit"));
    m_sessionEdit->setPlaceholderText(tr("Session id"));
    m_sessionEdit->setClearButtonEnabled(true);
    m_pauseCheck->setObjectName(QStringLiteral("pauseCheckBox"));
    m_pauseCheck->setToolTip(tr("Hold new records back until you resume"));
    auto* exportButton =
        new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(tr("Save the records shown as text or JSON lines"));
    m_showSessionButton->setObjectName(QStringLiteral("showSessionButton"));
    m_showSessionButton->setToolTip(tr("Show every line of the selected record's session together"));

    m_table->setObjectName(QStringLiteral("logTableView"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from what the columns can hold, not from the rows so far: measuring contents on
    // every arriving record costs, and the columns would jump as longer values come in.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding =
        2 * metrics.averageCharWidth() + 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin);
    const std::array<std::pair<int, QString>, 4> widest{
        {{app::LogModel::TimeColumn, QStringLiteral("2026-12-31 23:59:59.999")},
         {app::LogModel::LevelColumn, QStringLiteral("warning")},
         {app::LogModel::CategoryColumn, QStringLiteral("directory")},
         {app::LogModel::SessionColumn, QStringLiteral("WWWWWWWW00")}}};
    for (const auto& [column, sample] : widest) {
        const QString header = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_table->setColumnWidth(
            column, std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header)) + padding);
    }
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Log records"));

    // Grouped mode: says which session is shown and how to get back.
    m_sessionBar->setObjectName(QStringLiteral("sessionBar"));
    m_sessionBar->setFrameShape(QFrame::StyledPanel);
    m_sessionBar->setAutoFillBackground(true);
    m_sessionBar->setBackgroundRole(QPalette::AlternateBase);
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    m_sessionLabel->setWordWrap(true);
    auto* backButton = new QPushButton(style()->standardIcon(QStyle::SP_ArrowBack),
                                       tr("&Back to all records"), m_sessionBar);
    backButton->setObjectName(QStringLiteral("backToAllButton"));
    backButton->setToolTip(tr("Show all records with the filters above (Esc)"));
    auto* barLayout = new QHBoxLayout(m_sessionBar);
    barLayout->addWidget(m_sessionLabel, 1);
    barLayout->addWidget(backButton);
    m_sessionBar->hide();

    m_countLabel->setObjectName(QStringLiteral("logCountLabel"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Level:"), m_levelCombo, this));
    filters->addWidget(m_levelCombo);
    filters->addWidget(buddyLabel(tr("S&ource:"), m_categoryCombo, this));
    filters->addWidget(m_categoryCombo);
    filters->addWidget(buddyLabel(tr("Sess&ion:"), m_sessionEdit, this));
    filters->addWidget(m_sessionEdit);
    filters->addWidget(buddyLabel(tr("Fil&ter:"), m_textEdit, this));
    filters->addWidget(m_textEdit, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_countLabel, 1);
    actions->addWidget(m_showSessionButton);
    actions->addWidget(m_pauseCheck);
    actions->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_sessionBar);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    m_filterWidgets = {m_levelCombo, m_categoryCombo, m_sessionEdit, m_textEdit};
    const QList<QWidget*> tabOrder{m_levelCombo, m_categoryCombo,     m_sessionEdit, m_textEdit,  backButton,
                                   m_table,      m_showSessionButton, m_pauseCheck,  exportButton};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder.at(i - 1), tabOrder.at(i));

    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(static_cast<core::LogLevel>(m_levelCombo->currentData().toInt()));
    });
    connect(m_categoryCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setCategory(m_categoryCombo->currentData().toString()); });
    connect(m_textEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_sessionEdit, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSession);
    connect(m_pauseCheck, &QCheckBox::toggled, this, &LogView::setPaused);
    connect(exportButton, &QPushButton::clicked, this, &LogView::exportInteractively);
    connect(m_showSessionButton, &QPushButton::clicked, this, [this] { showSession(selectedSession()); });
    connect(m_table, &QTableView::doubleClicked, this, [this] { showSession(selectedSession()); });
    connect(backButton, &QPushButton::clicked, this, &LogView::showAllRecords);
    auto* escape =
        new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (!shownSession().isEmpty())
            showAllRecords();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogView::updateActions);
    connect(m_model, &app::LogModel::categoryAdded, this, &LogView::addCategory);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LogView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LogView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LogView::updateCount);

    connect(&m_client, &control::ControlClient::connected, this, &LogView::subscribe);
    connect(&m_client, &control::ControlClient::notificationReceived, this,
            [this](const QString& method, const QJsonValue& params) {
                if (method == QLatin1String("logs.record"))
                    addRecords({core::LogRecord::fromJson(params.toObject())});
            });
    if (m_client.isConnected())
        subscribe();
    updateActions();
    updateCount();
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
        // Paused for a long time on a busy server: keep no more than the view would show.
        if (m_heldBack.size() > m_model->capacity())
            m_heldBack.remove(0, m_heldBack.size() - m_model->capacity());
        updateCount();
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
    updateCount();
}

void LogView::addCategory(const QString& category)
{
    // Sorted after the "all" entry; the current choice stays selected.
    int index = 1;
    while (index < m_categoryCombo->count() && m_categoryCombo->itemData(index).toString() < category)
        ++index;
    if (index < m_categoryCombo->count() && m_categoryCombo->itemData(index).toString() == category)
        return;
    m_categoryCombo->insertItem(index, category, category);
}

QString LogView::selectedSession() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(app::LogModel::SessionRole).toString() : QString();
}

void LogView::showSession(const QString& session)
{
    if (session.isEmpty())
        return;
    m_filter->setFocusSession(session);
    for (QWidget* widget : std::as_const(m_filterWidgets))
        widget->setEnabled(false);
    m_sessionBar->show();
    updateCount();
    updateActions();
    m_table->setFocus();
}

void LogView::showAllRecords()
{
    m_filter->setFocusSession({});
    for (QWidget* widget : std::as_const(m_filterWidgets))
        widget->setEnabled(true);
    m_sessionBar->hide();
    updateCount();
    updateActions();
    m_table->scrollToBottom();
}

QString LogView::shownSession() const
{
    return m_filter->focusSession();
}

void LogView::updateActions()
{
    m_showSessionButton->setEnabled(shownSession().isEmpty() && !selectedSession().isEmpty());
}

void LogView::updateCount()
{
    const int shown = m_filter->rowCount();
    if (!shownSession().isEmpty())
        m_sessionLabel->setText(
            tr("Session %1: %n line(s) in order. New lines of this session appear as they "
               "arrive.",
               nullptr, shown)
                .arg(shownSession()));
    QString text = tr("%1 of %n record(s)", nullptr, m_model->rowCount()).arg(shown);
    if (m_pauseCheck->isChecked())
        text += QStringLiteral(" — ") +
                tr("paused, %n new record(s) held back", nullptr, static_cast<int>(m_heldBack.size()));
    m_countLabel->setText(text);
}

bool LogView::exportTo(const QString& path, QString* error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool json = suffix == QLatin1String("jsonl") || suffix == QLatin1String("json");
    return exportTo(path, json ? ExportFormat::JsonLines : ExportFormat::Text, error);
}

bool LogView::exportTo(const QString& path, ExportFormat format, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const core::LogRecord& record = m_model->record(m_filter->mapToSource(m_filter->index(row, 0)).row());
        const QByteArray line = format == ExportFormat::JsonLines
                                    ? QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)
                                    : record.toText().toUtf8();
        file.write(line + '\n');
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogView::exportInteractively()
{
    const QString textFilter = tr("Text (*.log *.txt)");
    const QString jsonFilter = tr("JSON lines (*.jsonl)");
    QString selected = textFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export log"), QStringLiteral("postwarden.log"),
                                                textFilter + QStringLiteral(";;") + jsonFilter, &selected);
    if (path.isEmpty())
        return;
    const ExportFormat format = selected == jsonFilter ? ExportFormat::JsonLines : ExportFormat::Text;
    if (format == ExportFormat::JsonLines && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    QString error;
    if (!exportTo(path, format, &error))
        QMessageBox::warning(this, tr("Export log"),
                             tr("The log could not be saved to %1: %2").arg(path, error));
}

} // namespace pw::ui
