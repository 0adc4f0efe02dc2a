#pragma once

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace pw::app {
class ServiceManager;
}

namespace pw::ui {

// The certificate the mail listeners present (tls.show): subject, issuer, validity, SHA-256
// fingerprint, whether it is self-signed; "Reload certificate" reads it from disk again
// (tls.reload), after the owner replaced the files.
// Object names (for tests): "certSubjectLabel", "certIssuerLabel", "certValidityLabel",
// "certFingerprintLabel", "certSelfSignedLabel", "certPathLabel", "certStatusLabel",
// "reloadCertificateButton".
class CertificatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit CertificatePanel(app::ServiceManager& service, QWidget* parent = nullptr);

    void refresh();

private:
    void showCertificate(const QJsonObject& certificate);
    void showNone(const QString& why);
    QLabel* addRow(QFormLayout* form, const QString& label, const QString& objectName);

    app::ServiceManager& m_service;
    QLabel* m_subject;
    QLabel* m_issuer;
    QLabel* m_validity;
    QLabel* m_fingerprint;
    QLabel* m_selfSigned;
    QLabel* m_path;
    QLabel* m_status;
    QPushButton* m_reloadButton;
};

} // namespace pw::ui
