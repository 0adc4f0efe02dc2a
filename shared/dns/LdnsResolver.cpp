#include "shared/dns/LdnsResolver.h"

#include "shared/dns/DnsLog.h"
#include "shared/dns/DnsName.h"
#include "shared/dns/ResponseInterpreter.h"

#include <QThread>
#include <algorithm>

namespace pw::dns {

namespace {

QString pendingKey(const QString& asciiName, RecordType type)
{
    return asciiName.toLower() + QLatin1Char('/') + QString::number(static_cast<quint16>(type));
}

} // namespace

LdnsResolver::LdnsResolver(const ResolverOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_cacheEnabled(options.cacheEnabled)
    , m_cache(options.cacheMaxEntries)
{
    if (m_options.servers.isEmpty()) {
        m_servers = ServerAddress::systemServers();
    } else {
        for (const QString& text : m_options.servers) {
            const auto server = ServerAddress::parse(text);
            if (!server) {
                m_configurationError =
                    QStringLiteral("invalid DNS server \"%1\" (expected host:port)").arg(text);
                m_servers.clear();
                break;
            }
            m_servers.append(*server);
        }
    }
}

LdnsResolver::~LdnsResolver() = default;

void LdnsResolver::setCacheEnabled(bool enabled)
{
    m_cacheEnabled = enabled;
    if (!enabled)
        m_cache.clear();
}

void LdnsResolver::clearCache()
{
    m_cache.clear();
}

int LdnsResolver::totalTries() const
{
    return 1 + std::max(0, m_options.retries);
}

void LdnsResolver::lookup(const QString& name, RecordType type, QObject* context, Callback done)
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "LdnsResolver::lookup", "called from another thread");
    Waiter waiter{context, context != nullptr, std::move(done)};

    const auto ascii = toAceName(name);
    if (!ascii || !m_configurationError.isEmpty()) {
        LookupResult result;
        result.name = ascii.value_or(name);
        result.type = type;
        result.status = Status::Error;
        result.errorString =
            ascii ? m_configurationError : QStringLiteral("invalid domain name \"%1\"").arg(name);
        deliver(waiter, result);
        return;
    }

    if (m_cacheEnabled) {
        if (auto cached = m_cache.find(*ascii, type, ResolverCache::Clock::now())) {
            qCDebug(lcDns) << "cache hit" << *ascii << recordTypeName(type);
            deliver(waiter, *cached);
            return;
        }
    }

    const QString key = pendingKey(*ascii, type);
    if (const auto it = m_pending.constFind(key); it != m_pending.cend()) {
        (*it)->waiters.append(std::move(waiter));
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->name = *ascii;
    pending->type = type;
    pending->waiters.append(std::move(waiter));
    if (m_options.rotate && !m_servers.isEmpty()) {
        pending->firstServer = m_nextServer;
        m_nextServer = (m_nextServer + 1) % static_cast<int>(m_servers.size());
    }
    m_pending.insert(key, pending);
    startTry(key);
}

void LdnsResolver::startTry(const QString& key)
{
    const std::shared_ptr<Pending> pending = m_pending.value(key);
    const int index = (pending->firstServer + pending->triesDone) % static_cast<int>(m_servers.size());
    const ServerAddress server = m_servers.at(index);
    ++pending->triesDone;

    auto* exchange = new DnsExchange(server, pending->name, pending->type, m_options.timeout, this);
    exchange->start([this, key, exchange, server](const DnsExchange::Outcome& outcome) {
        exchange->deleteLater();
        handleOutcome(key, server, outcome);
    });
}

void LdnsResolver::handleOutcome(const QString& key, const ServerAddress& server,
                                 const DnsExchange::Outcome& outcome)
{
    const std::shared_ptr<Pending> pending = m_pending.value(key);
    if (!pending)
        return;
    const bool triesLeft = pending->triesDone < totalTries();

    if (outcome.kind == DnsExchange::Outcome::Kind::Answer) {
        auto interpretation =
            ResponseInterpreter::interpret(outcome.response, pending->name, pending->type, m_options);
        interpretation.result.server = server.toString();
        // A server that fails or refuses may be alone in that (a broken forwarder, an ACL):
        // ask the next one, if there is another (RFC 1035 7.2 leaves the policy to us).
        if (interpretation.result.isTemporaryFailure() && triesLeft && m_servers.size() > 1) {
            qCDebug(lcDns) << interpretation.result.errorString << "from" << server.toString()
                           << "- next server";
            startTry(key);
            return;
        }
        if (!interpretation.result.errorString.isEmpty())
            interpretation.result.errorString += QStringLiteral(" (from %1)").arg(server.toString());
        complete(key, interpretation.result, interpretation.cacheTtl);
        return;
    }

    if (triesLeft) {
        qCDebug(lcDns) << outcome.error << "- trying again";
        startTry(key);
        return;
    }
    LookupResult result;
    result.name = pending->name;
    result.type = pending->type;
    result.status = outcome.kind == DnsExchange::Outcome::Kind::Timeout ? Status::Timeout : Status::Error;
    result.errorString = outcome.error;
    if (outcome.kind == DnsExchange::Outcome::Kind::Timeout && totalTries() > 1)
        result.errorString += QStringLiteral(" (%1 tries)").arg(totalTries());
    complete(key, result, std::chrono::seconds::zero());
}

void LdnsResolver::complete(const QString& key, const LookupResult& result, std::chrono::seconds cacheTtl)
{
    const std::shared_ptr<Pending> pending = m_pending.take(key);
    if (!pending)
        return;
    // ServFail, Timeout and errors come with a zero TTL: they are never cached.
    if (m_cacheEnabled && cacheTtl > std::chrono::seconds::zero())
        m_cache.insert(result, cacheTtl, ResolverCache::Clock::now());
    for (const Waiter& waiter : std::as_const(pending->waiters))
        deliver(waiter, result);
}

void LdnsResolver::deliver(const Waiter& waiter, const LookupResult& result)
{
    // Always through the event loop: the caller never sees its callback run inside lookup(),
    // and a callback that starts lookups or deletes the resolver does not pull the rug out
    // from under this loop.
    if (waiter.guarded) {
        if (!waiter.context)
            return;
        // A queued call to a context that is destroyed before it runs is dropped by Qt.
        QMetaObject::invokeMethod(
            waiter.context.data(), [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this, [done = waiter.done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace pw::dns
