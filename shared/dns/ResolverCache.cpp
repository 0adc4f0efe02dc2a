#include "shared/dns/ResolverCache.h"

#include <algorithm>

namespace pw::dns {

ResolverCache::ResolverCache(int maxEntries)
    : m_maxEntries(std::max(1, maxEntries))
{}

QString ResolverCache::key(const QString& name, RecordType type)
{
    // RFC 4343: names compare case-insensitively.
    QString normalized = name.toLower();
    if (normalized.endsWith(QLatin1Char('.')))
        normalized.chop(1);
    return normalized + QLatin1Char('/') + QString::number(static_cast<quint16>(type));
}

std::optional<LookupResult> ResolverCache::find(const QString& name, RecordType type, Clock::time_point now)
{
    const auto it = m_entries.find(key(name, type));
    if (it == m_entries.end())
        return std::nullopt;
    if (now >= it->expires) {
        m_entries.erase(it);
        return std::nullopt;
    }

    LookupResult result = it->result;
    result.fromCache = true;
    const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - it->stored).count();
    const auto aged = [age](quint32 ttl) {
        return ttl > age ? static_cast<quint32>(ttl - static_cast<quint32>(age)) : 0U;
    };
    for (Record& record : result.records)
        record.ttl = aged(record.ttl);
    for (Record& record : result.cnameChain)
        record.ttl = aged(record.ttl);
    return result;
}

void ResolverCache::insert(const LookupResult& result, std::chrono::seconds ttl, Clock::time_point now)
{
    if (ttl <= std::chrono::seconds::zero())
        return;
    const QString entryKey = key(result.name, result.type);
    if (!m_entries.contains(entryKey))
        makeRoom(now);
    Entry entry{result, now, now + ttl};
    entry.result.fromCache = false;
    m_entries.insert(entryKey, std::move(entry));
}

void ResolverCache::clear()
{
    m_entries.clear();
}

void ResolverCache::setMaxEntries(int maxEntries)
{
    m_maxEntries = std::max(1, maxEntries);
    while (m_entries.size() > m_maxEntries)
        makeRoom(Clock::now());
}

void ResolverCache::makeRoom(Clock::time_point now)
{
    if (m_entries.size() < m_maxEntries)
        return;
    m_entries.removeIf([now](const auto& it) { return now >= it.value().expires; });
    while (m_entries.size() >= m_maxEntries) {
        auto soonest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->expires < soonest->expires)
                soonest = it;
        }
        m_entries.erase(soonest);
    }
}

} // namespace pw::dns
