#include "ui/console/DashboardView.h"

#include "app/DiagnosticsHistory.h"
#include "app/ServiceManager.h"
#include "ui/CheckResultsView.h"
#include "ui/console/HourlyChart.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace pw::ui {

namespace {

const QString kNone = QStringLiteral("—");

QString formatUptime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return DashboardView::tr("%n day(s), %1 h", nullptr, static_cast<int>(days)).arg(hours);
    if (hours > 0)
        return DashboardView::tr("%1 h %2 min").arg(hours).arg(minutes);
    return DashboardView::tr("%1 min").arg(minutes);
}

QString ago(const QDateTime& time)
{
    const qint64 seconds = time.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 90)
        return DashboardView::tr("just now");
    if (seconds < 5400)
        return DashboardView::tr("%n minute(s) ago", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 2 * 86400)
        return DashboardView::tr("%n hour(s) ago", nullptr, static_cast<int>(seconds / 3600));
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

DashboardView::DashboardView(app::ServiceManager& service, QWidget* parent, app::DiagnosticsHistory* history)
    : QWidget(parent)
    , m_service(service)
    , m_history(history ? *history : app::DiagnosticsHistory::shared())
    , m_state(addValue("dashboardStateLabel"))
    , m_version(addValue("dashboardVersionLabel"))
    , m_uptime(addValue("dashboardUptimeLabel"))
    , m_listeners(addValue("dashboardListenersLabel"))
    , m_domains(addValue("domainCountLabel"))
    , m_mailboxes(addValue("mailboxCountLabel"))
    , m_aliases(addValue("aliasCountLabel"))
    , m_received(addValue("receivedTodayLabel"))
    , m_sent(addValue("sentTodayLabel"))
    , m_rejected(addValue("rejectedTodayLabel"))
    , m_queue(addValue("queueSizeLabel"))
    , m_verdictIcon(new QLabel(this))
    , m_verdict(addValue("diagnosticsVerdictLabel"))
    , m_runDiagnostics(new QPushButton(tr("Run &Diagnostics…"), this))
    , m_chart(new HourlyChart(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    const auto row = [this](QFormLayout* form, const QString& text, QLabel* value) {
        auto* label = new QLabel(text, this);
        label->setBuddy(value);
        form->addRow(label, value);
    };

    auto* serviceBox = new QGroupBox(tr("Mail service"), this);
    auto* serviceForm = new QFormLayout(serviceBox);
    row(serviceForm, tr("State:"), m_state);
    row(serviceForm, tr("Version:"), m_version);
    row(serviceForm, tr("Running for:"), m_uptime);
    row(serviceForm, tr("Listening on:"), m_listeners);
    row(serviceForm, tr("Domains:"), m_domains);
    row(serviceForm, tr("Mailboxes:"), m_mailboxes);
    row(serviceForm, tr("Aliases:"), m_aliases);

    auto* todayBox = new QGroupBox(tr("Today"), this);
    auto* todayForm = new QFormLayout(todayBox);
    row(todayForm, tr("Received:"), m_received);
    row(todayForm, tr("Sent:"), m_sent);
    row(todayForm, tr("Rejected:"), m_rejected);
    row(todayForm, tr("In the queue:"), m_queue);

    auto* diagnosticsBox = new QGroupBox(tr("Last diagnostics"), this);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    m_verdictIcon->setObjectName(QStringLiteral("diagnosticsVerdictIcon"));
    m_verdictIcon->setFixedSize(iconSize, iconSize);
    m_verdict->setWordWrap(true);
    m_runDiagnostics->setObjectName(QStringLiteral("runDiagnosticsButton"));
    auto* verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    verdictRow->addWidget(m_verdict, 1);
    auto* diagnosticsLayout = new QVBoxLayout(diagnosticsBox);
    diagnosticsLayout->addLayout(verdictRow);
    diagnosticsLayout->addStretch(1);
    diagnosticsLayout->addWidget(m_runDiagnostics, 0, Qt::AlignRight);

    auto* chartBox = new QGroupBox(tr("Messages per hour, last 24 hours"), this);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->addWidget(m_chart);

    auto* layout = new QGridLayout(this);
    layout->addWidget(serviceBox, 0, 0);
    layout->addWidget(todayBox, 0, 1);
    layout->addWidget(diagnosticsBox, 0, 2);
    layout->addWidget(chartBox, 1, 0, 1, 3);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);
    layout->setColumnStretch(2, 3);
    layout->setRowStretch(1, 1);

    m_statsTimer.setInterval(kStatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &DashboardView::refreshStats);
    connect(m_runDiagnostics, &QPushButton::clicked, this, &DashboardView::diagnosticsRequested);
    connect(&service, &app::ServiceManager::statusUpdated, this, &DashboardView::showStatus);
    connect(&service, &app::ServiceManager::stateChanged, this, [this](app::ServiceManager::State state) {
        if (state == app::ServiceManager::State::Stopped)
            showNotRunning();
    });
    connect(&service.client(), &control::ControlClient::connected, this, [this] {
        if (isVisible())
            refreshStats();
    });
    connect(&m_history, &app::DiagnosticsHistory::changed, this, &DashboardView::showVerdict);

    showNotRunning();
    if (!service.lastStatus().isEmpty() && service.state() == app::ServiceManager::State::Running)
        showStatus(service.lastStatus());
    showVerdict();
}

QLabel* DashboardView::addValue(const char* objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void DashboardView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshStats();
    m_statsTimer.start();
}

void DashboardView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_statsTimer.stop();
}

void DashboardView::showStatus(const QJsonObject& s)
{
    m_state->setText(tr("Running"));
    m_version->setText(s.value(QStringLiteral("version")).toString());
    m_uptime->setText(formatUptime(s.value(QStringLiteral("uptime_seconds")).toInteger()));

    QStringList listeners;
    for (const QJsonValue& value : s.value(QStringLiteral("listeners")).toArray()) {
        const QJsonObject l = value.toObject();
        const QString role = l.value(QStringLiteral("role")).toString();
        if (role == QLatin1String("control"))
            continue; // the admin socket, not mail
        const QString state = l.value(QStringLiteral("state")).toString();
        const QString line = role + QLatin1Char(' ') + l.value(QStringLiteral("address")).toString();
        listeners.append(state == QLatin1String("listening") ? line : tr("%1 (%2)").arg(line, state));
    }
    m_listeners->setText(listeners.isEmpty() ? tr("no mail ports (all off in the configuration)")
                                             : listeners.join(QLatin1Char('\n')));

    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    const QLocale locale;
    m_domains->setText(locale.toString(counts.value(QStringLiteral("domains")).toInteger()));
    m_mailboxes->setText(locale.toString(counts.value(QStringLiteral("mailboxes")).toInteger()));
    m_aliases->setText(locale.toString(counts.value(QStringLiteral("aliases")).toInteger()));
}

void DashboardView::showNotRunning()
{
    m_state->setText(tr("Not running"));
    for (QLabel* label : {m_version, m_uptime, m_listeners, m_domains, m_mailboxes, m_aliases, m_received,
                          m_sent, m_rejected, m_queue})
        label->setText(kNone);
    m_chart->setUnavailable(tr("The service is not running."));
}

void DashboardView::refreshStats()
{
    if (!m_service.client().isConnected())
        return;
    m_service.client().call(QStringLiteral("stats"), {}, this,
                            [this](const control::Reply& reply) { showStats(reply); });
}

void DashboardView::showStats(const control::Reply& reply)
{
    if (!reply.ok) {
        for (QLabel* label : {m_received, m_sent, m_rejected, m_queue})
            label->setText(kNone);
        m_chart->setUnavailable(reply.error.code == control::ErrorCode::MethodNotFound
                                    ? tr("This version of the service does not count messages.")
                                    : tr("No figures: %1").arg(reply.error.message));
        return;
    }
    const QJsonObject result = reply.result.toObject();
    const QJsonObject today = result.value(QStringLiteral("today")).toObject();
    const QLocale locale;
    m_received->setText(locale.toString(today.value(QStringLiteral("received")).toInteger()));
    m_sent->setText(locale.toString(today.value(QStringLiteral("sent")).toInteger()));
    m_rejected->setText(locale.toString(today.value(QStringLiteral("rejected")).toInteger()));
    const QJsonObject queue = result.value(QStringLiteral("queue")).toObject();
    const bool queueKnown = queue.value(QStringLiteral("available")).toBool();
    m_queue->setText(queueKnown ? locale.toString(queue.value(QStringLiteral("size")).toInteger()) : kNone);
    m_queue->setToolTip(queueKnown ? QString() : tr("This service has no outbound queue yet."));

    QList<HourlyChart::Hour> hours;
    for (const QJsonValue& value : result.value(QStringLiteral("hours")).toArray()) {
        const QJsonObject h = value.toObject();
        hours.append({QDateTime::fromString(h.value(QStringLiteral("start")).toString(), Qt::ISODate),
                      static_cast<int>(h.value(QStringLiteral("received")).toInteger()),
                      static_cast<int>(h.value(QStringLiteral("sent")).toInteger())});
    }
    m_chart->setHours(hours);
}

void DashboardView::showVerdict()
{
    const std::optional<app::DiagnosticsRunRecord> run = m_history.latest();
    if (!run) {
        m_verdictIcon->clear();
        m_verdict->setText(tr("Not run yet. Run the diagnostics to see whether mail to and from your "
                              "domains works."));
        return;
    }
    const int iconSize = m_verdictIcon->width();
    m_verdictIcon->setPixmap(CheckResultsView::statusIcon(run->worst).pixmap(iconSize, iconSize));
    const QString headline =
        run->worst == diag::CheckStatus::Fail      ? tr("Something must be fixed.")
        : run->worst == diag::CheckStatus::Warn    ? tr("It works, but some things should be improved.")
        : run->worst == diag::CheckStatus::Unknown ? tr("Some checks could not tell.")
                                                   : tr("Everything checked is in order.");
    const QString where =
        run->domain.isEmpty() ? ago(run->time) : tr("%1, %2").arg(run->domain, ago(run->time));
    m_verdict->setText(tr("%1\n%2 passed, %3 warnings, %4 failed (%5)")
                           .arg(headline)
                           .arg(run->count(diag::CheckStatus::Pass))
                           .arg(run->count(diag::CheckStatus::Warn))
                           .arg(run->count(diag::CheckStatus::Fail))
                           .arg(where));
    m_verdict->setAccessibleDescription(CheckResultsView::statusText(run->worst));
}

} // namespace pw::ui
