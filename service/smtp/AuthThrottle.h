#pragma once

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace pw::service {

// Counts failed logins per client address and per account over a sliding window; past the
// limit, that address or account is locked out for a while (answer 454 4.7.0 without even
// checking the password, so guessing costs the attacker time, not us CPU). A success clears
// the account's count, never the address's: one valid account must not reset a spray.
class AuthThrottle
{
public:
    struct Limits
    {
        int failuresPerAddress = 10;
        int failuresPerAccount = 5;
        qint64 windowSeconds = 900;
        qint64 lockoutSeconds = 900;
    };

    AuthThrottle() = default;
    explicit AuthThrottle(Limits limits)
        : m_limits(limits)
    {}
    void setLimits(Limits limits) { m_limits = limits; }

    // Seconds until the address or account may try again; 0 = now.
    [[nodiscard]] qint64 lockedFor(const QHostAddress& address, const QString& account,
                                   const QDateTime& now) const;
    // Records a failure; returns true when this failure started a lockout (log it once).
    bool recordFailure(const QHostAddress& address, const QString& account, const QDateTime& now);
    void recordSuccess(const QString& account);

private:
    struct Entry
    {
        QList<QDateTime> failures; // within the window, oldest first
        QDateTime lockedUntil;
    };
    bool addFailure(Entry& entry, int limit, const QDateTime& now);
    void prune(const QDateTime& now);

    Limits m_limits;
    QHash<QString, Entry> m_addresses;
    QHash<QString, Entry> m_accounts;
    int m_calls = 0;
};

} // namespace pw::service
