#pragma once

#include "app/ServiceManager.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace pw::ui {

class CertificatePanel;
class ServiceConfigEditor;
class StatusView;

// The service itself: start, stop, restart, where its data and config live, what it listens
// on, its configuration (editable) and its certificate.
// Object names (for tests): "startServiceButton", "stopServiceButton", "restartServiceButton",
// "serviceBusyBar", "serviceMessageLabel", plus those of StatusView, ServiceConfigEditor and
// CertificatePanel.
class ServiceView : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceView(app::ServiceManager& service, QWidget* parent = nullptr);

    [[nodiscard]] StatusView* statusView() const { return m_status; }
    [[nodiscard]] ServiceConfigEditor* configEditor() const { return m_config; }
    [[nodiscard]] CertificatePanel* certificatePanel() const { return m_certificate; }

private:
    enum class Request
    {
        None,
        Stop,
        Restart
    };

    void request(Request request);
    void onStateChanged(app::ServiceManager::State state);
    void updateActions();

    app::ServiceManager& m_service;
    StatusView* m_status;
    ServiceConfigEditor* m_config;
    CertificatePanel* m_certificate;
    QPushButton* m_startButton;
    QPushButton* m_stopButton;
    QPushButton* m_restartButton;
    QProgressBar* m_busyBar;
    QLabel* m_message;
    QTimer* m_requestTimeout;
    Request m_request = Request::None;
};

} // namespace pw::ui
