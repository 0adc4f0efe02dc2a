#pragma once

#include "shared/dns/LookupResult.h"
#include "shared/dns/RecordType.h"

#include <QHash>
#include <QString>
#include <chrono>
#include <optional>

namespace pw::dns {

// Answers kept for their TTL. The resolver decides how long (see ResponseInterpreter); the
// cache only keeps, ages and forgets. Time comes in as a parameter so that tests need no sleep.
class ResolverCache
{
public:
    using Clock = std::chrono::steady_clock;

    explicit ResolverCache(int maxEntries = 10000);

    // The stored answer with fromCache set and record TTLs lowered by the time spent in the
    // cache; nullopt if there is none or it has expired.
    [[nodiscard]] std::optional<LookupResult> find(const QString& name, RecordType type,
                                                   Clock::time_point now);
    // A zero ttl stores nothing. When full, expired entries go first, then those closest to
    // expiry.
    void insert(const LookupResult& result, std::chrono::seconds ttl, Clock::time_point now);
    void clear();

    [[nodiscard]] int size() const { return static_cast<int>(m_entries.size()); }
    void setMaxEntries(int maxEntries);
    [[nodiscard]] int maxEntries() const { return m_maxEntries; }

private:
    struct Entry
    {
        LookupResult result;
        Clock::time_point stored;
        Clock::time_point expires;
    };

    static QString key(const QString& name, RecordType type);
    void makeRoom(Clock::time_point now);

    QHash<QString, Entry> m_entries;
    int m_maxEntries;
};

} // namespace pw::dns
