#include "service/core/LogHub.h"

#include <QMetaObject>
#include <QThread>
#include <cstdio>

namespace pw::service {

LogHub::LogHub(qsizetype capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(capacity)
{
    qRegisterMetaType<pw::core::LogRecord>();
}

void LogHub::setCapacity(qsizetype capacity)
{
    QMutexLocker locker(&m_mutex);
    m_capacity = capacity;
    while (static_cast<qsizetype>(m_records.size()) > m_capacity)
        m_records.pop_front();
}

void LogHub::log(core::LogLevel level, const QString& category, const QString& message,
                 const QJsonObject& fields, const QString& session)
{
    append(core::LogRecord{0, QDateTime::currentDateTimeUtc(), level, category, message, session, fields});
}

void LogHub::append(core::LogRecord record)
{
    if (QThread::currentThread() == thread())
        emit recordLogged(record);
    else
        QMetaObject::invokeMethod(
            this, [this, record] { emit recordLogged(record); }, Qt::QueuedConnection);
    if (record.level < m_minimumLevel)
        return;
    {
        QMutexLocker locker(&m_mutex);
        record.seq = m_nextSeq++;
        m_records.push_back(record);
        while (static_cast<qsizetype>(m_records.size()) > m_capacity)
            m_records.pop_front();
    }
    if (m_echo) {
        const QByteArray line = record.toText().toUtf8() + '\n';
        std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    }
    if (QThread::currentThread() == thread())
        emit recordAdded(record);
    else
        QMetaObject::invokeMethod(
            this, [this, record] { emit recordAdded(record); }, Qt::QueuedConnection);
}

QList<core::LogRecord> LogHub::tail(qsizetype count, core::LogLevel minimumLevel) const
{
    QMutexLocker locker(&m_mutex);
    QList<core::LogRecord> result;
    for (auto it = m_records.rbegin(); it != m_records.rend() && result.size() < count; ++it) {
        if (it->level >= minimumLevel)
            result.prepend(*it);
    }
    return result;
}

quint64 LogHub::lastSeq() const
{
    QMutexLocker locker(&m_mutex);
    return m_nextSeq - 1;
}

qsizetype LogHub::size() const
{
    QMutexLocker locker(&m_mutex);
    return static_cast<qsizetype>(m_records.size());
}

} // namespace pw::service
