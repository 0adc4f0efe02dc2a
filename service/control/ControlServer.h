#pragma once

#include "service/control/MethodTable.h"
#include "shared/core/LogRecord.h"

#include <QList>
#include <QObject>

class QLocalServer;

namespace pw::service {

class ControlConnection;

// The admin boundary: a Unix socket of mode 0600 inside the 0700 data directory, and every peer's
// uid checked against ours (root may always connect).
class ControlServer : public QObject
{
    Q_OBJECT

public:
    explicit ControlServer(QObject* parent = nullptr);
    ~ControlServer() override;

    [[nodiscard]] bool listen(const QString& path, QString* error);
    void close();

    [[nodiscard]] MethodTable& methods() { return m_methods; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] qsizetype connectionCount() const { return m_connections.size(); }

    void broadcastLog(const core::LogRecord& record);

signals:
    void peerRejected(quint32 uid);

private:
    void onNewConnection();

    QLocalServer* m_server;
    MethodTable m_methods;
    QList<ControlConnection*> m_connections;
    QString m_path;
};

} // namespace pw::service
