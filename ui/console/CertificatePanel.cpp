#include "ui/console/CertificatePanel.h"

#include "app/ServiceManager.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace pw::ui {

CertificatePanel::CertificatePanel(app::ServiceManager& service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_status(new QLabel(this))
    , m_reloadButton(
          new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Re&load certificate"), this))
{
    setObjectName(QStringLiteral("certificatePanel"));
    auto* form = new QFormLayout;
    m_subject = addRow(form, tr("Subject:"), QStringLiteral("certSubjectLabel"));
    m_issuer = addRow(form, tr("Issuer:"), QStringLiteral("certIssuerLabel"));
    m_validity = addRow(form, tr("Valid:"), QStringLiteral("certValidityLabel"));
    m_fingerprint = addRow(form, tr("SHA-256:"), QStringLiteral("certFingerprintLabel"));
    m_selfSigned = addRow(form, tr("Signed by:"), QStringLiteral("certSelfSignedLabel"));
    m_path = addRow(form, tr("File:"), QStringLiteral("certPathLabel"));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_status->setObjectName(QStringLiteral("certStatusLabel"));
    m_status->setWordWrap(true);
    m_reloadButton->setObjectName(QStringLiteral("reloadCertificateButton"));
    m_reloadButton->setToolTip(tr("Read the certificate and key files again, after you replaced them"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_reloadButton, 0, Qt::AlignLeft);
    layout->addStretch();

    connect(m_reloadButton, &QPushButton::clicked, this, [this] {
        m_reloadButton->setEnabled(false);
        m_status->setText(tr("Reloading…"));
        m_service.client().call(QStringLiteral("tls.reload"), {}, this, [this](const control::Reply& reply) {
            m_reloadButton->setEnabled(m_service.state() == app::ServiceManager::State::Running);
            if (!reply.ok) {
                m_status->setText(tr("The certificate was not reloaded: %1").arg(reply.error.message));
                return;
            }
            showCertificate(reply.result.toObject());
            m_status->setText(
                tr("Reloaded at %1.").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)) +
                QLatin1Char(' ') + m_status->text());
        });
    });
    connect(&m_service.client(), &control::ControlClient::connected, this, &CertificatePanel::refresh);
    connect(&m_service, &app::ServiceManager::stateChanged, this, [this](app::ServiceManager::State state) {
        if (state != app::ServiceManager::State::Running)
            showNone(tr("The service is not running."));
    });
    showNone(tr("The service is not running."));
    if (m_service.client().isConnected())
        refresh();
}

QLabel* CertificatePanel::addRow(QFormLayout* form, const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(label, value);
    return value;
}

void CertificatePanel::refresh()
{
    m_service.client().call(QStringLiteral("tls.show"), {}, this, [this](const control::Reply& reply) {
        if (!reply.ok) {
            showNone(tr("The service did not say: %1").arg(reply.error.message));
            return;
        }
        showCertificate(reply.result.toObject());
    });
}

void CertificatePanel::showCertificate(const QJsonObject& c)
{
    if (!c.value(QStringLiteral("loaded")).toBool()) {
        // No mail listener, no certificate: the service makes one when a listener needs it.
        showNone(tr("No certificate is in use: no mail listener is configured."));
        return;
    }
    const auto date = [](const QJsonValue& value) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                              : value.toString();
    };
    m_subject->setText(c.value(QStringLiteral("subject")).toString());
    m_issuer->setText(c.value(QStringLiteral("issuer")).toString());
    m_validity->setText(
        tr("from %1 until %2")
            .arg(date(c.value(QStringLiteral("not_before"))), date(c.value(QStringLiteral("not_after")))));
    m_fingerprint->setText(c.value(QStringLiteral("sha256")).toString());
    const bool selfSigned = c.value(QStringLiteral("self_signed")).toBool();
    m_selfSigned->setText(selfSigned
                              ? tr("itself (self-signed): mail clients warn until a certificate from a "
                                   "certificate authority is configured")
                              : tr("a certificate authority"));
    m_path->setText(c.value(QStringLiteral("path")).toString());

    QStringList notes;
    if (!c.value(QStringLiteral("hostname_matches")).toBool(true))
        notes.append(tr("The certificate does not name the service's host name."));
    for (const QJsonValue& warning : c.value(QStringLiteral("warnings")).toArray())
        notes.append(warning.toString());
    m_status->setText(notes.join(QLatin1Char(' ')));
    m_reloadButton->setEnabled(true);
}

void CertificatePanel::showNone(const QString& why)
{
    for (QLabel* label : {m_subject, m_issuer, m_validity, m_fingerprint, m_selfSigned, m_path})
        label->setText(tr("—"));
    m_status->setText(why);
    m_reloadButton->setEnabled(false);
}

} // namespace pw::ui
