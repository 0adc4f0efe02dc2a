#pragma once

#include "shared/control/LineFramer.h"
#include "shared/control/RpcError.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonValue>
#include <QLocalSocket>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace pw::control {

struct Reply
{
    bool ok = false;
    QJsonValue result;
    RpcError error;
};

// The one client of the control socket, used by the app and the CLI alike. Calls are
// asynchronous; with auto-reconnect on, a lost service is retried with growing delays and
// `connected()` fires again when it is back (clients re-subscribe there).
class ControlClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Reply&)>;

    explicit ControlClient(QObject* parent = nullptr);
    ~ControlClient() override;

    void setSocketPath(const QString& path) { m_socketPath = path; }
    [[nodiscard]] QString socketPath() const { return m_socketPath; }
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }

    void connectToService();
    void disconnectFromService();
    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // `callback` runs once: with the result, the service's error, or Unavailable/Timeout.
    // It is dropped if `context` is destroyed first.
    void call(const QString& method, const QJsonValue& params, QObject* context, Callback callback,
              int timeoutMs = 30000);

signals:
    void connected();
    void disconnected();
    void connectionFailed(const QString& reason);
    void notificationReceived(const QString& method, const QJsonValue& params);

private:
    struct Pending
    {
        QPointer<QObject> context;
        Callback callback;
        QElapsedTimer started;
        int timeoutMs = 0;
    };

    void onReadyRead();
    void onDisconnected();
    void onError(QLocalSocket::LocalSocketError error);
    void handleLine(const QByteArray& line);
    void finish(qint64 id, const Reply& reply);
    void failAll(const RpcError& error);
    void scheduleReconnect();
    void expireCalls();

    QLocalSocket* m_socket;
    QTimer m_reconnectTimer;
    QTimer m_timeoutTimer;
    LineFramer m_framer;
    QString m_socketPath;
    QString m_lastError;
    QHash<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    int m_reconnectDelayMs = 0;
    bool m_autoReconnect = false;
    bool m_wasConnected = false;
};

} // namespace pw::control
