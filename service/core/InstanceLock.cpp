#include "service/core/InstanceLock.h"

#include <QObject>

namespace pw::service {

InstanceLock::InstanceLock(const QString& path)
    : m_lock(path)
    , m_path(path)
{
    m_lock.setStaleLockTime(0); // only a dead owner makes the lock stale, never its age
}

bool InstanceLock::acquire(QString* error)
{
    if (m_lock.tryLock(0))
        return true;
    if (error) {
        qint64 pid = 0;
        QString host;
        QString app;
        if (m_lock.error() == QLockFile::LockFailedError && m_lock.getLockInfo(&pid, &host, &app))
            *error =
                QObject::tr("another postwardend (pid %1) is already running on this data directory (%2)")
                    .arg(pid)
                    .arg(m_path);
        else
            *error = QObject::tr("cannot create the lock file %1").arg(m_path);
    }
    return false;
}

} // namespace pw::service
