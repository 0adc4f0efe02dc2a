#pragma once

#include <QLockFile>
#include <QString>

namespace pw::service {

// One postwardend per data directory. QLockFile records our pid and detects a stale lock left
// by a killed process, so a crash never needs manual cleanup.
class InstanceLock
{
public:
    explicit InstanceLock(const QString& path);

    // False with a message naming the running instance when another one holds the lock.
    [[nodiscard]] bool acquire(QString* error);

private:
    QLockFile m_lock;
    QString m_path;
};

} // namespace pw::service
