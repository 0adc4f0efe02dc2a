#pragma once

#include "shared/dns/DnsExchange.h"
#include "shared/dns/Resolver.h"
#include "shared/dns/ResolverCache.h"
#include "shared/dns/ResolverOptions.h"
#include "shared/dns/ServerAddress.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

namespace pw::dns {

// The real resolver: a stub that asks recursive servers (explicit ones or those of
// /etc/resolv.conf). Queries are built and read with ldns and travel over Qt sockets in the
// event loop of the resolver's thread, so any number run at once and none blocks.
//
// Thread affinity: call lookup() from the resolver's thread, with a context object living in
// that thread; a worker thread that needs DNS creates its own resolver. Callbacks of lookups
// still running when the resolver is destroyed are not called.
class LdnsResolver : public QObject, public Resolver
{
    Q_OBJECT

public:
    explicit LdnsResolver(const ResolverOptions& options = {}, QObject* parent = nullptr);
    ~LdnsResolver() override;

    void lookup(const QString& name, RecordType type, QObject* context, Callback done) override;

    [[nodiscard]] const ResolverOptions& options() const { return m_options; }
    // The servers in use, after parsing options().servers or reading /etc/resolv.conf.
    [[nodiscard]] QList<ServerAddress> servers() const { return m_servers; }
    // Empty, or why options().servers cannot be used (every lookup then fails with Error).
    [[nodiscard]] QString configurationError() const { return m_configurationError; }

    void setCacheEnabled(bool enabled);
    [[nodiscard]] bool isCacheEnabled() const { return m_cacheEnabled; }
    void clearCache();
    // Lookups waiting for an answer (identical concurrent lookups count once).
    [[nodiscard]] int pendingLookups() const { return static_cast<int>(m_pending.size()); }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool guarded = false; // a context was given: deliver only while it lives
        Callback done;
    };
    struct Pending
    {
        QString name; // ASCII
        RecordType type = RecordType::A;
        QList<Waiter> waiters;
        int firstServer = 0;
        int triesDone = 0;
    };

    void startTry(const QString& key);
    void handleOutcome(const QString& key, const ServerAddress& server, const DnsExchange::Outcome& outcome);
    void complete(const QString& key, const LookupResult& result, std::chrono::seconds cacheTtl);
    void deliver(const Waiter& waiter, const LookupResult& result);
    [[nodiscard]] int totalTries() const;

    const ResolverOptions m_options;
    QList<ServerAddress> m_servers;
    QString m_configurationError;
    int m_nextServer = 0;
    bool m_cacheEnabled;
    ResolverCache m_cache;
    // Keyed by lower-case name and type, so that identical lookups share one query.
    QHash<QString, std::shared_ptr<Pending>> m_pending;
};

} // namespace pw::dns
