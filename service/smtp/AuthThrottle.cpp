#include "service/smtp/AuthThrottle.h"

namespace pw::service {

namespace {

QString addressKey(const QHostAddress& address)
{
    // An IPv6 client can use a whole /64; count it as one.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

qint64 remaining(const QDateTime& until, const QDateTime& now)
{
    if (!until.isValid() || until <= now)
        return 0;
    return std::max<qint64>(1, now.secsTo(until));
}

} // namespace

qint64 AuthThrottle::lockedFor(const QHostAddress& address, const QString& account,
                               const QDateTime& now) const
{
    qint64 wait = 0;
    if (const auto it = m_addresses.constFind(addressKey(address)); it != m_addresses.constEnd())
        wait = remaining(it->lockedUntil, now);
    if (!account.isEmpty()) {
        if (const auto it = m_accounts.constFind(account.toLower()); it != m_accounts.constEnd())
            wait = std::max(wait, remaining(it->lockedUntil, now));
    }
    return wait;
}

bool AuthThrottle::addFailure(Entry& entry, int limit, const QDateTime& now)
{
    const QDateTime windowStart = now.addSecs(-m_limits.windowSeconds);
    while (!entry.failures.isEmpty() && entry.failures.first() < windowStart)
        entry.failures.removeFirst();
    entry.failures.append(now);
    if (entry.failures.size() >= limit && remaining(entry.lockedUntil, now) == 0) {
        entry.lockedUntil = now.addSecs(m_limits.lockoutSeconds);
        entry.failures.clear();
        return true;
    }
    return false;
}

bool AuthThrottle::recordFailure(const QHostAddress& address, const QString& account, const QDateTime& now)
{
    if (++m_calls % 256 == 0)
        prune(now);
    bool locked = addFailure(m_addresses[addressKey(address)], m_limits.failuresPerAddress, now);
    if (!account.isEmpty())
        locked = addFailure(m_accounts[account.toLower()], m_limits.failuresPerAccount, now) || locked;
    return locked;
}

void AuthThrottle::recordSuccess(const QString& account)
{
    m_accounts.remove(account.toLower());
}

void AuthThrottle::prune(const QDateTime& now)
{
    // Keeps memory bounded under a spray from many addresses: entries with nothing in the
    // window and no lockout are forgotten.
    const QDateTime windowStart = now.addSecs(-m_limits.windowSeconds);
    for (QHash<QString, Entry>* table : {&m_addresses, &m_accounts}) {
        for (auto it = table->begin(); it != table->end();) {
            const bool stale = remaining(it->lockedUntil, now) == 0 &&
                               (it->failures.isEmpty() || it->failures.last() < windowStart);
            it = stale ? table->erase(it) : std::next(it);
        }
    }
}

} // namespace pw::service
